import os from 'node:os';
import path from 'node:path';
import type { HostInfo } from '../../../shared/model/host';
import { APP_VERSION } from '../../../shared/version';
import { resolveDataDir } from '../../services/app-paths';
import type { ActionDeps } from '../../services/action-deps';
import { ComposeService } from '../../services/compose/compose-service';
import { ContainerFilesService } from '../../services/container-files/container-files-service';
import { ContainerStreams } from '../../services/docker/container-streams';
import { ImageService } from '../../services/images/image-service';
import { JobService } from '../../services/jobs/job-service';
import { RunService } from '../../services/run/run-service';
import { FilesService } from '../../services/files/files-service';
import type { InsightDeps } from '../../services/insight-deps';
import { MemoryService } from '../../services/memory/memory-service';
import { MemoryHistoryService } from '../../services/metrics/memory-history-service';
import { NetworkService } from '../../services/network/network-service';
import { resolveEnginePlacement } from '../../services/placement/engine-placement';
import { planEngineService } from '../../services/docker/engine-factory';
import type { EngineService } from '../../services/docker/engine-service';
import { EventHub } from '../../services/event-hub';
import { NotificationService } from '../../services/notifications/notification-service';
import { attachNotificationSources } from '../../services/notifications/notification-sources';
import type { Clock, Logger } from '../../services/ports';
import { GeneralSettingsService } from '../../services/settings/general-settings-service';
import { SETTINGS_NAME } from '../../services/settings/settings';
import { SettingsService, recoverSettingsFile, type SettingsStore } from '../../services/settings/settings-service';
import { createSetupService } from '../../services/setup/compose-setup';
import type { SetupService } from '../../services/setup/setup-service';
import type { Sleep } from '../../services/wsl/simulated/simulated-wsl-backend';
import { planWslBackend } from '../../services/wsl/wsl-backend-factory';
import { WslService } from '../../services/wsl/wsl-service';

/** What a host hands the composition root: its environment and its own adapters for the ports. */
export interface HostEnvironment {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  homeDir?: string;
  clock: Clock;
  logger: Logger;
  /** How the simulated host waits (its VM boot, each step of a long operation); tests pass one that moves their clock. */
  sleep?: Sleep;
  /** Opens the settings store at the given directory and base name (conf, or electron-store in the desktop app). */
  openSettingsStore(dataDir: string, name: string): SettingsStore;
  /** A native file or folder picker (the desktop app's dialog); hosts without one leave it out and paths are typed. */
  pickPath?(request: PickPathRequest): Promise<string | null>;
}

/** What a native picker is asked for. */
export interface PickPathRequest {
  purpose: 'folder' | 'open-file' | 'save-file';
  title: string;
  defaultPath?: string;
}

/** Every service a host wires to its users, plus the event hub they push through. */
export interface Services {
  dataDir: string;
  hostInfo: HostInfo;
  events: EventHub;
  settings: SettingsService;
  wsl: WslService;
  engine: EngineService;
  streams: ContainerStreams;
  /** The setup wizard's checks and fixes. */
  setup: SetupService;
  /** The in-app notifications (the bell); `notify` records one, the desktop app adds the OS notifier. */
  notifications: NotificationService;
  /** Settings → General. */
  generalSettings: GeneralSettingsService;
  /** The Memory page's breakdown and actions. */
  memory: MemoryService;
  /** The memory history, sampled only while someone watches. */
  memoryHistory: MemoryHistoryService;
  /** The Network page's map, ports and problems. */
  network: NetworkService;
  /** The Files view: directories across the Windows boundary. */
  files: FilesService;
  /** Long engine work (pulls, pushes, builds, Compose runs) the UI follows. */
  jobs: JobService;
  /** `docker run` with its isolation preview. */
  run: RunService;
  /** Image detail, tag, pull, push and build. */
  imageActions: ImageService;
  /** Compose projects and their up/down/restart/pull/logs. */
  compose: ComposeService;
  /** A container's filesystem: browse, read, download, upload. */
  containerFiles: ContainerFilesService;
  /** The native picker, where the host has one. */
  pickPath: ((request: PickPathRequest) => Promise<string | null>) | null;
  /** Starts the live parts (engine events, VM timers) for hosts that push to a UI; the CLI never calls it. */
  watch(): void;
  /** Ends every subscription a client owned (its window closed or its socket went away). */
  releaseClient(clientId: string): void;
  dispose(): void;
}

/** The one composition root shared by the desktop app, the browser host and the CLI. */
export function composeServices(host: HostEnvironment): Services {
  const homeDir = host.homeDir ?? os.homedir();
  const dataDir = resolveDataDir(host.env, host.platform, homeDir);
  recoverSettingsFile(path.join(dataDir, `${SETTINGS_NAME}.json`), host.clock, host.logger);
  const settings = new SettingsService(host.openSettingsStore(dataDir, SETTINGS_NAME), host.logger);
  const events = new EventHub();
  // One factory per backend kind, each read the same way (environment, then setting, then platform); both are
  // validated before either is built, so a bad value is refused with nothing built.
  const backendFrom = { env: host.env, platform: host.platform, settings: settings.get(), dataDir, clock: host.clock, logger: host.logger };
  const wslPlan = planWslBackend({ ...backendFrom, ...(host.sleep === undefined ? {} : { sleep: host.sleep }) });
  const enginePlan = planEngineService({ ...backendFrom, homeDir, events });
  const { backend, scenario, engineHost } = wslPlan.build();
  const engine = enginePlan.build(engineHost);

  const wsl = new WslService(backend, events, host.logger);
  const streams = new ContainerStreams({ engine, events, logger: host.logger });
  const setup = createSetupService({ dataDir, env: host.env, platform: host.platform, backend, wsl, engine, settings, events, clock: host.clock, logger: host.logger });
  const generalSettings = new GeneralSettingsService(settings, events);
  const notifications = new NotificationService({ events, clock: host.clock, logger: host.logger, toggles: () => generalSettings.get().notifications });
  const hostInfo: HostInfo = {
    backend: backend.kind,
    simulated: backend.kind === 'simulated',
    scenario,
    platform: host.platform,
    appVersion: APP_VERSION,
    canPickPaths: host.pickPath !== undefined,
  };
  const insightDeps: InsightDeps = {
    wsl,
    engine,
    events,
    notifications,
    clock: host.clock,
    logger: host.logger,
    dataDir,
    platform: host.platform,
    hostInfo,
    placement: async () => {
      const [status, distros] = await Promise.all([engine.status(), wsl.list().catch(() => [])]);
      return resolveEnginePlacement({ status, distros, platform: host.platform });
    },
  };
  const memory = new MemoryService(insightDeps);
  const memoryHistory = new MemoryHistoryService(insightDeps, () => memory.report());
  const network = new NetworkService(insightDeps);
  const files = new FilesService(insightDeps);
  const jobs = new JobService({ events, clock: host.clock, logger: host.logger });
  const actionDeps: ActionDeps = { engine, jobs, env: host.env, platform: host.platform, homeDir, dataDir, clock: host.clock, logger: host.logger };
  const compose = new ComposeService(actionDeps);
  const containerFiles = new ContainerFilesService(actionDeps);
  let detachNotificationSources: (() => void) | null = null;
  return {
    dataDir,
    hostInfo,
    events,
    settings,
    wsl,
    engine,
    streams,
    setup,
    notifications,
    generalSettings,
    memory,
    memoryHistory,
    network,
    files,
    jobs,
    run: new RunService(actionDeps),
    imageActions: new ImageService(actionDeps),
    compose,
    containerFiles,
    pickPath: host.pickPath === undefined ? null : (request) => host.pickPath?.(request) ?? Promise.resolve(null),
    watch: () => {
      detachNotificationSources ??= attachNotificationSources({
        subscribe: (listener) => events.subscribe(listener),
        notifications,
        inspect: (id) => engine.inspect(id),
        logger: host.logger,
        nowSeconds: () => Math.floor(host.clock.now() / 1000),
      });
      engine.watch();
    },
    releaseClient: (clientId) => {
      streams.releaseClient(clientId);
      memoryHistory.releaseClient(clientId);
      wsl.releaseClient(clientId);
    },
    dispose: () => {
      detachNotificationSources?.();
      jobs.dispose();
      compose.dispose();
      containerFiles.dispose();
      memoryHistory.dispose();
      streams.dispose();
      engine.dispose();
      wsl.dispose();
    },
  };
}
