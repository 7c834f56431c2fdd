import type { IpcErrorPayload } from '../../../shared/ipc/result';
import type { JobDetail, JobKind, JobLayer, JobSummary } from '../../../shared/model/job';
import type { ProgressMessage } from '../docker/container-engine';
import { ServiceError } from '../errors';
import type { Clock, EventSink, Logger } from '../ports';

/** How often a running job pushes `jobs:progressed` at most: about every third frame of a 60 Hz screen. */
export const JOB_PUSH_MS = 50;
/** Output lines a job keeps for `jobs:get` (the oldest go first). */
export const JOB_LINES_KEPT = 5_000;
/** Lines one push carries at most; more between two pushes are dropped from the push (and counted). */
export const JOB_LINES_PER_PUSH = 2_000;
/** Longest output line kept; longer ones are cut. */
export const JOB_LINE_CHARS = 4_096;
/** Layers one job tracks at most. */
export const JOB_LAYERS_MAX = 256;
/** Jobs that may run at once. */
export const JOBS_RUNNING_MAX = 4;
/** Finished jobs kept for `jobs:list`. */
export const JOBS_FINISHED_KEPT = 20;
/** How long `cancel` waits for the work to stop before answering. */
const CANCEL_WAIT_MS = 10_000;
/** A partial line longer than this is emitted as a line of its own. */
const PARTIAL_LINE_CHARS = 64 * 1024;

/** What a job's work reports through as it goes. */
export interface JobReporter {
  /** One message of the engine's JSON progress stream: layers, build output, status; its `error` is recorded. */
  message(message: ProgressMessage): void;
  /** Output text, split into lines (a trailing partial line waits for the rest). */
  output(text: string): void;
  /** The latest status line. */
  status(text: string): void;
  /** What the job made (an image id, a digest). */
  result(value: string): void;
}

/** What a job is, for people and for the list. */
export interface JobSpec {
  kind: JobKind;
  target: string;
  title: string;
  cancellable?: boolean;
}

/** The work of a job: resolves when done, rejects on failure; must stop when `signal` aborts. */
export type JobWork = (reporter: JobReporter, signal: AbortSignal) => Promise<void>;

interface JobRecord {
  summary: JobSummary;
  layers: Map<string, JobLayer>;
  lines: string[];
  /** Index of lines[0] among every line printed. */
  firstLine: number;
  pending: string[];
  dropped: number;
  partial: string;
  /** Layers whose bytes have all arrived (downloaded, verifying, extracting): they count whole in the overall progress. */
  downloaded: Set<string>;
  controller: AbortController;
  settled: Promise<void>;
  timer: ReturnType<typeof setTimeout> | null;
  cancelRequested: boolean;
  waiters: ((summary: JobSummary) => void)[];
}

/** The options of the job service. */
export interface JobServiceOptions {
  events: EventSink;
  clock: Clock;
  logger: Logger;
  /** Overrides JOB_PUSH_MS (tests). */
  pushMs?: number;
}

/** A byte count as the engine may send it: a number from 0 to 2^53 (sums of 256 of them stay finite), else null. */
function finiteOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= Number.MAX_SAFE_INTEGER ? value : null;
}

/** At most `max` characters, the cut marked by an ellipsis (the contract's maxima count it). */
function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const DONE_STATUS = /^(pull complete|already exists|pushed|layer already exists|download complete|mounted from)/i;
/** A pulled layer's bytes are all there; extraction follows and reports its own progress. */
const DOWNLOADED_STATUS = /^(download complete|verifying checksum|extracting)/i;

/**
 * Long engine work (pulls, pushes, builds, Compose runs) as jobs the UI follows: each job's layers, status and
 * output are folded from what its work reports and pushed as `jobs:progressed` at most every JOB_PUSH_MS (the
 * last push at once), with its new lines only; every buffer is bounded (layers, lines kept, lines per push, line
 * length, running and finished jobs). `cancel` aborts the work's signal; `dispose` aborts every job.
 */
export class JobService {
  private readonly jobs = new Map<string, JobRecord>();
  private nextId = 1;
  private disposed = false;

  constructor(private readonly options: JobServiceOptions) {}

  /** Starts a job and answers its summary at once; CONFLICT when JOBS_RUNNING_MAX already run. */
  start(spec: JobSpec, work: JobWork): JobSummary {
    if (this.disposed) throw new ServiceError('UNAVAILABLE', 'The job service has been shut down.');
    const running = [...this.jobs.values()].filter((job) => job.summary.state === 'running').length;
    if (running >= JOBS_RUNNING_MAX) {
      throw new ServiceError('CONFLICT', `${JOBS_RUNNING_MAX} jobs are already running; wait for one to finish or cancel one.`);
    }
    const id = `job-${this.nextId++}`;
    const record: JobRecord = {
      summary: {
        id,
        kind: spec.kind,
        target: spec.target,
        title: spec.title,
        state: 'running',
        startedAt: this.options.clock.now(),
        endedAt: null,
        progress: null,
        message: 'Starting…',
        layers: [],
        lineCount: 0,
        cancellable: spec.cancellable ?? true,
        result: null,
      },
      layers: new Map(),
      lines: [],
      firstLine: 0,
      pending: [],
      dropped: 0,
      partial: '',
      downloaded: new Set(),
      controller: new AbortController(),
      settled: Promise.resolve(),
      timer: null,
      cancelRequested: false,
      waiters: [],
    };
    this.jobs.set(id, record);
    this.options.logger.info(`job ${id} started: ${spec.title}`);
    record.settled = this.run(record, work);
    this.schedule(record);
    return { ...record.summary };
  }

  private async run(record: JobRecord, work: JobWork): Promise<void> {
    const reporter = this.reporter(record);
    let failure: unknown = null;
    try {
      await Promise.resolve().then(() => work(reporter, record.controller.signal));
    } catch (error) {
      failure = error;
    }
    this.flushPartial(record);
    const now = this.options.clock.now();
    if (record.cancelRequested) {
      record.summary = { ...record.summary, state: 'cancelled', endedAt: now, message: 'Cancelled.' };
    } else if (failure !== null) {
      const error = this.errorPayload(failure);
      record.summary = { ...record.summary, state: 'failed', endedAt: now, message: error.message, error };
    } else {
      record.summary = { ...record.summary, state: 'succeeded', endedAt: now, message: record.summary.message === 'Starting…' ? 'Done.' : record.summary.message };
      if (record.layers.size > 0) record.summary.progress = 1;
    }
    this.options.logger.info(`job ${record.summary.id} ${record.summary.state}: ${record.summary.message}`);
    this.push(record);
    for (const waiter of record.waiters.splice(0)) waiter(this.snapshot(record));
    this.forgetOldJobs();
  }

  private errorPayload(error: unknown): IpcErrorPayload {
    if (error instanceof ServiceError) return { code: error.code, message: error.message };
    this.options.logger.error('a job failed unexpectedly', error);
    return { code: 'INTERNAL', message: 'The job failed unexpectedly; the log has the details.' };
  }

  private reporter(record: JobRecord): JobReporter {
    const live = (): boolean => record.summary.state === 'running' && !this.disposed;
    return {
      message: (message) => {
        if (live()) this.applyMessage(record, message);
      },
      output: (text) => {
        if (live()) this.addOutput(record, text);
      },
      status: (text) => {
        if (!live()) return;
        record.summary.message = clip(text, JOB_LINE_CHARS);
        this.schedule(record);
      },
      result: (value) => {
        if (!live()) return;
        record.summary.result = clip(value, 512);
        this.schedule(record);
      },
    };
  }

  private applyMessage(record: JobRecord, message: ProgressMessage): void {
    if (typeof message !== 'object' || message === null) return;
    if (typeof message.stream === 'string') this.addOutput(record, message.stream);
    const error = typeof message.errorDetail?.message === 'string' ? message.errorDetail.message : typeof message.error === 'string' ? message.error : null;
    if (error !== null) this.addOutput(record, `${error}\n`);
    if (typeof message.aux?.ID === 'string') record.summary.result = clip(message.aux.ID, 512);
    else if (typeof message.aux?.Digest === 'string') record.summary.result = clip(message.aux.Digest, 512);
    const status = typeof message.status === 'string' ? clip(message.status, 200) : null;
    const id = typeof message.id === 'string' && message.id !== '' ? clip(message.id, 128) : null;
    if (id !== null && status !== null && /^[0-9a-f]{12,64}$/.test(id)) {
      this.applyLayer(record, id, status, message.progressDetail);
    } else if (status !== null) {
      record.summary.message = id === null ? status : `${id}: ${status}`;
    }
    this.schedule(record);
  }

  private applyLayer(record: JobRecord, id: string, status: string, detail: ProgressMessage['progressDetail']): void {
    const known = record.layers.get(id);
    if (known === undefined && record.layers.size >= JOB_LAYERS_MAX) return;
    const current = finiteOrNull(detail?.current);
    const total = finiteOrNull(detail?.total);
    const done = DONE_STATUS.test(status);
    if (DOWNLOADED_STATUS.test(status)) record.downloaded.add(id);
    record.layers.set(id, {
      id,
      status,
      current: done ? (known?.total ?? total ?? known?.current ?? null) : (current ?? known?.current ?? null),
      total: total ?? known?.total ?? null,
      done,
    });
  }

  private addOutput(record: JobRecord, text: string): void {
    const parts = (record.partial + text).split(/\r?\n/);
    record.partial = parts.pop() ?? '';
    if (record.partial.length > PARTIAL_LINE_CHARS) {
      parts.push(record.partial);
      record.partial = '';
    }
    for (const line of parts) this.addLine(record, line);
    this.schedule(record);
  }

  private flushPartial(record: JobRecord): void {
    if (record.partial === '') return;
    this.addLine(record, record.partial);
    record.partial = '';
  }

  private addLine(record: JobRecord, raw: string): void {
    const line = clip(raw, JOB_LINE_CHARS);
    record.summary.lineCount += 1;
    record.lines.push(line);
    if (record.lines.length > JOB_LINES_KEPT) {
      const excess = record.lines.length - JOB_LINES_KEPT;
      record.lines.splice(0, excess);
      record.firstLine += excess;
    }
    record.pending.push(line);
    if (record.pending.length > JOB_LINES_PER_PUSH) {
      const excess = record.pending.length - JOB_LINES_PER_PUSH;
      record.pending.splice(0, excess);
      record.dropped += excess;
    }
  }

  private schedule(record: JobRecord): void {
    if (record.timer !== null || this.disposed) return;
    record.timer = setTimeout(() => {
      record.timer = null;
      if (record.summary.state === 'running') this.push(record);
    }, this.options.pushMs ?? JOB_PUSH_MS);
    record.timer.unref?.();
  }

  private snapshot(record: JobRecord): JobSummary {
    const layers = [...record.layers.values()];
    if (record.summary.state === 'running') record.summary.progress = this.progress(record, layers) ?? record.summary.progress;
    return { ...record.summary, layers };
  }

  /**
   * Bytes arrived over bytes expected, of the layers with a size. A layer still waiting (no size yet: the engine
   * downloads three at a time) counts as the mean size of the sized ones, so the bar does not fall back each time
   * the next layers start; a downloaded layer counts whole while it is extracted. Null while no layer has a size.
   */
  private progress(record: JobRecord, layers: JobLayer[]): number | null {
    let expected = 0;
    let arrived = 0;
    let sized = 0;
    let waiting = 0;
    for (const layer of layers) {
      if (layer.total === null || layer.total === 0) {
        if (!layer.done) waiting += 1;
        continue;
      }
      sized += 1;
      expected += layer.total;
      arrived += layer.done || record.downloaded.has(layer.id) ? layer.total : Math.min(layer.total, layer.current ?? 0);
    }
    if (sized === 0) return null;
    return Math.min(1, arrived / (expected + (waiting * expected) / sized));
  }

  private push(record: JobRecord): void {
    if (record.timer !== null) {
      clearTimeout(record.timer);
      record.timer = null;
    }
    const lines = record.pending.splice(0);
    const droppedLines = record.dropped;
    record.dropped = 0;
    this.options.events.emit('jobs:progressed', { job: this.snapshot(record), lines, droppedLines });
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs.values()].filter((job) => job.summary.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - JOBS_FINISHED_KEPT))) this.jobs.delete(job.summary.id);
  }

  private find(jobId: string): JobRecord {
    const record = this.jobs.get(jobId);
    if (record === undefined) throw new ServiceError('NOT_FOUND', `No such job: ${jobId} (finished jobs are kept for a while only).`);
    return record;
  }

  /** Every job kept, newest first. */
  list(): JobSummary[] {
    return [...this.jobs.values()].reverse().map((record) => this.snapshot(record));
  }

  /** One job with the tail of its output. */
  get(jobId: string): JobDetail {
    const record = this.find(jobId);
    return { job: this.snapshot(record), lines: [...record.lines], firstLine: record.firstLine };
  }

  /** Resolves with the job's summary once it has finished. */
  wait(jobId: string): Promise<JobSummary> {
    const record = this.find(jobId);
    if (record.summary.state !== 'running') return Promise.resolve(this.snapshot(record));
    return new Promise((resolve) => record.waiters.push(resolve));
  }

  /** Aborts a running job and answers once it stopped (or after 10 s); a finished job is answered as it is. */
  async cancel(jobId: string): Promise<JobSummary> {
    const record = this.find(jobId);
    if (record.summary.state !== 'running') return this.snapshot(record);
    if (!record.summary.cancellable) throw new ServiceError('CONFLICT', `${record.summary.title} cannot be cancelled once started.`);
    record.cancelRequested = true;
    record.controller.abort();
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([record.settled, new Promise<void>((resolve) => (timer = setTimeout(resolve, CANCEL_WAIT_MS)))]);
    clearTimeout(timer);
    return this.snapshot(record);
  }

  /** Aborts every running job and clears the push timers. */
  dispose(): void {
    this.disposed = true;
    for (const record of this.jobs.values()) {
      if (record.timer !== null) clearTimeout(record.timer);
      record.timer = null;
      if (record.summary.state === 'running') {
        record.cancelRequested = true;
        record.controller.abort();
      }
    }
  }
}
