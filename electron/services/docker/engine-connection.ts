import type { ContextProbe, CreateContextRequest, DockerContext, EngineStatus } from '../../../shared/model/engine';
import { ServiceError } from '../errors';
import type { EventSink } from '../ports';
import type { ContainerEngine, EngineIdentity, StreamHandle } from './container-engine';
import { ContainerListPush } from './container-list-push';
import type { DockerodeEngine } from './dockerode/dockerode-engine';
import { SIMULATED_STOPPED_MESSAGE } from './engine-lifecycle';
import { AUTO_PING_MS, EngineSelection, type EngineSurroundings } from './engine-selection';
import { ContextProber } from './endpoint/context-probe';
import { createDockerContext, removeDockerContext } from './endpoint/context-store';
import { listDockerContexts, useDockerContext } from './endpoint/docker-contexts';
import { ENGINE_ENV } from './select-engine';

/** Deadline of a status ping. */
export const STATUS_PING_MS = 3_000;
/** In `auto` mode on the simulated engine, how often a watching service looks again for a real engine. */
const AUTO_PROBE_MS = 5_000;
/**
 * Delays between reconnect attempts after the event stream is lost; the last one repeats. It stays short (a
 * refused connect on a local socket costs nothing) so the view is correct within 5 s of the engine's return.
 */
const RECONNECT_DELAYS_MS = [250, 500, 1_000, 2_000, 3_000];
/** Failed reconnect attempts after which the status says `unreachable` rather than `reconnecting`. */
const UNREACHABLE_AFTER_ATTEMPTS = 3;

/** What the connection is built from. */
export interface EngineConnectionOptions extends EngineSurroundings {
  events: EventSink;
  /** Told after every status is recorded, with the engine it is about and its message (the lifecycle follows it). */
  onStatus(engine: ContainerEngine | null, message: string | null): void;
}

/** The one sentence a failure to reach the engine is reported with. */
export function reachMessage(error: unknown): string {
  return error instanceof ServiceError ? error.message : 'The container engine could not be reached.';
}

/**
 * Keeps the connection to the engine EngineSelection chose (in `auto` mode the simulated one until a real one answers
 * while watched; a Docker context chosen switches to its engine): answers its status and the Docker contexts, and, once `watch()`ed, follows its event stream (`containers:changed` through ContainerListPush,
 * `engine:status-changed` on every state change), reconnecting with backoff. `dispose()` leaves no handle open.
 */
export class EngineConnection {
  /** Which engine is in use (the start/stop control reads it too). */
  readonly selection: EngineSelection;
  private lastStatus: EngineStatus | null = null;
  private watching = false;
  private disposed = false;
  /** Bumped when the engine is replaced or the connection disposed; async work of an older session drops its result. */
  private session = 0;
  private eventStream: StreamHandle | null = null;
  private lastEventTime: number | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private probeTimer: ReturnType<typeof setTimeout> | null = null;
  private failedAttempts = 0;
  private everConnected = false;
  private stopWatchingPower: (() => void) | null = null;
  private readonly listPush: ContainerListPush;
  private readonly prober: ContextProber;

  constructor(private readonly options: EngineConnectionOptions) {
    const { kind, env, platform, homeDir, dataDir, clock, logger } = options;
    this.selection = new EngineSelection({ kind, env, platform, homeDir, dataDir, clock, logger, session: () => this.session, disposed: () => this.disposed });
    this.prober = new ContextProber({
      endpointFor: (name) => this.selection.contextEndpoint(name),
      engineAt: (endpoint) => this.selection.dockerEngine(endpoint),
      logger,
    });
    this.listPush = new ContainerListPush({
      source: { engine: () => this.selection.engineNow(), isCurrent: (session) => session === this.session && !this.disposed },
      events: options.events,
      logger: options.logger,
    });
  }

  /** The engine in use, chosen on first call; rejects UNAVAILABLE while the simulated engine is stopped. */
  current(): Promise<ContainerEngine> {
    return this.selection.selected().then((engine) => {
      if (this.selection.isSimulated(engine) && !this.selection.simulatedRunning()) throw new ServiceError('UNAVAILABLE', SIMULATED_STOPPED_MESSAGE);
      return engine;
    });
  }

  /** The status last recorded, or null before the first. */
  latestStatus(): EngineStatus | null {
    return this.lastStatus;
  }

  /** True once `dispose()` ran. */
  isDisposed(): boolean {
    return this.disposed;
  }

  /** Records a status and pushes `engine:status-changed` when the state, engine or message changed. */
  private publish(engine: ContainerEngine | null, state: EngineStatus['state'], identity: EngineIdentity | null, message: string | null): EngineStatus {
    const previous = this.lastStatus;
    const kind = engine?.kind ?? 'docker';
    const endpoint = engine?.endpoint ?? (this.selection.kind === 'simulated' ? null : this.selection.endpointNow()) ?? 'unknown';
    const context = engine?.context ?? null;
    const same = previous !== null && previous.state === state && previous.kind === kind && previous.endpoint === endpoint && previous.context === context;
    const status: EngineStatus = {
      kind,
      state,
      endpoint,
      context,
      serverVersion: identity?.serverVersion ?? (same ? previous.serverVersion : null),
      apiVersion: identity?.apiVersion ?? (same ? previous.apiVersion : null),
      os: identity?.os ?? (same ? previous.os : null),
      message,
      since: same ? previous.since : this.options.clock.now(),
    };
    this.lastStatus = status;
    if (!same || previous.message !== message) this.options.events.emit('engine:status-changed', status);
    this.options.onStatus(engine, message);
    return status;
  }

  /** A ping that the simulated engine fails while it is stopped. */
  private async pingEngine(engine: ContainerEngine, timeoutMs: number): Promise<EngineIdentity> {
    if (this.selection.isSimulated(engine) && !this.selection.simulatedRunning()) throw new ServiceError('UNAVAILABLE', SIMULATED_STOPPED_MESSAGE);
    return engine.ping(timeoutMs);
  }

  /** While watched, drops the live parts and connects again at once (after a start or stop, here or in another process). */
  reconnectIfWatching(): void {
    if (this.watching) this.reconnectNow();
  }

  private reconnectNow(): void {
    if (this.disposed) return;
    this.stopLiveParts();
    this.session += 1;
    void this.connect();
  }

  /** Pings the engine and reports connected or unreachable; while the watch loop reconnects, its status stands. */
  async status(): Promise<EngineStatus> {
    let engine: ContainerEngine;
    try {
      engine = await this.selection.selected();
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      return this.publish(null, 'unreachable', null, error.message);
    }
    if (this.watching && this.lastStatus !== null && this.lastStatus.state !== 'connected' && this.retryTimer !== null) return this.lastStatus;
    try {
      return this.publish(engine, 'connected', await this.pingEngine(engine, STATUS_PING_MS), null);
    } catch (error) {
      return this.publish(engine, 'unreachable', null, reachMessage(error));
    }
  }

  /** `docker context ls`, with the current one marked. */
  async contexts(): Promise<DockerContext[]> {
    return listDockerContexts(this.selection.where());
  }

  /** Pings one context's engine through a temporary connection, closed after; the simulated engine in use changes nothing. */
  probeContext(name: string): Promise<ContextProbe> {
    if (this.disposed) return Promise.reject(new ServiceError('UNAVAILABLE', 'The engine service has been shut down.'));
    return this.prober.probe(name);
  }

  /** `docker context create`, written as the docker CLI writes it. */
  async createContext(request: CreateContextRequest): Promise<DockerContext> {
    const created = createDockerContext(this.selection.where(), request);
    this.options.logger.info(`Created Docker context ${created.name} for ${created.endpoint}`);
    return created;
  }

  /** `docker context rm`: CONFLICT for `default` and the context in use. */
  async removeContext(name: string): Promise<{ removed: string }> {
    const removed = removeDockerContext(this.selection.where(), name);
    this.options.logger.info(`Removed Docker context ${name}`);
    return removed;
  }

  /**
   * `docker context use`: rewrites currentContext in the docker CLI's config.json (shared with the CLI on
   * purpose), then reconnects to that context's engine, in `auto` mode too, and answers its status.
   */
  async useContext(name: string): Promise<EngineStatus> {
    if (this.selection.kind === 'simulated') {
      throw new ServiceError('CONFLICT', `Lightdock is set to the simulated engine (${ENGINE_ENV} or settings); Docker contexts apply to a real engine.`);
    }
    useDockerContext(this.selection.where(), name);
    this.replaceEngine();
    if (this.watching) void this.connect();
    return this.status();
  }

  /** Drops the engine in use for a real one (a context chosen, or Docker found in `auto` mode); the next use selects again. */
  private replaceEngine(): void {
    this.session += 1;
    this.stopLiveParts();
    this.selection.dropForDocker();
    this.failedAttempts = 0;
    this.everConnected = false;
    this.lastEventTime = null;
  }

  private stopLiveParts(): void {
    this.eventStream?.stop();
    this.eventStream = null;
    this.listPush.cancel();
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.probeTimer !== null) clearTimeout(this.probeTimer);
    this.probeTimer = null;
  }

  /** Starts the live parts for a UI host: the event stream, status pushes and reconnects. Idempotent. */
  watch(): void {
    if (this.watching || this.disposed) return;
    this.watching = true;
    this.stopWatchingPower = this.selection.watchSimulatedPower(() => {
      if (this.selection.isSimulated(this.selection.engineNow())) this.reconnectNow();
    });
    void this.connect();
  }

  /** One connection attempt of the watch loop: ping, subscribe to events, publish, re-list; on failure, retry later. */
  private async connect(): Promise<void> {
    const session = this.session;
    let engine: ContainerEngine;
    let identity: EngineIdentity;
    try {
      engine = await this.selection.selected();
      if (session !== this.session) return;
      identity = await this.pingEngine(engine, STATUS_PING_MS);
    } catch (error) {
      if (session !== this.session || this.disposed) return;
      this.failedAttempts += 1;
      const state = this.everConnected && this.failedAttempts < UNREACHABLE_AFTER_ATTEMPTS ? 'reconnecting' : 'unreachable';
      this.publish(this.selection.engineNow(), state, null, state === 'reconnecting' ? this.lostMessage() : reachMessage(error));
      this.scheduleRetry();
      return;
    }
    if (session !== this.session || this.disposed) return;
    this.failedAttempts = 0;
    this.everConnected = true;
    this.subscribe(engine, session);
    this.publish(engine, 'connected', identity, null);
    await this.listPush.relist(session);
    if (this.selection.isSimulated(engine)) this.scheduleProbe(session);
  }

  private scheduleProbe(session: number): void {
    if (this.probeTimer !== null || this.disposed || this.selection.prefersDocker) return;
    if (this.selection.kind !== 'auto') return;
    this.probeTimer = setTimeout(() => {
      this.probeTimer = null;
      void this.probeForDocker(session);
    }, AUTO_PROBE_MS);
  }

  /**
   * `auto` mode on the simulated engine, while watched: when a real engine answers at the resolved endpoint (Docker
   * was started after Lightdock), switch to it and stay with it, so a later loss shows as reconnecting rather than
   * as the simulated engine's containers.
   */
  private async probeForDocker(session: number): Promise<void> {
    let probe: DockerodeEngine | null = null;
    try {
      probe = this.selection.dockerEngine();
      await probe.ping(AUTO_PING_MS);
    } catch {
      probe?.close();
      if (session === this.session) this.scheduleProbe(session);
      return;
    }
    probe.close();
    if (session !== this.session || this.disposed) return;
    this.options.logger.info(`A Docker engine now answers at ${probe.endpoint}; switching from the simulated engine.`);
    this.replaceEngine();
    if (this.watching) void this.connect();
  }

  private lostMessage(): string {
    return `Lost the connection to Docker at ${this.selection.engineNow()?.endpoint ?? 'its endpoint'}; reconnecting…`;
  }

  private scheduleRetry(): void {
    if (this.retryTimer !== null || this.disposed) return;
    const delay = RECONNECT_DELAYS_MS[Math.min(this.failedAttempts, RECONNECT_DELAYS_MS.length - 1)] ?? 5_000;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
  }

  private subscribe(engine: ContainerEngine, session: number): void {
    this.eventStream?.stop();
    const handle = engine.events(
      this.lastEventTime,
      (event) => {
        if (session !== this.session) return;
        this.lastEventTime = event.time;
        this.listPush.onEvent(event, session);
      },
      () => {
        if (session !== this.session || this.disposed || this.eventStream !== handle) return;
        this.eventStream = null;
        this.publish(engine, 'reconnecting', null, this.lostMessage());
        this.scheduleRetry();
      },
    );
    this.eventStream = handle;
  }

  /** Stops the event stream, timers and the engine's sockets; every call answers UNAVAILABLE afterwards. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.watching = false;
    this.session += 1;
    this.stopLiveParts();
    this.stopWatchingPower?.();
    this.stopWatchingPower = null;
    this.selection.close();
  }
}
