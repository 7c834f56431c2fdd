import type { EventChannel, EventPayload, InvokeChannel } from '../../shared/ipc/contract';
import { fail, ok, type IpcResult } from '../../shared/ipc/result';
import type { JobKind, JobLayer, JobSummary } from '../../shared/model/job';

type Emit = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => void;

/** When the fake's jobs start. */
export const JOBS_AT = Date.UTC(2026, 11, 2, 9, 0);

interface FakeJob {
  summary: JobSummary;
  lines: string[];
}

/**
 * The jobs of the fake host (pulls, pushes, builds, Compose runs): fakes of those channels start one here, then a
 * test moves it with `progress` and `finish`; each change pushes `jobs:progressed` as the host does.
 */
export class FakeJobs {
  private readonly jobs = new Map<string, FakeJob>();
  private next = 1;

  constructor(private readonly emit: Emit) {}

  /** Starts a running job and answers its summary. */
  start(kind: JobKind, target: string, title: string): JobSummary {
    const id = `job-${this.next++}`;
    const summary: JobSummary = {
      id,
      kind,
      target,
      title,
      state: 'running',
      startedAt: JOBS_AT,
      endedAt: null,
      progress: null,
      message: 'Starting…',
      layers: [],
      lineCount: 0,
      cancellable: true,
      result: null,
    };
    this.jobs.set(id, { summary, lines: [] });
    return { ...summary };
  }

  /** The newest job's id (or undefined). */
  latestId(): string | undefined {
    return [...this.jobs.keys()].at(-1);
  }

  /** Changes a running job (layers, message, progress) and prints lines; pushes the change. */
  progress(id: string, change: { layers?: JobLayer[]; message?: string; progress?: number | null; lines?: string[] }): void {
    const job = this.require(id);
    const lines = change.lines ?? [];
    job.lines.push(...lines);
    job.summary = {
      ...job.summary,
      ...(change.layers === undefined ? {} : { layers: change.layers }),
      ...(change.message === undefined ? {} : { message: change.message }),
      ...(change.progress === undefined ? {} : { progress: change.progress }),
      lineCount: job.summary.lineCount + lines.length,
    };
    this.emit('jobs:progressed', { job: { ...job.summary }, lines, droppedLines: 0 });
  }

  /** Ends a job as succeeded, failed or cancelled; pushes the end. */
  finish(id: string, state: 'succeeded' | 'failed' | 'cancelled', message: string, result: string | null = null): void {
    const job = this.require(id);
    job.summary = {
      ...job.summary,
      state,
      message,
      result,
      endedAt: JOBS_AT + 5_000,
      ...(state === 'failed' ? { error: { code: 'CONFLICT' as const, message } } : {}),
    };
    this.emit('jobs:progressed', { job: { ...job.summary }, lines: [], droppedLines: 0 });
  }

  private require(id: string): FakeJob {
    const job = this.jobs.get(id);
    if (job === undefined) throw new Error(`No fake job ${id}.`);
    return job;
  }

  /** The answer for jobs:list, jobs:get and jobs:cancel, or undefined for any other channel. */
  answer(channel: InvokeChannel, request: unknown): IpcResult<unknown> | undefined {
    switch (channel) {
      case 'jobs:list':
        return ok([...this.jobs.values()].reverse().map((job) => ({ ...job.summary })));
      case 'jobs:get': {
        const job = this.jobs.get((request as { jobId: string }).jobId);
        if (job === undefined) return fail('NOT_FOUND', 'No such job.');
        return ok({ job: { ...job.summary }, lines: [...job.lines], firstLine: 0 });
      }
      case 'jobs:cancel': {
        const { jobId } = request as { jobId: string };
        const job = this.jobs.get(jobId);
        if (job === undefined) return fail('NOT_FOUND', 'No such job.');
        if (job.summary.state === 'running') this.finish(jobId, 'cancelled', 'Cancelled.');
        return ok({ ...job.summary });
      }
      default:
        return undefined;
    }
  }
}
