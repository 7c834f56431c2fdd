import { z } from 'zod';
import {
  ContainerAction,
  ContainerActionResult,
  ContainerDetail,
  ContainerRef,
  ContainerStats,
  ContainerRow,
  ImageRef,
  LogLine,
  VolumeName,
} from '../model/container';
import { AbsolutePath, Distro, DistroDetail, DistroDisk, DistroName, OnlineDistro, WslVersion } from '../model/distro';
import { ContextProbe, CreateContextRequest, DockerContext, DockerContextName, EngineStatus, ImageSummary, NetworkSummary, PruneResult, VolumeSummary } from '../model/engine';
import { EngineLifecycle } from '../model/engine-lifecycle';
import { BoundaryCost, FilesReport } from '../model/files';
import { MemoryActionResult, MemoryHistory, MemoryReport, MemoryResolution, MemorySample, StopContainersRequest } from '../model/memory';
import { CheckPortRequest, NetworkMap, PortReachability } from '../model/network-map';
import { GeneralSettings, GeneralSettingsPatch } from '../model/general-settings';
import { HostInfo, HostStatus } from '../model/host';
import { NotificationId, NotificationList } from '../model/notification';
import { Operation, OperationId } from '../model/operation';
import { SetupFixId, SetupFixRequest, SetupReport } from '../model/setup-check';
import { VmInfo, VmSummary } from '../model/vm';
import { WslConfigKey, WslConfigView } from '../model/wslconfig';
import { ComposeAction, ComposeCli, ComposeProject, ComposeProjectName } from '../model/compose';
import { ContainerPath, FsFileText, FsListing } from '../model/container-files';
import { BuildRequest, ImageDetail } from '../model/image-detail';
import { JobDetail, JobId, JobProgress, JobSummary } from '../model/job';
import { RunPlan, RunResult, RunSpec } from '../model/run-container';
import type { EventChannelName, InvokeChannelName } from './channels';

const Empty = z.object({}).strict();
const ByDistroName = z.object({ name: DistroName }).strict();
const ByContainer = z.object({ id: ContainerRef }).strict();
const SubscriptionId = z.string().regex(/^[a-z]+-\d{1,12}$/, 'Not a subscription id.');
const BySubscription = z.object({ subscriptionId: SubscriptionId }).strict();
const TerminalSize = { cols: z.number().int().min(1).max(1000), rows: z.number().int().min(1).max(1000) };

//#region app and WSL
const appAndWsl = {
  'app:info': { request: Empty, response: HostInfo },
  'app:status': { request: Empty, response: HostStatus },
  /**
   * The window was hidden or shown: streams pause while nothing is visible. Each window sends it once at mount
   * (visible or not) and on every change: the host watches WSL for external changes (one `wsl -l -v` per 5 s)
   * only while some window said it is visible (or a CLI `--watch` looks), and not at all otherwise.
   */
  'app:visibility': { request: z.object({ visible: z.boolean() }).strict(), response: z.object({ visible: z.boolean() }) },
  'distros:list': { request: Empty, response: z.array(Distro) },
  'distros:show': { request: ByDistroName, response: DistroDetail },
  'distros:start': { request: ByDistroName, response: Distro },
  'distros:terminate': { request: ByDistroName, response: Distro },
  'distros:set-default': { request: ByDistroName, response: Distro },
  'distros:list-online': { request: Empty, response: z.array(OnlineDistro) },
  'distros:install': { request: ByDistroName, response: Distro },
  'distros:export': {
    request: z.object({ name: DistroName, filePath: AbsolutePath, format: z.enum(['tar', 'vhdx']) }).strict(),
    response: z.object({ filePath: z.string(), sizeBytes: z.number().int().nonnegative() }),
  },
  'distros:import': {
    request: z
      .object({ name: DistroName, installDir: AbsolutePath, filePath: AbsolutePath, format: z.enum(['tar', 'vhdx']), version: WslVersion.optional() })
      .strict(),
    response: Distro,
  },
  /** Deletes the distro and its disk; `confirm` must repeat the name exactly. */
  'distros:unregister': { request: z.object({ name: DistroName, confirm: z.string() }).strict(), response: z.object({ name: z.string() }) },
  'distros:compact': { request: ByDistroName, response: DistroDisk },
  'distros:set-sparse': { request: z.object({ name: DistroName, sparse: z.boolean() }).strict(), response: DistroDisk },
  'distros:set-version': { request: z.object({ name: DistroName, version: WslVersion }).strict(), response: Distro },
  'wsl:shutdown': { request: Empty, response: VmSummary },
  /** The VM; `live: false` skips the probe (state, running distros and settings only, `live: false` in the answer) for views that show no figures. */
  'vm:info': { request: z.object({ live: z.boolean().optional() }).strict(), response: VmInfo },
  /** A view that shows the VM's live figures opened: `vm:changed` carries them (probed) while at least one watches. */
  'vm:watch': { request: Empty, response: z.object({ subscriptionId: z.string() }) },
  'vm:unwatch': { request: BySubscription, response: z.object({}) },
  /** Cancels a running long operation (install, import, export, unregister, compact, convert): its child process tree is killed, its partial output removed, the state left as before. */
  'operations:cancel': { request: z.object({ id: OperationId }).strict(), response: z.object({ cancelled: z.boolean() }) },
  /** Shuts the VM down and boots it again with the default distro (applies `.wslconfig`). */
  'vm:restart': { request: Empty, response: VmInfo },
  'wslconfig:get': { request: Empty, response: WslConfigView },
  /** Sets one key (null removes it), keeping comments, order and unknown keys. */
  'wslconfig:set': {
    request: z.object({ key: WslConfigKey, value: z.string().max(4096).nullable() }).strict(),
    response: z.object({ view: WslConfigView, restartNeeded: z.boolean() }),
  },
};
//#endregion

//#region containers
const containers = {
  'engine:status': { request: Empty, response: EngineStatus },
  'engine:contexts': { request: Empty, response: z.array(DockerContext) },
  'engine:use-context': { request: z.object({ name: DockerContextName }).strict(), response: EngineStatus },
  /** Pings one context's engine now (a temporary connection, closed after), whether or not it is the current one. */
  'engine:probe-context': { request: z.object({ name: DockerContextName }).strict(), response: ContextProbe },
  /** `docker context create`: writes the context where the docker CLI keeps it; CONFLICT when the name exists. */
  'engine:create-context': { request: CreateContextRequest, response: DockerContext },
  /** `docker context rm`: CONFLICT for `default` and for the context in use. */
  'engine:remove-context': { request: z.object({ name: DockerContextName }).strict(), response: z.object({ removed: z.string() }) },
  'engine:lifecycle': { request: Empty, response: EngineLifecycle },
  /** Starts the engine Lightdock manages (simulated, or in a WSL distro); refused with the reason otherwise. */
  'engine:start': { request: Empty, response: EngineLifecycle },
  /** Stops the engine Lightdock manages; refused with the reason otherwise. */
  'engine:stop': { request: Empty, response: EngineLifecycle },
  'containers:list': { request: Empty, response: z.array(ContainerRow) },
  'containers:inspect': { request: ByContainer, response: ContainerDetail },
  'containers:act': {
    request: z
      .object({
        ids: z.array(ContainerRef).min(1).max(500),
        action: ContainerAction,
        force: z.boolean().optional(),
        removeVolumes: z.boolean().optional(),
      })
      .strict(),
    response: z.array(ContainerActionResult),
  },
  /** One sample per running container (or the ones named), as `docker stats --no-stream`. */
  'containers:stats': { request: z.object({ ids: z.array(ContainerRef).max(500).optional() }).strict(), response: z.array(ContainerStats) },
  'images:list': { request: Empty, response: z.array(ImageSummary) },
  'images:remove': { request: z.object({ id: ImageRef, force: z.boolean().optional() }).strict(), response: z.object({ id: z.string() }) },
  'images:prune': { request: Empty, response: PruneResult },
  'volumes:list': { request: Empty, response: z.array(VolumeSummary) },
  'volumes:remove': { request: z.object({ name: VolumeName, force: z.boolean().optional() }).strict(), response: z.object({ name: z.string() }) },
  'volumes:prune': { request: Empty, response: PruneResult },
  'networks:list': { request: Empty, response: z.array(NetworkSummary) },
  'logs:follow': {
    request: z.object({ id: ContainerRef, tail: z.number().int().min(0).max(10_000), timestamps: z.boolean() }).strict(),
    response: z.object({ subscriptionId: z.string(), tty: z.boolean() }),
  },
  'logs:stop': { request: BySubscription, response: z.object({}) },
  'stats:watch': { request: z.object({ ids: z.array(ContainerRef).min(1).max(500) }).strict(), response: z.object({ subscriptionId: z.string() }) },
  'stats:stop': { request: BySubscription, response: z.object({}) },
  'exec:open': {
    request: z.object({ id: ContainerRef, ...TerminalSize, command: z.array(z.string().max(256)).min(1).max(16).optional() }).strict(),
    response: z.object({ sessionId: z.string() }),
  },
  'exec:input': { request: z.object({ sessionId: SubscriptionId, data: z.string().max(65_536) }).strict(), response: z.object({}) },
  'exec:resize': { request: z.object({ sessionId: SubscriptionId, ...TerminalSize }).strict(), response: z.object({}) },
  'exec:close': { request: z.object({ sessionId: SubscriptionId }).strict(), response: z.object({}) },
};
//#endregion

//#region setup wizard
const setup = {
  /** Runs the setup checks in order; `acknowledge` when the wizard shows them (they become the baseline, the wizard counts as seen). */
  'setup:checks': { request: z.object({ acknowledge: z.boolean().optional() }).strict(), response: SetupReport },
  /** Runs one fix with progress (`operations:progressed`) and answers the checks after it. */
  'setup:fix': { request: SetupFixRequest, response: SetupReport },
  /** Cancels the running fix when it can be cancelled. */
  'setup:cancel': { request: z.object({ fix: SetupFixId }).strict(), response: z.object({ cancelled: z.boolean() }) },
  /** The simulated host only: restarts its machine, turning virtualization on in its firmware when asked. */
  'setup:reboot': { request: z.object({ enableFirmwareVirtualization: z.boolean() }).strict(), response: SetupReport },
};
//#endregion

//#region notifications and settings
const notificationsAndSettings = {
  /** The in-app notifications, newest first, with the unread count. */
  'notifications:list': { request: Empty, response: NotificationList },
  /** Marks the notifications named (all when `ids` is absent) as read. */
  'notifications:mark-read': { request: z.object({ ids: z.array(NotificationId).min(1).max(100).optional() }).strict(), response: NotificationList },
  'notifications:clear': { request: Empty, response: NotificationList },
  /** Settings → General: theme, window behaviour, notifications per kind. */
  'settings:general': { request: Empty, response: GeneralSettings },
  /** Changes the fields given of Settings → General. */
  'settings:set-general': { request: GeneralSettingsPatch, response: GeneralSettings },
};
//#endregion

//#region memory, network and files
const insight = {
  /** The memory breakdown now: host → VM → distros → containers, with warnings. */
  'memory:report': { request: Empty, response: MemoryReport },
  /** The sampled history at one resolution (1 s for 10 minutes, 1 min for 24 hours). */
  'memory:history': { request: z.object({ resolution: MemoryResolution }).strict(), response: MemoryHistory },
  /** Samples every second while the client watches (`memory:sampled`); sampling stops when nobody watches. */
  'memory:watch': { request: Empty, response: z.object({ subscriptionId: z.string() }) },
  'memory:unwatch': { request: BySubscription, response: z.object({}) },
  /** Gives the VM's page cache back to the host; answers the figures before and after. */
  'memory:reclaim': { request: Empty, response: MemoryActionResult },
  /** Stops the containers named (the heaviest, on the page); answers the figures before and after. */
  'memory:stop-containers': { request: StopContainersRequest, response: MemoryActionResult },
  /** The network map; with `checkPorts`, each TCP port's reachability on 127.0.0.1 is checked too. */
  'network:map': { request: z.object({ checkPorts: z.boolean().optional() }).strict(), response: NetworkMap },
  /** Checks one published port on 127.0.0.1 (modelled on the simulated host). */
  'network:check-port': { request: CheckPortRequest, response: PortReachability },
  /** Which directories of each distro and container live on a Windows drive (one distro or container when named). */
  'files:report': { request: z.object({ distro: DistroName.optional(), container: ContainerRef.optional() }).strict(), response: FilesReport },
  /** Times the 9p boundary in one running distro (modelled on the simulated host). */
  'files:measure': { request: ByDistroName, response: BoundaryCost },
};
//#endregion

//#region run, images, Compose and container files
const LocalPath = AbsolutePath;
const everyday = {
  /** What a run would give before it exists: the isolation preview, the `docker run` line and problems by field. */
  'containers:plan': { request: z.object({ spec: RunSpec }).strict(), response: RunPlan },
  /** Creates (and starts) a container through the Engine API; on any failure nothing is left behind. */
  'containers:run': { request: z.object({ spec: RunSpec }).strict(), response: RunResult },
  /** An image in full: config, layers (history) and the containers using it. */
  'images:inspect': { request: z.object({ id: ImageRef }).strict(), response: ImageDetail },
  /** `docker tag source target`. */
  'images:tag': { request: z.object({ source: ImageRef, target: ImageRef }).strict(), response: z.object({ target: z.string() }) },
  /** Starts a pull with per-layer progress (`jobs:progressed`); answers the job at once. */
  'images:pull': { request: z.object({ reference: ImageRef }).strict(), response: JobSummary },
  /** Starts a push to the reference's registry, credentials from the docker CLI's config; answers the job at once. */
  'images:push': { request: z.object({ reference: ImageRef }).strict(), response: JobSummary },
  /** Starts a build from a folder on this machine with its log streamed; answers the job at once. */
  'images:build': { request: BuildRequest, response: JobSummary },
  /** The jobs of this session, newest first (finished ones kept a while). */
  'jobs:list': { request: Empty, response: z.array(JobSummary) },
  /** One job with the tail of its output. */
  'jobs:get': { request: z.object({ jobId: JobId }).strict(), response: JobDetail },
  /** Cancels a running job; a cancelled pull or build leaves nothing half-made behind. */
  'jobs:cancel': { request: z.object({ jobId: JobId }).strict(), response: JobSummary },
  /** Which Compose CLI runs (docker compose, else docker-compose), or how to get one. */
  'compose:cli': { request: Empty, response: ComposeCli },
  /** The Compose projects, from their containers' labels. */
  'compose:projects': { request: Empty, response: z.array(ComposeProject) },
  /** Runs up, down, restart, pull or logs (followed until cancelled) for a project, output streamed as a job. */
  'compose:act': { request: z.object({ project: ComposeProjectName, action: ComposeAction }).strict(), response: JobSummary },
  /** Brings up a new project from a Compose file on this machine. */
  'compose:up-file': { request: z.object({ file: LocalPath }).strict(), response: JobSummary },
  /** One page of a folder inside a container (Engine API archive endpoint); works on stopped containers too. */
  'container-files:list': {
    request: z.object({ id: ContainerRef, path: ContainerPath, offset: z.number().int().min(0).max(1_000_000).optional() }).strict(),
    response: FsListing,
  },
  /** A file's text, its first MiB. */
  'container-files:read': { request: z.object({ id: ContainerRef, path: ContainerPath }).strict(), response: FsFileText },
  /** Saves a file or folder of the container as a tar at a path on this machine (never over an existing file). */
  'container-files:download': {
    request: z.object({ id: ContainerRef, path: ContainerPath, filePath: LocalPath }).strict(),
    response: z.object({ filePath: z.string(), sizeBytes: z.number().int().nonnegative() }),
  },
  /** Copies a file of this machine into a folder of the container. */
  'container-files:upload': {
    request: z.object({ id: ContainerRef, folder: ContainerPath, filePath: LocalPath }).strict(),
    response: z.object({ path: z.string(), sizeBytes: z.number().int().nonnegative() }),
  },
  /** A native picker (desktop app only; elsewhere UNAVAILABLE and paths are typed); null when dismissed. */
  'dialog:pick-path': {
    request: z
      .object({ purpose: z.enum(['folder', 'open-file', 'save-file']), title: z.string().min(1).max(200), defaultPath: z.string().max(4096).optional() })
      .strict(),
    response: z.object({ path: z.string().nullable() }),
  },
};
//#endregion

/** Request and response schema of every renderer → host channel. */
export const invokeContract = { ...appAndWsl, ...containers, ...setup, ...notificationsAndSettings, ...insight, ...everyday } as const satisfies Record<
  InvokeChannelName,
  { request: z.ZodType; response: z.ZodType }
>;

/** Payload schema of every host → renderer push. */
export const eventContract = {
  /** Sent once per change (an unchanged list is not sent again): after our own actions and external changes. */
  'distros:changed': z.array(Distro),
  /**
   * Sent at most once per change. While a visible client holds a `vm:watch` it carries the probed VM
   * (`live: true`, refreshed at each 5-s poll); otherwise `live: false`: state, running distros, idle
   * shutdown and `.wslconfig` values are current but the live figures were not read (zeros/nulls), so a
   * view keeps the last live figures it has and takes only the rest.
   */
  'vm:changed': VmInfo,
  'operations:progressed': Operation,
  'engine:status-changed': EngineStatus,
  'engine:lifecycle-changed': EngineLifecycle,
  'containers:changed': z.array(ContainerRow),
  'logs:received': z.object({ subscriptionId: z.string(), lines: z.array(LogLine), droppedLines: z.number().int().nonnegative() }),
  'stats:sampled': z.object({ subscriptionId: z.string(), samples: z.array(ContainerStats) }),
  'exec:printed': z.object({ sessionId: z.string(), data: z.string() }),
  'exec:exited': z.object({ sessionId: z.string(), exitCode: z.number().int().nullable() }),
  'notifications:changed': NotificationList,
  'settings:general-changed': GeneralSettings,
  'memory:sampled': z.object({ subscriptionId: z.string(), report: MemoryReport, sample: MemorySample }),
  'jobs:progressed': JobProgress,
} as const satisfies Record<EventChannelName, z.ZodType>;

/** A request channel. */
export type InvokeChannel = keyof typeof invokeContract;
/** The validated request type of a channel. */
export type InvokeRequest<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['request']>;
/** The response type of a channel. */
export type InvokeResponse<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['response']>;
/** A push channel. */
export type EventChannel = keyof typeof eventContract;
/** The payload type of a push channel. */
export type EventPayload<C extends EventChannel> = z.output<(typeof eventContract)[C]>;
