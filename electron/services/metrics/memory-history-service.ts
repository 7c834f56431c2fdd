import type { MemoryHistory, MemoryReport, MemoryResolution, MemorySample } from '../../../shared/model/memory';
import { ServiceError } from '../errors';
import type { InsightDeps } from '../insight-deps';
import type { JsonStateFile } from '../storage/json-state-file';
import { MINUTE_CAPACITY, SECOND_CAPACITY, openHistoryFile, type MemoryHistoryDocument } from './history-file';
import { MINUTE_MS, completedMinutes, minuteOf } from './minute-aggregate';
import { RingBuffer } from './ring-buffer';
import { sampleOfReport } from './sample-of-report';

/** The client id of the CLI (`lightdock memory --watch`): it has no window, so it is always visible. */
export const CLI_CLIENT_ID = 'cli';

/** How often the sampler takes a report while someone visible watches. */
export const SAMPLE_INTERVAL_MS = 1000;

/** Bounds of the sampler: subscriptions per client and in all, and how many samples may wait before a write. */
export interface MemoryHistoryLimits {
  maxPerClient: number;
  maxSubscriptions: number;
  /** The file is written after this many new samples (about every 10 s while sampling), when sampling stops, and on dispose. */
  writeEverySamples: number;
}

/** The defaults: 4 subscriptions per client, 32 in all, a write every 10 samples. */
export const DEFAULT_MEMORY_HISTORY_LIMITS: MemoryHistoryLimits = { maxPerClient: 4, maxSubscriptions: 32, writeEverySamples: 10 };

/** Ticks skipped in a row (a report still running) before the sampler warns once that the source is slow. */
const SLOW_SOURCE_TICKS = 10;

interface Subscription {
  id: string;
  clientId: string;
}

interface Rings {
  seconds: RingBuffer<MemorySample>;
  minutes: RingBuffer<MemorySample>;
}

/**
 * Samples the memory breakdown into two bounded rings persisted in the data directory: 1 s points for 10 minutes
 * (600) and 1 min points for 24 hours (1,440; each the mean of that minute's 1 s points, see aggregateMinute).
 * One 1 s timer runs only while at least one subscription's client is visible (the CLI always is); a tick is
 * skipped while the previous report is still running. Each sample is pushed as `memory:sampled` to the visible
 * subscriptions that existed when it was taken. Subscriptions are capped per client and in all (CONFLICT); another
 * client's or an unknown id is NOT_FOUND and changes nothing. The file is loaded lazily, written at most every
 * 10 samples while sampling, when sampling stops and on dispose.
 */
export class MemoryHistoryService {
  private readonly limits: MemoryHistoryLimits;
  private readonly file: JsonStateFile<MemoryHistoryDocument>;
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly hidden = new Set<string>();
  private rings: Rings | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private inFlight = false;
  private skippedInARow = 0;
  private unsaved = 0;
  private nextId = 1;
  private sourceFailing = false;
  private writeFailing = false;
  private disposed = false;

  constructor(
    private readonly deps: Pick<InsightDeps, 'events' | 'clock' | 'logger' | 'dataDir'>,
    private readonly source: () => Promise<MemoryReport>,
    limits: Partial<MemoryHistoryLimits> = {},
  ) {
    this.limits = { ...DEFAULT_MEMORY_HISTORY_LIMITS, ...limits };
    this.file = openHistoryFile(deps.dataDir, deps.clock, deps.logger);
  }

  /**
   * The history at one resolution, oldest first. While this process is not sampling and has nothing unwritten it
   * reads the file again (another process, such as `lightdock memory --watch`, may have sampled). The 1 min history
   * holds completed minutes: the minute being sampled joins it once a sample of the next minute is taken.
   */
  async history(resolution: MemoryResolution): Promise<MemoryHistory> {
    if (this.timer === null && this.unsaved === 0) this.rings = null;
    const rings = this.load();
    return resolution === '1s'
      ? { resolution, intervalMs: SAMPLE_INTERVAL_MS, capacity: SECOND_CAPACITY, samples: rings.seconds.toArray() }
      : { resolution, intervalMs: MINUTE_MS, capacity: MINUTE_CAPACITY, samples: rings.minutes.toArray() };
  }

  /** Starts sampling for one client (pushed as `memory:sampled` once a second while it is visible). */
  async watch(clientId: string): Promise<{ subscriptionId: string }> {
    if (this.disposed) throw new ServiceError('UNAVAILABLE', 'The memory history is shutting down.');
    const owned = [...this.subscriptions.values()].filter((sub) => sub.clientId === clientId).length;
    if (owned >= this.limits.maxPerClient) {
      throw new ServiceError('CONFLICT', `This client already watches the memory history ${owned} times (at most ${this.limits.maxPerClient}); stop one first.`);
    }
    if (this.subscriptions.size >= this.limits.maxSubscriptions) {
      throw new ServiceError('CONFLICT', `The memory history already has ${this.subscriptions.size} watchers (at most ${this.limits.maxSubscriptions}).`);
    }
    this.load();
    const sub: Subscription = { id: `memory-${this.nextId++}`, clientId };
    this.subscriptions.set(sub.id, sub);
    this.updateTimer();
    return { subscriptionId: sub.id };
  }

  /** Ends one subscription the client owns; another client's or an unknown id is NOT_FOUND and changes nothing. */
  unwatch(clientId: string, subscriptionId: string): void {
    const sub = this.subscriptions.get(subscriptionId);
    if (!sub || sub.clientId !== clientId) throw new ServiceError('NOT_FOUND', `No memory subscription "${subscriptionId}".`);
    this.subscriptions.delete(subscriptionId);
    this.updateTimer();
  }

  /** Pauses (hidden) or resumes (visible) a client's subscriptions; the CLI is always visible. */
  setVisibility(clientId: string, visible: boolean): void {
    if (clientId === CLI_CLIENT_ID) return;
    if (visible) this.hidden.delete(clientId);
    else this.hidden.add(clientId);
    this.updateTimer();
  }

  /** Ends every subscription of a client that went away and forgets its visibility. */
  releaseClient(clientId: string): void {
    for (const sub of [...this.subscriptions.values()]) {
      if (sub.clientId === clientId) this.subscriptions.delete(sub.id);
    }
    this.hidden.delete(clientId);
    this.updateTimer();
  }

  /** Stops sampling (a report still running is dropped) and writes what is not on disk yet. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.subscriptions.clear();
    this.hidden.clear();
    this.stopTimer();
    this.save();
  }

  private load(): Rings {
    if (this.rings) return this.rings;
    let document: MemoryHistoryDocument = { version: 1, seconds: [], minutes: [] };
    try {
      document = this.file.read();
    } catch (error) {
      this.deps.logger.warn('The memory history file could not be read; the history starts empty.', error);
    }
    this.rings = { seconds: RingBuffer.from(SECOND_CAPACITY, document.seconds), minutes: RingBuffer.from(MINUTE_CAPACITY, document.minutes) };
    return this.rings;
  }

  private visibleSubscriptions(): Subscription[] {
    return [...this.subscriptions.values()].filter((sub) => !this.hidden.has(sub.clientId));
  }

  private updateTimer(): void {
    const sampling = !this.disposed && this.visibleSubscriptions().length > 0;
    if (sampling && this.timer === null) {
      this.timer = setInterval(() => this.tick(), SAMPLE_INTERVAL_MS);
    } else if (!sampling) {
      this.stopTimer();
    }
  }

  private stopTimer(): void {
    if (this.timer === null) return;
    clearInterval(this.timer);
    this.timer = null;
    this.save();
  }

  private tick(): void {
    if (this.inFlight) {
      this.skippedInARow += 1;
      if (this.skippedInARow === SLOW_SOURCE_TICKS) this.deps.logger.warn(`The memory report has been running for ${SLOW_SOURCE_TICKS} s; samples are skipped until it answers.`);
      return;
    }
    this.skippedInARow = 0;
    this.inFlight = true;
    const t = this.deps.clock.now();
    const targets = this.visibleSubscriptions().map((sub) => sub.id);
    Promise.resolve()
      .then(() => this.source())
      .then(
        (report) => this.record(report, t, targets),
        (error: unknown) => this.sourceFailed(error),
      )
      .finally(() => {
        this.inFlight = false;
      });
  }

  private record(report: MemoryReport, t: number, targets: readonly string[]): void {
    if (this.disposed) return;
    if (this.sourceFailing) {
      this.sourceFailing = false;
      this.deps.logger.info('The memory report answers again; the history resumes.');
    }
    const sample = sampleOfReport(report, t);
    const rings = this.load();
    const previous = rings.seconds.last();
    rings.seconds.push(sample);
    if (previous === undefined || minuteOf(previous.t) !== minuteOf(t)) {
      for (const point of completedMinutes(rings.seconds.toArray(), rings.minutes.last()?.t ?? null, minuteOf(t))) rings.minutes.push(point);
    }
    this.unsaved += 1;
    if (this.unsaved >= this.limits.writeEverySamples || this.timer === null) this.save();
    for (const id of targets) {
      const sub = this.subscriptions.get(id);
      if (sub && !this.hidden.has(sub.clientId)) this.deps.events.emitTo(sub.clientId, 'memory:sampled', { subscriptionId: id, report, sample });
    }
  }

  private sourceFailed(error: unknown): void {
    if (this.disposed || this.sourceFailing) return;
    this.sourceFailing = true;
    this.deps.logger.warn('The memory report failed; the history skips samples until it answers again.', error);
  }

  private save(): void {
    if (this.unsaved === 0 || this.rings === null) return;
    try {
      this.file.write({ version: 1, seconds: this.rings.seconds.toArray(), minutes: this.rings.minutes.toArray() });
      this.unsaved = 0;
      this.writeFailing = false;
    } catch (error) {
      if (!this.writeFailing) this.deps.logger.warn('The memory history could not be written; it is kept in memory and written again later.', error);
      this.writeFailing = true;
      this.unsaved = 1;
    }
  }
}
