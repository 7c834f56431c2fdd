import type { ContainerAction, ContainerActionResult, ContainerDetail, ContainerStats, ContainerSummary } from '../../../shared/model/container';
import type { ContextProbe, CreateContextRequest, DockerContext, EngineStatus, ImageSummary, NetworkSummary, PruneResult, VolumeSummary } from '../../../shared/model/engine';
import type { EngineLifecycle } from '../../../shared/model/engine-lifecycle';
import type { Clock, EventSink, Logger } from '../ports';
import type { EngineSetting, Settings } from '../settings/settings';
import type { ContainerEngine, ContainerMemoryUse } from './container-engine';
import { EngineConnection } from './engine-connection';
import { EngineData } from './engine-data';
import { EngineLifecycleControl } from './engine-lifecycle-control';
import type { EngineHost } from './engine-lifecycle';
import { selectEngineSetting } from './select-engine';

/** What the engine service is built from (the composition root passes the host's adapters). */
export interface EngineServiceOptions {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  homeDir: string;
  dataDir: string;
  settings: Settings;
  /** The engine setting already read by `createEngineService`; when absent it is read here (env, settings, platform). */
  kind?: EngineSetting;
  clock: Clock;
  logger: Logger;
  events: EventSink;
  /** Where Lightdock can start and stop a real engine (the WSL distro's service manager); absent elsewhere. */
  engineHost?: EngineHost;
  /** How long the simulated engine's start and stop take (default 600 ms). */
  simulatedTransitionMs?: number;
}

/**
 * The Docker side of Lightdock, one object for its callers: the connection (EngineConnection: which engine, its
 * status, contexts, events, reconnects), its start and stop (EngineLifecycleControl) and the data calls (EngineData).
 * Constructing it connects nothing; an unknown engine setting is refused here, before anything is built.
 */
export class EngineService {
  private readonly connection: EngineConnection;
  private readonly control: EngineLifecycleControl;
  private readonly data: EngineData;

  constructor(options: EngineServiceOptions) {
    const kind = options.kind ?? selectEngineSetting(options.env, options.settings, options.platform);
    const { env, platform, homeDir, dataDir, clock, logger, events } = options;
    this.connection = new EngineConnection({
      kind,
      env,
      platform,
      homeDir,
      dataDir,
      clock,
      logger,
      events,
      onStatus: (engine, message) => this.control.push(engine, message),
    });
    this.control = new EngineLifecycleControl({
      connection: this.connection,
      clock,
      events,
      ...(options.engineHost === undefined ? {} : { engineHost: options.engineHost }),
      ...(options.simulatedTransitionMs === undefined ? {} : { simulatedTransitionMs: options.simulatedTransitionMs }),
    });
    this.data = new EngineData({ current: () => this.connection.current(), logger });
  }

  /** The engine in use, chosen on first call; rejects UNAVAILABLE while the simulated engine is stopped. */
  current(): Promise<ContainerEngine> {
    return this.connection.current();
  }

  /** Pings the engine and reports connected or unreachable; while the watch loop reconnects, its status stands. */
  status(): Promise<EngineStatus> {
    return this.connection.status();
  }

  /** `docker context ls`, with the current one marked. */
  contexts(): Promise<DockerContext[]> {
    return this.connection.contexts();
  }

  /** `docker context use`, then reconnects to that context's engine and answers its status. */
  useContext(name: string): Promise<EngineStatus> {
    return this.connection.useContext(name);
  }

  /** Pings one context's engine through a temporary connection (closed after), whether or not it is current. */
  probeContext(name: string): Promise<ContextProbe> {
    return this.connection.probeContext(name);
  }

  /** `docker context create`: writes the context where the docker CLI keeps it; CONFLICT when the name exists. */
  createContext(request: CreateContextRequest): Promise<DockerContext> {
    return this.connection.createContext(request);
  }

  /** `docker context rm`: CONFLICT for `default` and for the context in use. */
  removeContext(name: string): Promise<{ removed: string }> {
    return this.connection.removeContext(name);
  }

  /** Where the engine is in its life (stopped, starting, running, stopping, error) and whether Lightdock may manage it. */
  lifecycle(): Promise<EngineLifecycle> {
    return this.control.lifecycle();
  }

  /** Starts the engine Lightdock manages; pushes starting, then running or error; idempotent when running. */
  startEngine(): Promise<EngineLifecycle> {
    return this.control.startEngine();
  }

  /** Stops the engine Lightdock manages; pushes stopping, then stopped or error; idempotent when stopped. */
  stopEngine(): Promise<EngineLifecycle> {
    return this.control.stopEngine();
  }

  /** Every container, stopped ones included. */
  list(): Promise<ContainerSummary[]> {
    return this.data.list();
  }

  /** One container in full (NOT_FOUND for an unknown id or name). */
  inspect(id: string): Promise<ContainerDetail> {
    return this.data.inspect(id);
  }

  /** Runs the action on every id and answers one result per id, in order; one failure never fails the others. */
  act(ids: string[], action: ContainerAction, options: { force?: boolean; removeVolumes?: boolean }): Promise<ContainerActionResult[]> {
    return this.data.act(ids, action, options);
  }

  /** One sample per running container (or per named one that runs), as `docker stats --no-stream`. */
  stats(ids?: string[]): Promise<ContainerStats[]> {
    return this.data.stats(ids);
  }

  /** Memory of every running container (limit null where the engine has no cheap reading). */
  containerMemory(): Promise<ContainerMemoryUse[]> {
    return this.data.containerMemory();
  }

  /** Images (`docker images`). */
  images(): Promise<ImageSummary[]> {
    return this.data.images();
  }

  /** Removes an image and answers its reference. */
  removeImage(id: string, force: boolean): Promise<{ id: string }> {
    return this.data.removeImage(id, force);
  }

  /** Removes dangling images. */
  pruneImages(): Promise<PruneResult> {
    return this.data.pruneImages();
  }

  /** Volumes (`docker volume ls`). */
  volumes(): Promise<VolumeSummary[]> {
    return this.data.volumes();
  }

  /** Removes a volume and answers its name. */
  removeVolume(name: string, force: boolean): Promise<{ name: string }> {
    return this.data.removeVolume(name, force);
  }

  /** Removes unused volumes. */
  pruneVolumes(): Promise<PruneResult> {
    return this.data.pruneVolumes();
  }

  /** Networks (`docker network ls`). */
  networks(): Promise<NetworkSummary[]> {
    return this.data.networks();
  }

  /** Starts the live parts for a UI host: the event stream, status pushes and reconnects. Idempotent. */
  watch(): void {
    this.connection.watch();
  }

  /** Stops the event stream, timers and the engine's sockets; the service answers UNAVAILABLE afterwards. */
  dispose(): void {
    this.connection.dispose();
  }
}
