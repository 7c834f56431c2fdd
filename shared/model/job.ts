import { z } from 'zod';
import { IpcErrorPayload } from '../ipc/result';

/** Long engine work the UI follows: image pulls, pushes and builds, and Compose runs. */
export const JobKind = z.enum(['pull', 'push', 'build', 'compose']);
export type JobKind = z.infer<typeof JobKind>;

/** A job's id (`job-<n>`), also a subscription-id shape. */
export const JobId = z.string().regex(/^job-\d{1,12}$/, 'Not a job id.');
export type JobId = z.infer<typeof JobId>;

/** One layer of a pull or push as the engine's JSON progress stream reports it. */
export const JobLayer = z.object({
  id: z.string().max(128),
  /** The engine's words: Waiting, Downloading, Extracting, Pushing, Pull complete, Already exists… */
  status: z.string().max(200),
  current: z.number().nonnegative().nullable(),
  total: z.number().nonnegative().nullable(),
  done: z.boolean(),
});
export type JobLayer = z.infer<typeof JobLayer>;

/** A job now: what it is, where it stands, its layers and how many output lines it printed (the lines travel separately). */
export const JobSummary = z.object({
  id: JobId,
  kind: JobKind,
  /** What it works on: an image reference, a build context folder, a Compose project. */
  target: z.string(),
  /** One line for people: "Pull 127.0.0.1:5000/app:1", "Compose up shop". */
  title: z.string(),
  state: z.enum(['running', 'succeeded', 'failed', 'cancelled']),
  startedAt: z.number().int(),
  endedAt: z.number().int().nullable(),
  /** 0 to 1 when known (bytes of every layer with a total), else null. */
  progress: z.number().min(0).max(1).nullable(),
  /** The latest status line. */
  message: z.string(),
  layers: z.array(JobLayer),
  /** Lines printed so far, dropped ones included. */
  lineCount: z.number().int().nonnegative(),
  cancellable: z.boolean(),
  /** What it made: the image id of a build, the digest of a push. */
  result: z.string().nullable(),
  error: IpcErrorPayload.optional(),
});
export type JobSummary = z.infer<typeof JobSummary>;

/** A job with the tail of its output (the last JOB_LINES_KEPT lines). */
export const JobDetail = z.object({ job: JobSummary, lines: z.array(z.string()), firstLine: z.number().int().nonnegative() });
export type JobDetail = z.infer<typeof JobDetail>;

/** The `jobs:progressed` push: the job now and the lines printed since the last push (throttled). */
export const JobProgress = z.object({ job: JobSummary, lines: z.array(z.string()), droppedLines: z.number().int().nonnegative() });
export type JobProgress = z.infer<typeof JobProgress>;
