import type { ContainerStats, LogLine } from '../../../shared/model/container';
import { ServiceError } from '../errors';
import type { EventSink, Logger } from '../ports';
import type { ContainerEngine, ExecHandle, StreamHandle } from './container-engine';

/** Batching and buffering bounds of the streams (defaults keep the renderer and the main process calm). */
export interface StreamLimits {
  /** Log lines are pushed at most this often… */
  logFlushMs: number;
  /** …or as soon as this many are pending. */
  logBatchLines: number;
  /** At most this many lines wait per subscription; older ones are dropped and counted. */
  logCapLines: number;
  /** One `stats:sampled` push per subscription per interval, with the latest sample of each container. */
  statsIntervalMs: number;
  /** Open log, stats and terminal subscriptions one client may hold at once… */
  maxPerClient: number;
  /** …and all clients together. */
  maxPerHost: number;
  /** Containers all stats subscriptions together may watch (each is one engine stream). */
  maxWatchedContainers: number;
}

/**
 * The defaults: 50 ms or 500 lines per log push, 2000 lines buffered, one stats push per second; 32 subscriptions
 * per client, 256 per host, 2,048 containers watched for stats per host.
 */
export const DEFAULT_STREAM_LIMITS: StreamLimits = {
  logFlushMs: 50,
  logBatchLines: 500,
  logCapLines: 2000,
  statsIntervalMs: 1000,
  maxPerClient: 32,
  maxPerHost: 256,
  maxWatchedContainers: 2048,
};

/** What ContainerStreams needs: the current engine (EngineService provides it), a push sink and a logger. */
export interface ContainerStreamsDeps {
  engine: { current(): Promise<ContainerEngine> };
  events: EventSink;
  logger: Logger;
  limits?: Partial<StreamLimits>;
}

type Timer = ReturnType<typeof setTimeout>;

interface SubscriptionBase {
  id: string;
  clientId: string;
  /** False until the id has been handed to the client, so no push names an id it does not know yet. */
  ready: boolean;
  closed: boolean;
}

interface LogsSubscription extends SubscriptionBase {
  kind: 'logs';
  handle: StreamHandle | null;
  pending: LogLine[];
  dropped: number;
  timer: Timer | null;
}

interface StatsSubscription extends SubscriptionBase {
  kind: 'stats';
  refs: string[];
  handles: StreamHandle[];
  samples: Map<string, ContainerStats>;
  ticker: ReturnType<typeof setInterval> | null;
  /** Bumped on every pause and resume, so a late resume does not restart paused streams. */
  generation: number;
}

interface ExecSubscription extends SubscriptionBase {
  kind: 'exec';
  handle: ExecHandle | null;
  exited: boolean;
  /** Pushes held back until the session id has reached the client. */
  held: Array<() => void>;
}

type Subscription = LogsSubscription | StatsSubscription | ExecSubscription;

/**
 * Log, stats and terminal subscriptions of every client (window, socket). Each push goes only to the
 * client that owns the subscription; another client's id is NOT_FOUND, as an unknown one. Logs are batched
 * and capped (oldest dropped and counted), stats are pushed once per interval per subscription and only
 * stream while the owner is visible, and everything a client owned ends when it goes away. Subscriptions are
 * capped per client and per host (CONFLICT, nothing opened); a client whose connection is backed up is held
 * (`setFlow`): its terminals are paused at the source, its logs wait within their cap, its stats wait.
 */
export class ContainerStreams {
  private readonly limits: StreamLimits;
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly hidden = new Set<string>();
  private readonly held = new Set<string>();
  private nextId = 1;
  private disposed = false;

  constructor(private readonly deps: ContainerStreamsDeps) {
    this.limits = { ...DEFAULT_STREAM_LIMITS, ...deps.limits };
  }

  /** Follows a container's logs for one client; lines arrive as `logs:received` pushes to that client. */
  async followLogs(clientId: string, id: string, options: { tail: number; timestamps: boolean }): Promise<{ subscriptionId: string; tty: boolean }> {
    const sub: LogsSubscription = { ...this.base('logs', clientId), kind: 'logs', handle: null, pending: [], dropped: 0, timer: null };
    const handle = await this.open(sub, (engine) =>
      engine.followLogs(
        id,
        options,
        (lines) => this.receiveLines(sub, lines),
        (error) => this.streamEnded(sub, error),
      ),
    );
    sub.handle = handle;
    return { subscriptionId: sub.id, tty: handle.tty };
  }

  /** Streams stats of the named containers for one client: one `stats:sampled` push per interval. */
  async watchStats(clientId: string, ids: string[]): Promise<{ subscriptionId: string }> {
    const refs = [...new Set(ids)];
    const sub: StatsSubscription = {
      ...this.base('stats', clientId, refs.length),
      kind: 'stats',
      refs,
      handles: [],
      samples: new Map(),
      ticker: null,
      generation: 0,
    };
    await this.open(sub, async (engine) => {
      if (!sub.closed && !this.hidden.has(clientId)) this.startStats(sub, engine);
    });
    return { subscriptionId: sub.id };
  }

  /** Opens an interactive terminal in a container for one client (`exec:printed`, then `exec:exited`). */
  async openExec(clientId: string, id: string, options: { cols: number; rows: number; command?: string[] }): Promise<{ sessionId: string }> {
    const sub: ExecSubscription = { ...this.base('exec', clientId), kind: 'exec', handle: null, exited: false, held: [] };
    sub.handle = await this.open(sub, (engine) =>
      engine.openExec(
        id,
        options,
        (data) => this.pushExec(sub, () => this.deps.events.emitTo(clientId, 'exec:printed', { sessionId: sub.id, data })),
        (exitCode) => {
          sub.exited = true;
          this.pushExec(sub, () => this.deps.events.emitTo(clientId, 'exec:exited', { sessionId: sub.id, exitCode }));
        },
      ),
    );
    if (this.held.has(clientId) && !sub.closed) sub.handle.pause?.();
    return { sessionId: sub.id };
  }

  /** Types into a terminal the client owns (ignored once the command has exited). */
  input(clientId: string, sessionId: string, data: string): void {
    const sub = this.exec(clientId, sessionId);
    if (!sub.exited) sub.handle?.write(data);
  }

  /** Resizes a terminal the client owns (ignored once the command has exited). */
  async resize(clientId: string, sessionId: string, cols: number, rows: number): Promise<void> {
    const sub = this.exec(clientId, sessionId);
    if (!sub.exited) await sub.handle?.resize(cols, rows);
  }

  /** Ends one log, stats or terminal subscription of the client; any other id is NOT_FOUND. */
  stop(clientId: string, subscriptionId: string): void {
    this.close(this.owned(clientId, subscriptionId));
  }

  /** Hidden: the client's stats streams stop (logs keep following, buffered up to the cap); visible: all resume. */
  setVisibility(clientId: string, visible: boolean): void {
    if (visible === !this.hidden.has(clientId)) return;
    if (visible) this.hidden.delete(clientId);
    else this.hidden.add(clientId);
    for (const sub of this.subscriptions.values()) {
      if (sub.clientId !== clientId) continue;
      if (sub.kind === 'stats') {
        this.stopStats(sub);
        if (visible) void this.resumeStats(sub);
      } else if (sub.kind === 'logs' && visible) {
        this.flushLines(sub);
      }
    }
  }

  /**
   * Flow control from the host: `false` when the client's connection is backed up (its terminals pause at
   * the source, log lines wait within their cap, stats samples wait, keeping only the latest), `true` once it drained.
   */
  setFlow(clientId: string, flowing: boolean): void {
    if (flowing === !this.held.has(clientId)) return;
    if (flowing) this.held.delete(clientId);
    else this.held.add(clientId);
    for (const sub of this.subscriptions.values()) {
      if (sub.clientId !== clientId) continue;
      if (sub.kind === 'exec') {
        if (flowing) sub.handle?.resume?.();
        else sub.handle?.pause?.();
      } else if (sub.kind === 'logs' && flowing) {
        this.flushLines(sub);
      }
    }
  }

  /** Ends everything the client owned (its window or socket went away). */
  releaseClient(clientId: string): void {
    for (const sub of [...this.subscriptions.values()]) {
      if (sub.clientId === clientId) this.close(sub);
    }
    this.hidden.delete(clientId);
    this.held.delete(clientId);
  }

  /** Ends every subscription; later calls to open one fail with UNAVAILABLE. */
  dispose(): void {
    this.disposed = true;
    for (const sub of [...this.subscriptions.values()]) this.close(sub);
    this.hidden.clear();
    this.held.clear();
  }

  /** A fresh subscription's id, or CONFLICT when it would pass a cap (checked before anything opens). */
  private base(prefix: Subscription['kind'], clientId: string, watched = 0): SubscriptionBase {
    if (this.disposed) throw new ServiceError('UNAVAILABLE', 'Lightdock is shutting down.');
    this.checkLimits(clientId, watched);
    const id = `${prefix}-${this.nextId}`;
    this.nextId += 1;
    return { id, clientId, ready: false, closed: false };
  }

  private checkLimits(clientId: string, watched: number): void {
    const { maxPerClient, maxPerHost, maxWatchedContainers } = this.limits;
    const all = [...this.subscriptions.values()];
    if (all.filter((sub) => sub.clientId === clientId).length >= maxPerClient) {
      throw new ServiceError('CONFLICT', `This client already has ${maxPerClient} open log, stats and terminal streams; stop one first.`, {
        limit: maxPerClient,
        scope: 'client',
      });
    }
    if (all.length >= maxPerHost) {
      throw new ServiceError('CONFLICT', `Lightdock already has ${maxPerHost} open log, stats and terminal streams; stop one first.`, {
        limit: maxPerHost,
        scope: 'host',
      });
    }
    const watching = all.reduce((sum, sub) => sum + (sub.kind === 'stats' ? sub.refs.length : 0), 0);
    if (watching + watched > maxWatchedContainers) {
      throw new ServiceError('CONFLICT', `Lightdock already watches the stats of ${watching} containers (at most ${maxWatchedContainers}); stop a watch first.`, {
        limit: maxWatchedContainers,
        scope: 'stats',
      });
    }
  }

  /**
   * Registers the subscription, lets `start` open it on the current engine, and marks it ready on the
   * next turn (after the id has been returned). If it was stopped meanwhile, what was opened is closed.
   */
  private async open<T>(sub: Subscription, start: (engine: ContainerEngine) => Promise<T>): Promise<T> {
    this.subscriptions.set(sub.id, sub);
    let opened: T;
    try {
      opened = await start(await this.deps.engine.current());
    } catch (error) {
      this.close(sub);
      throw error;
    }
    if (sub.closed) stopOpened(opened);
    else setTimeout(() => this.markReady(sub), 0);
    return opened;
  }

  private markReady(sub: Subscription): void {
    if (sub.closed) return;
    sub.ready = true;
    if (sub.kind === 'logs') this.flushLines(sub);
    if (sub.kind === 'exec') {
      for (const push of sub.held.splice(0)) push();
    }
  }

  private owned(clientId: string, subscriptionId: string): Subscription {
    const sub = this.subscriptions.get(subscriptionId);
    if (!sub || sub.clientId !== clientId) throw new ServiceError('NOT_FOUND', `No subscription "${subscriptionId}".`);
    return sub;
  }

  private exec(clientId: string, sessionId: string): ExecSubscription {
    const sub = this.owned(clientId, sessionId);
    if (sub.kind !== 'exec') throw new ServiceError('NOT_FOUND', `No terminal session "${sessionId}".`);
    return sub;
  }

  private close(sub: Subscription): void {
    if (sub.closed) return;
    sub.closed = true;
    this.subscriptions.delete(sub.id);
    if (sub.kind === 'logs') {
      if (sub.timer) clearTimeout(sub.timer);
      sub.timer = null;
      sub.pending = [];
      sub.handle?.stop();
    } else if (sub.kind === 'stats') {
      this.stopStats(sub);
    } else {
      sub.held = [];
      sub.handle?.close();
    }
  }

  private receiveLines(sub: LogsSubscription, lines: LogLine[]): void {
    if (sub.closed) return;
    for (const line of lines) sub.pending.push(line);
    const excess = sub.pending.length - this.limits.logCapLines;
    if (excess > 0) {
      sub.pending.splice(0, excess);
      sub.dropped += excess;
    }
    if (sub.pending.length >= this.limits.logBatchLines) this.flushLines(sub);
    else if (!sub.timer) sub.timer = setTimeout(() => this.flushLines(sub), this.limits.logFlushMs);
  }

  private flushLines(sub: LogsSubscription): void {
    if (sub.timer) clearTimeout(sub.timer);
    sub.timer = null;
    if (sub.closed || !sub.ready || this.hidden.has(sub.clientId) || this.held.has(sub.clientId)) return;
    if (sub.pending.length === 0 && sub.dropped === 0) return;
    const lines = sub.pending;
    const droppedLines = sub.dropped;
    sub.pending = [];
    sub.dropped = 0;
    this.deps.events.emitTo(sub.clientId, 'logs:received', { subscriptionId: sub.id, lines, droppedLines });
  }

  private streamEnded(sub: LogsSubscription, error?: Error): void {
    if (sub.closed) return;
    this.flushLines(sub);
    if (error) this.deps.logger.warn(`Log stream ${sub.id} ended: ${error.message}`);
  }

  private startStats(sub: StatsSubscription, engine: ContainerEngine): void {
    for (const ref of sub.refs) {
      sub.handles.push(
        engine.streamStats(
          ref,
          (sample) => {
            if (!sub.closed) sub.samples.set(ref, sample);
          },
          (error) => {
            if (error && !sub.closed) this.deps.logger.warn(`Stats stream of ${ref} (${sub.id}) ended: ${error.message}`);
          },
        ),
      );
    }
    sub.ticker = setInterval(() => this.pushSamples(sub), this.limits.statsIntervalMs);
  }

  private pushSamples(sub: StatsSubscription): void {
    if (sub.closed || !sub.ready || sub.samples.size === 0 || this.held.has(sub.clientId)) return;
    const samples = [...sub.samples.values()];
    sub.samples.clear();
    this.deps.events.emitTo(sub.clientId, 'stats:sampled', { subscriptionId: sub.id, samples });
  }

  private stopStats(sub: StatsSubscription): void {
    sub.generation += 1;
    if (sub.ticker) clearInterval(sub.ticker);
    sub.ticker = null;
    for (const handle of sub.handles.splice(0)) handle.stop();
    sub.samples.clear();
  }

  private async resumeStats(sub: StatsSubscription): Promise<void> {
    const generation = sub.generation;
    try {
      const engine = await this.deps.engine.current();
      if (!sub.closed && sub.generation === generation && !this.hidden.has(sub.clientId)) this.startStats(sub, engine);
    } catch (error) {
      this.deps.logger.warn(`Stats of ${sub.id} could not resume: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private pushExec(sub: ExecSubscription, push: () => void): void {
    if (sub.closed) return;
    if (sub.ready) push();
    else sub.held.push(push);
  }
}

function stopOpened(opened: unknown): void {
  const handle = opened as Partial<StreamHandle & ExecHandle> | undefined;
  if (typeof handle?.stop === 'function') handle.stop();
  else if (typeof handle?.close === 'function') handle.close();
}
