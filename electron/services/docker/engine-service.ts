import type { ContainerAction, ContainerActionResult, ContainerDetail, ContainerStats, ContainerSummary } from '../../../shared/model/container';
import type { DockerContext, EngineStatus, ImageSummary, NetworkSummary, PruneResult, VolumeSummary } from '../../../shared/model/engine';
import type { EngineLifecycle, EngineLifecycleState } from '../../../shared/model/engine-lifecycle';
import { ServiceError } from '../errors';
import type { Clock, EventSink, Logger } from '../ports';
import type { Settings } from '../settings/settings';
import type { JsonStateFile } from '../storage/json-state-file';
import { findContainer } from './find-container';
import type { ContainerEngine, ContainerMemoryUse, EngineEvent, EngineIdentity, StreamHandle } from './container-engine';
import { DockerodeEngine } from './dockerode/dockerode-engine';
import {
  SIMULATED_STOPPED_MESSAGE,
  lifecycleRecord,
  manageabilityOf,
  openSimulatedPower,
  sameLifecycle,
  type EngineHost,
  type SimulatedPower,
} from './engine-lifecycle';
import { listDockerContexts, useDockerContext } from './endpoint/docker-contexts';
import { resolveEndpoint, type EndpointEnvironment } from './endpoint/resolve-endpoint';
import { ENGINE_ENV, selectEngineSetting } from './select-engine';
import { SimulatedEngine } from './simulated/simulated-engine';

/** Deadline of a status ping. */
const PING_MS = 3_000;
/** Deadline of the ping that decides, in `auto` mode, whether a real engine is there. */
const AUTO_PING_MS = 1_500;
/** In `auto` mode on the simulated engine, how often a watching service looks again for a real engine. */
const AUTO_PROBE_MS = 5_000;
/** Events arriving within this window after the first one are answered by one re-list (event → UI well under 150 ms). */
const RELIST_WINDOW_MS = 15;
/** The container state an engine event implies, for the immediate push before the re-list. */
const EVENT_STATES: Partial<Record<string, ContainerSummary['state']>> = {
  start: 'running',
  restart: 'running',
  unpause: 'running',
  pause: 'paused',
  die: 'exited',
};
/**
 * Delays between reconnect attempts after the event stream is lost; the last one repeats. It stays short (a
 * refused connect on a local socket costs nothing) so the view is correct within 5 s of the engine's return.
 */
const RECONNECT_DELAYS_MS = [250, 500, 1_000, 2_000, 3_000];
/** Failed reconnect attempts after which the status says `unreachable` rather than `reconnecting`. */
const UNREACHABLE_AFTER_ATTEMPTS = 3;
/** Containers sampled or acted on at the same time. */
const CONCURRENCY = 8;
/** Container event actions that never change the container list. */
const QUIET_ACTIONS = /^(exec_|attach|detach|resize|top|archive-path|extract-to-dir|export|copy)/;
/** How long the simulated engine takes to start or stop, so every view sees the transition. */
const SIMULATED_TRANSITION_MS = 600;
/** How long a started real engine may take to answer its first ping. */
const START_WAIT_MS = 30_000;
/** Between pings while waiting for a started engine. */
const START_POLL_MS = 500;

/** What the engine service is built from (the composition root passes the host's adapters). */
export interface EngineServiceOptions {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  homeDir: string;
  dataDir: string;
  settings: Settings;
  clock: Clock;
  logger: Logger;
  events: EventSink;
  /** Where Lightdock can start and stop a real engine (the WSL distro's service manager); absent elsewhere. */
  engineHost?: EngineHost;
  /** How long the simulated engine's start and stop take (default 600 ms). */
  simulatedTransitionMs?: number;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}


/**
 * The Docker side of Lightdock over the ContainerEngine port: picks the engine lazily on first use
 * (LIGHTDOCK_ENGINE, then settings `engine.kind`; `auto` = the real engine if it answers a ping, else the
 * simulated one until a real one answers while watched), answers the IPC channels, and, once `watch()`ed, keeps the UI current from the engine's
 * event stream: `containers:changed` after container events (coalesced), `engine:status-changed` on every
 * state change, reconnecting with backoff and re-listing after a gap. `dispose()` leaves no handle open.
 */
export class EngineService {
  private engine: ContainerEngine | null = null;
  private selecting: Promise<ContainerEngine> | null = null;
  private simulated: SimulatedEngine | null = null;
  private preferDocker = false;
  private lastStatus: EngineStatus | null = null;
  private watching = false;
  private disposed = false;
  /** Bumped when the engine is replaced or the service disposed; async work of an older session drops its result. */
  private session = 0;
  private eventStream: StreamHandle | null = null;
  private lastEventTime: number | null = null;
  private relistTimer: ReturnType<typeof setTimeout> | null = null;
  private relistSequence = 0;
  private publishedSequence = 0;
  private lastPushed: ContainerSummary[] | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private probeTimer: ReturnType<typeof setTimeout> | null = null;
  private failedAttempts = 0;
  private everConnected = false;
  private power: JsonStateFile<SimulatedPower> | null = null;
  private stopWatchingPower: (() => void) | null = null;
  private transition: 'starting' | 'stopping' | null = null;
  /** Set from the moment a start or stop is accepted until it has answered, so a second one is refused. */
  private lifecycleBusy: 'starting' | 'stopping' | null = null;
  private lifecycleFailure: string | null = null;
  private lastLifecycle: EngineLifecycle | null = null;

  constructor(private readonly options: EngineServiceOptions) {}

  private get where(): EndpointEnvironment {
    return { env: this.options.env, platform: this.options.platform, homeDir: this.options.homeDir };
  }

  /** The engine in use, chosen on first call; rejects UNAVAILABLE while the simulated engine is stopped. */
  current(): Promise<ContainerEngine> {
    return this.selected().then((engine) => {
      if (engine === this.simulated && !this.simulatedPower().read().running) throw new ServiceError('UNAVAILABLE', SIMULATED_STOPPED_MESSAGE);
      return engine;
    });
  }

  /** The engine chosen and created on first call (never before: constructing the service connects nothing). */
  private selected(): Promise<ContainerEngine> {
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

  private simulatedEngine(): SimulatedEngine {
    this.simulated ??= new SimulatedEngine({ dataDir: this.options.dataDir, clock: this.options.clock, logger: this.options.logger });
    return this.simulated;
  }

  private async select(): Promise<ContainerEngine> {
    const setting = selectEngineSetting(this.options.env, this.options.settings);
    if (setting === 'simulated') return this.simulatedEngine();
    const wantDocker = setting === 'docker' || this.preferDocker;
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
    this.pushLifecycle(engine, message);
    return status;
  }

  private simulatedPower(): JsonStateFile<SimulatedPower> {
    this.power ??= openSimulatedPower(this.options.dataDir, this.options.clock, this.options.logger);
    return this.power;
  }

  /** A ping that the simulated engine fails while it is stopped. */
  private async pingEngine(engine: ContainerEngine, timeoutMs: number): Promise<EngineIdentity> {
    if (engine === this.simulated && !this.simulatedPower().read().running) throw new ServiceError('UNAVAILABLE', SIMULATED_STOPPED_MESSAGE);
    return engine.ping(timeoutMs);
  }

  /** The lifecycle as the last status, a transition under way or the last failed start/stop imply. */
  private lifecycleOf(engine: ContainerEngine | null, statusMessage: string | null): EngineLifecycle {
    const manage =
      engine === null
        ? { manageable: false, reason: statusMessage ?? 'No Docker engine was found.' }
        : manageabilityOf({ kind: engine.kind, endpoint: engine.endpoint, context: engine.context }, this.options.engineHost !== undefined);
    let state: EngineLifecycleState;
    let message: string | null = null;
    if (this.transition !== null) state = this.transition;
    else if (this.lifecycleFailure !== null) [state, message] = ['error', this.lifecycleFailure];
    else if (engine !== null && engine === this.simulated && !this.simulatedPower().read().running) state = 'stopped';
    else if (this.lastStatus?.state === 'connected') state = 'running';
    else if (this.lastStatus?.state === 'reconnecting') [state, message] = ['error', this.lastStatus.message];
    else state = 'stopped';
    return lifecycleRecord(this.lastLifecycle, state, manage, message, this.options.clock.now());
  }

  private pushLifecycle(engine: ContainerEngine | null, statusMessage: string | null): EngineLifecycle {
    const next = this.lifecycleOf(engine, statusMessage);
    const changed = !sameLifecycle(this.lastLifecycle, next);
    this.lastLifecycle = next;
    if (changed) this.options.events.emit('engine:lifecycle-changed', next);
    return next;
  }

  /** Where the engine is in its life (stopped, starting, running, stopping, error) and whether Lightdock may manage it. */
  async lifecycle(): Promise<EngineLifecycle> {
    const status = await this.status();
    return this.pushLifecycle(this.engine, status.message);
  }

  /** The engine to start or stop, refused in one sentence when Lightdock cannot manage it or is already doing so. */
  private async manageableEngine(verb: string): Promise<ContainerEngine> {
    const engine = await this.selected();
    const manage = manageabilityOf({ kind: engine.kind, endpoint: engine.endpoint, context: engine.context }, this.options.engineHost !== undefined);
    if (!manage.manageable) throw new ServiceError('CONFLICT', manage.reason ?? `Lightdock cannot ${verb} this engine.`);
    if (this.lifecycleBusy !== null) throw new ServiceError('CONFLICT', `The Docker engine is already ${this.lifecycleBusy}; wait until it finishes.`);
    this.lifecycleBusy = verb === 'start' ? 'starting' : 'stopping';
    return engine;
  }

  /**
   * Starts the engine Lightdock manages: the simulated one (persisted, so every process sees it) or the Docker service
   * in the WSL distro (then waits for its first ping). Pushes starting, then running or error; idempotent when running.
   */
  async startEngine(): Promise<EngineLifecycle> {
    return this.whileManaging('start', (engine) => this.start(engine));
  }

  /** Runs one start or stop on the engine, if Lightdock may manage it and no other one runs; frees the slot after. */
  private async whileManaging(verb: 'start' | 'stop', work: (engine: ContainerEngine) => Promise<EngineLifecycle>): Promise<EngineLifecycle> {
    const engine = await this.manageableEngine(verb);
    try {
      return await work(engine);
    } finally {
      this.lifecycleBusy = null;
    }
  }

  private async start(engine: ContainerEngine): Promise<EngineLifecycle> {
    if ((await this.lifecycle()).state === 'running') return this.pushLifecycle(engine, null);
    await this.runTransition(engine, 'starting', async () => {
      if (engine === this.simulated) {
        await this.wait(this.options.simulatedTransitionMs ?? SIMULATED_TRANSITION_MS);
        this.simulatedPower().write({ running: true });
      } else {
        await this.options.engineHost?.start();
        await this.waitForPing(engine);
      }
    });
    if (this.watching) this.reconnectNow();
    return this.lifecycle();
  }

  /** Stops the engine Lightdock manages; pushes stopping, then stopped or error; idempotent when stopped. */
  async stopEngine(): Promise<EngineLifecycle> {
    return this.whileManaging('stop', (engine) => this.stop(engine));
  }

  private async stop(engine: ContainerEngine): Promise<EngineLifecycle> {
    if ((await this.lifecycle()).state === 'stopped') return this.pushLifecycle(engine, null);
    await this.runTransition(engine, 'stopping', async () => {
      if (engine === this.simulated) {
        await this.wait(this.options.simulatedTransitionMs ?? SIMULATED_TRANSITION_MS);
        this.simulatedPower().write({ running: false });
      } else {
        await this.options.engineHost?.stop();
      }
    });
    if (this.watching) this.reconnectNow();
    return this.lifecycle();
  }

  private async runTransition(engine: ContainerEngine, transition: 'starting' | 'stopping', work: () => Promise<void>): Promise<void> {
    this.transition = transition;
    this.lifecycleFailure = null;
    this.pushLifecycle(engine, null);
    try {
      await work();
    } catch (error) {
      this.lifecycleFailure = EngineService.messageOf(error);
      this.transition = null;
      this.pushLifecycle(engine, null);
      throw error;
    }
    // The status ping that follows publishes the outcome (running or stopped) without a stale step between.
    this.transition = null;
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  private async waitForPing(engine: ContainerEngine): Promise<void> {
    const deadline = Date.now() + START_WAIT_MS;
    for (;;) {
      try {
        await engine.ping(PING_MS);
        return;
      } catch (error) {
        if (Date.now() >= deadline || this.disposed) {
          throw new ServiceError('TIMEOUT', `The Docker service started but the engine at ${engine.endpoint} did not answer within ${START_WAIT_MS / 1000} s.`, {
            cause: EngineService.messageOf(error),
          });
        }
        await this.wait(START_POLL_MS);
      }
    }
  }

  /** Drops the live parts and connects again at once (after a start or stop, here or in another process). */
  private reconnectNow(): void {
    if (this.disposed) return;
    this.stopLiveParts();
    this.session += 1;
    void this.connect();
  }

  private static messageOf(error: unknown): string {
    return error instanceof ServiceError ? error.message : 'The container engine could not be reached.';
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
      return this.publish(engine, 'connected', await this.pingEngine(engine, PING_MS), null);
    } catch (error) {
      return this.publish(engine, 'unreachable', null, EngineService.messageOf(error));
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
    if (selectEngineSetting(this.options.env, this.options.settings) === 'simulated') {
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
    if (this.relistTimer !== null) clearTimeout(this.relistTimer);
    this.relistTimer = null;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.probeTimer !== null) clearTimeout(this.probeTimer);
    this.probeTimer = null;
  }

  /** Every container, stopped ones included. */
  async list(): Promise<ContainerSummary[]> {
    return (await this.current()).listContainers();
  }

  /** One container in full (NOT_FOUND for an unknown id or name). */
  async inspect(id: string): Promise<ContainerDetail> {
    return (await this.current()).inspectContainer(id);
  }

  /** Runs the action on every id and answers one result per id, in order; one failure never fails the others. */
  async act(ids: string[], action: ContainerAction, options: { force?: boolean; removeVolumes?: boolean }): Promise<ContainerActionResult[]> {
    let engine: ContainerEngine;
    try {
      engine = await this.current();
    } catch (error) {
      const failure = this.actionError(error);
      return ids.map((id) => ({ id, ok: false, error: failure }));
    }
    return mapLimit(ids, CONCURRENCY, async (id): Promise<ContainerActionResult> => {
      try {
        await engine.act(id, action, options);
        return { id, ok: true };
      } catch (error) {
        return { id, ok: false, error: this.actionError(error) };
      }
    });
  }

  private actionError(error: unknown): { code: string; message: string } {
    if (error instanceof ServiceError) return { code: error.code, message: error.message };
    this.options.logger.error('container action failed', error);
    return { code: 'INTERNAL', message: 'The action failed unexpectedly; the log has the details.' };
  }

  /** One sample per running container (or per named one that runs), as `docker stats --no-stream`. */
  async stats(ids?: string[]): Promise<ContainerStats[]> {
    const engine = await this.current();
    const containers = await engine.listContainers();
    let targets: ContainerSummary[];
    if (ids === undefined) {
      targets = containers.filter((c) => c.state === 'running');
    } else {
      const chosen = new Map<string, ContainerSummary>();
      for (const ref of ids) {
        const found = findContainer(containers, ref);
        if (found === undefined) throw new ServiceError('NOT_FOUND', `No such container: ${ref}`);
        if (found.state === 'running') chosen.set(found.id, found);
      }
      targets = [...chosen.values()];
    }
    const samples = await mapLimit(targets, CONCURRENCY, async (container) => {
      try {
        return await engine.statsOnce(container.id);
      } catch (error) {
        if (error instanceof ServiceError && (error.code === 'NOT_FOUND' || error.code === 'CONFLICT')) return null;
        throw error;
      }
    });
    return samples.filter((s): s is ContainerStats => s !== null);
  }

  /** Memory of every running container: the engine's cheap reading when it has one, else one `statsOnce` each (limit unknown, null). */
  async containerMemory(): Promise<ContainerMemoryUse[]> {
    const engine = await this.current();
    if (engine.memoryUse !== undefined) return engine.memoryUse();
    const samples = await this.stats();
    return samples.map((s) => ({ id: s.id, name: s.name, bytes: Math.max(0, Math.round(s.memoryUsedBytes)), limitBytes: null }));
  }

  /** Images (`docker images`). */
  async images(): Promise<ImageSummary[]> {
    return (await this.current()).listImages();
  }

  /** Removes an image and answers its reference. */
  async removeImage(id: string, force: boolean): Promise<{ id: string }> {
    await (await this.current()).removeImage(id, force);
    return { id };
  }

  /** Removes dangling images. */
  async pruneImages(): Promise<PruneResult> {
    return (await this.current()).pruneImages();
  }

  /** Volumes (`docker volume ls`). */
  async volumes(): Promise<VolumeSummary[]> {
    return (await this.current()).listVolumes();
  }

  /** Removes a volume and answers its name. */
  async removeVolume(name: string, force: boolean): Promise<{ name: string }> {
    await (await this.current()).removeVolume(name, force);
    return { name };
  }

  /** Removes unused volumes. */
  async pruneVolumes(): Promise<PruneResult> {
    return (await this.current()).pruneVolumes();
  }

  /** Networks (`docker network ls`). */
  async networks(): Promise<NetworkSummary[]> {
    return (await this.current()).listNetworks();
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
      identity = await this.pingEngine(engine, PING_MS);
    } catch (error) {
      if (session !== this.session || this.disposed) return;
      this.failedAttempts += 1;
      const state = this.everConnected && this.failedAttempts < UNREACHABLE_AFTER_ATTEMPTS ? 'reconnecting' : 'unreachable';
      this.publish(this.engine, state, null, state === 'reconnecting' ? this.lostMessage() : EngineService.messageOf(error));
      this.scheduleRetry();
      return;
    }
    if (session !== this.session || this.disposed) return;
    this.failedAttempts = 0;
    this.everConnected = true;
    this.subscribe(engine, session);
    this.publish(engine, 'connected', identity, null);
    await this.relist(session);
    if (engine === this.simulated) this.scheduleProbe(session);
  }

  private scheduleProbe(session: number): void {
    if (this.probeTimer !== null || this.disposed || this.preferDocker) return;
    if (selectEngineSetting(this.options.env, this.options.settings) !== 'auto') return;
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
        if (event.type === 'container') this.patchFromEvent(event);
        if (event.type === 'network' || (event.type === 'container' && !QUIET_ACTIONS.test(event.action))) this.scheduleRelist(session);
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

  private scheduleRelist(session: number): void {
    if (this.relistTimer !== null) return;
    this.relistTimer = setTimeout(() => {
      this.relistTimer = null;
      void this.relist(session);
    }, RELIST_WINDOW_MS);
  }

  /**
   * Pushes the state an event implies at once (start → running, die → exited, pause, unpause, destroy) on top of
   * the last list pushed; the re-list that follows within RELIST_WINDOW_MS brings the status text and the rest.
   */
  private patchFromEvent(event: EngineEvent): void {
    if (this.lastPushed === null) return;
    const index = this.lastPushed.findIndex((container) => container.id === event.id);
    if (index < 0) return;
    let next: ContainerSummary[];
    if (event.action === 'destroy') {
      next = this.lastPushed.filter((container) => container.id !== event.id);
    } else {
      const state = EVENT_STATES[event.action];
      const current = this.lastPushed[index];
      if (state === undefined || current === undefined || current.state === state) return;
      next = this.lastPushed.with(index, { ...current, state });
    }
    this.lastPushed = next;
    // A re-list already under way started before this event: its answer is older than this push.
    this.publishedSequence = this.relistSequence;
    this.options.events.emit('containers:changed', next);
  }

  private async relist(session: number): Promise<void> {
    const engine = this.engine;
    if (engine === null) return;
    const sequence = ++this.relistSequence;
    try {
      const containers = await engine.listContainers();
      // A newer list than the last one pushed goes out at once, even if another re-list has started since:
      // waiting for the newest would starve the UI while events keep coming.
      if (session !== this.session || sequence <= this.publishedSequence || this.disposed) return;
      this.publishedSequence = sequence;
      this.lastPushed = containers;
      this.options.events.emit('containers:changed', containers);
    } catch (error) {
      this.options.logger.warn('re-listing containers after an event failed', error);
    }
  }

  /** Stops the event stream, timers and the engine's sockets; the service answers UNAVAILABLE afterwards. */
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
