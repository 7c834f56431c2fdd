import type { DockerContext, EngineStatus } from '../../../shared/model/engine';
import { ServiceError } from '../errors';
import type { Clock, EventSink, Logger } from '../ports';
import type { EngineSetting } from '../settings/settings';
import type { JsonStateFile } from '../storage/json-state-file';
import type { ContainerEngine, EngineIdentity, StreamHandle } from './container-engine';
import { ContainerListPush } from './container-list-push';
import { DockerodeEngine } from './dockerode/dockerode-engine';
import { SIMULATED_STOPPED_MESSAGE, openSimulatedPower, type SimulatedPower } from './engine-lifecycle';
import { listDockerContexts, useDockerContext } from './endpoint/docker-contexts';
import { resolveEndpoint, type EndpointEnvironment } from './endpoint/resolve-endpoint';
import { ENGINE_ENV } from './select-engine';
import { SimulatedEngine } from './simulated/simulated-engine';

/** Deadline of a status ping. */
export const STATUS_PING_MS = 3_000;
/** Deadline of the ping that decides, in `auto` mode, whether a real engine is there. */
const AUTO_PING_MS = 1_500;
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
export interface EngineConnectionOptions {
  /** The engine setting the factory read (`auto`, `docker` or `simulated`). */
  kind: EngineSetting;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  homeDir: string;
  dataDir: string;
  clock: Clock;
  logger: Logger;
  events: EventSink;
  /** Told after every status is recorded, with the engine it is about and its message (the lifecycle follows it). */
  onStatus(engine: ContainerEngine | null, message: string | null): void;
}

/** The one sentence a failure to reach the engine is reported with. */
export function reachMessage(error: unknown): string {
  return error instanceof ServiceError ? error.message : 'The container engine could not be reached.';
}

/**
 * Chooses the engine and keeps the connection to it: picks it lazily on first use (`auto` = the real engine if it
 * answers a ping, else the simulated one until a real one answers while watched), answers its status and the Docker
 * contexts, and, once `watch()`ed, follows its event stream (`containers:changed` through ContainerListPush,
 * `engine:status-changed` on every state change), reconnecting with backoff. `dispose()` leaves no handle open.
 */
export class EngineConnection {
  private engine: ContainerEngine | null = null;
  private selecting: Promise<ContainerEngine> | null = null;
  private simulated: SimulatedEngine | null = null;
  private preferDocker = false;
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
  private power: JsonStateFile<SimulatedPower> | null = null;
  private stopWatchingPower: (() => void) | null = null;
  private readonly listPush: ContainerListPush;

  constructor(private readonly options: EngineConnectionOptions) {
    this.listPush = new ContainerListPush({
      source: { engine: () => this.engine, isCurrent: (session) => session === this.session && !this.disposed },
      events: options.events,
      logger: options.logger,
    });
  }

  private get where(): EndpointEnvironment {
    return { env: this.options.env, platform: this.options.platform, homeDir: this.options.homeDir };
  }

  /** The engine in use, chosen on first call; rejects UNAVAILABLE while the simulated engine is stopped. */
  current(): Promise<ContainerEngine> {
    return this.selected().then((engine) => {
      if (engine === this.simulated && !this.simulatedRunning()) throw new ServiceError('UNAVAILABLE', SIMULATED_STOPPED_MESSAGE);
      return engine;
    });
  }

  /** The engine chosen and created on first call (never before: constructing the connection connects nothing). */
  selected(): Promise<ContainerEngine> {
    if (this.disposed) return Promise.reject(new ServiceError('UNAVAILABLE', 'The engine service has been shut down.'));
    if (this.engine !== null) return Promise.resolve(this.engine);
    if (this.selecting === null) {
      const session = this.session;
      const selecting = this.select().then((engine) => {
        if (session !== this.session || this.disposed) {
          if (engine !== this.simulated) engine.close();
          throw new ServiceError('UNAVAILABLE', 'The engine changed while connecting; try again.');
        }
        this.engine = engine;
        return engine;
      });
      this.selecting = selecting;
      const clear = (): void => {
        if (this.selecting === selecting) this.selecting = null;
      };
      selecting.then(clear, clear);
    }
    return this.selecting;
  }

  /** The engine chosen so far, or null before the first use. */
  engineNow(): ContainerEngine | null {
    return this.engine;
  }

  /** The status last recorded, or null before the first. */
  latestStatus(): EngineStatus | null {
    return this.lastStatus;
  }

  /** True for the simulated engine (whose power switch Lightdock holds). */
  isSimulated(engine: ContainerEngine): boolean {
    return engine === this.simulated;
  }

  /** Whether the simulated engine runs (persisted, so every process agrees). */
  simulatedRunning(): boolean {
    return this.simulatedPower().read().running;
  }

  /** Turns the simulated engine on or off for every process. */
  setSimulatedRunning(running: boolean): void {
    this.simulatedPower().write({ running });
  }

  /** True once `dispose()` ran. */
  isDisposed(): boolean {
    return this.disposed;
  }

  private simulatedEngine(): SimulatedEngine {
    this.simulated ??= new SimulatedEngine({ dataDir: this.options.dataDir, clock: this.options.clock, logger: this.options.logger });
    return this.simulated;
  }

  private async select(): Promise<ContainerEngine> {
    if (this.options.kind === 'simulated') return this.simulatedEngine();
    const wantDocker = this.options.kind === 'docker' || this.preferDocker;
    let engine: DockerodeEngine;
    try {
      engine = this.dockerEngine();
    } catch (error) {
      if (wantDocker) throw error;
      this.options.logger.warn('No usable Docker endpoint; using the simulated engine', error);
      return this.simulatedEngine();
    }
    if (wantDocker) return engine;
    try {
      await engine.ping(AUTO_PING_MS);
      return engine;
    } catch {
      engine.close();
      this.options.logger.info(`No Docker engine answered at ${engine.endpoint}; using the simulated engine (set ${ENGINE_ENV}=docker to insist).`);
      return this.simulatedEngine();
    }
  }

  /** The real engine at the endpoint resolved now (DOCKER_HOST, then the current Docker context, then the platform's socket). */
  private dockerEngine(): DockerodeEngine {
    return new DockerodeEngine({ endpoint: resolveEndpoint(this.where), env: this.options.env, platform: this.options.platform, logger: this.options.logger });
  }

  /** Records a status and pushes `engine:status-changed` when the state, engine or message changed. */
  private publish(engine: ContainerEngine | null, state: EngineStatus['state'], identity: EngineIdentity | null, message: string | null): EngineStatus {
    const previous = this.lastStatus;
    const kind = engine?.kind ?? 'docker';
    const endpoint = engine?.endpoint ?? 'unknown';
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

  private simulatedPower(): JsonStateFile<SimulatedPower> {
    this.power ??= openSimulatedPower(this.options.dataDir, this.options.clock, this.options.logger);
    return this.power;
  }

  /** A ping that the simulated engine fails while it is stopped. */
  private async pingEngine(engine: ContainerEngine, timeoutMs: number): Promise<EngineIdentity> {
    if (engine === this.simulated && !this.simulatedRunning()) throw new ServiceError('UNAVAILABLE', SIMULATED_STOPPED_MESSAGE);
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
      engine = await this.selected();
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
    return listDockerContexts(this.where);
  }

  /**
   * `docker context use`: rewrites currentContext in the docker CLI's config.json (shared with the CLI on
   * purpose), then reconnects to that context's engine, in `auto` mode too, and answers its status.
   */
  async useContext(name: string): Promise<EngineStatus> {
    if (this.options.kind === 'simulated') {
      throw new ServiceError('CONFLICT', `Lightdock is set to the simulated engine (${ENGINE_ENV} or settings); Docker contexts apply to a real engine.`);
    }
    useDockerContext(this.where, name);
    this.preferDocker = true;
    this.replaceEngine();
    if (this.watching) void this.connect();
    return this.status();
  }

  private replaceEngine(): void {
    this.session += 1;
    this.stopLiveParts();
    if (this.engine !== null && this.engine !== this.simulated) this.engine.close();
    this.engine = null;
    this.selecting = null;
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
    this.stopWatchingPower = this.simulatedPower().watch(() => {
      if (this.engine === this.simulated) this.reconnectNow();
    });
    void this.connect();
  }

  /** One connection attempt of the watch loop: ping, subscribe to events, publish, re-list; on failure, retry later. */
  private async connect(): Promise<void> {
    const session = this.session;
    let engine: ContainerEngine;
    let identity: EngineIdentity;
    try {
      engine = await this.selected();
      if (session !== this.session) return;
      identity = await this.pingEngine(engine, STATUS_PING_MS);
    } catch (error) {
      if (session !== this.session || this.disposed) return;
      this.failedAttempts += 1;
      const state = this.everConnected && this.failedAttempts < UNREACHABLE_AFTER_ATTEMPTS ? 'reconnecting' : 'unreachable';
      this.publish(this.engine, state, null, state === 'reconnecting' ? this.lostMessage() : reachMessage(error));
      this.scheduleRetry();
      return;
    }
    if (session !== this.session || this.disposed) return;
    this.failedAttempts = 0;
    this.everConnected = true;
    this.subscribe(engine, session);
    this.publish(engine, 'connected', identity, null);
    await this.listPush.relist(session);
    if (engine === this.simulated) this.scheduleProbe(session);
  }

  private scheduleProbe(session: number): void {
    if (this.probeTimer !== null || this.disposed || this.preferDocker) return;
    if (this.options.kind !== 'auto') return;
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
      probe = this.dockerEngine();
      await probe.ping(AUTO_PING_MS);
    } catch {
      probe?.close();
      if (session === this.session) this.scheduleProbe(session);
      return;
    }
    probe.close();
    if (session !== this.session || this.disposed) return;
    this.options.logger.info(`A Docker engine now answers at ${probe.endpoint}; switching from the simulated engine.`);
    this.preferDocker = true;
    this.replaceEngine();
    if (this.watching) void this.connect();
  }

  private lostMessage(): string {
    return `Lost the connection to Docker at ${this.engine?.endpoint ?? 'its endpoint'}; reconnecting…`;
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
    this.engine?.close();
    if (this.simulated !== null && this.simulated !== this.engine) this.simulated.close();
    this.engine = null;
  }
}
