import type { EventChannel, EventPayload, InvokeChannel } from '../../shared/ipc/contract';
import { fail, ok, type IpcResult } from '../../shared/ipc/result';
import type {
  ContainerAction,
  ContainerDetail,
  ContainerState,
  ContainerStats,
  ContainerSummary,
  NamespaceInfo,
} from '../../shared/model/container';
import type { ContextProbe, CreateContextRequest, DockerContext, EngineStatus, ImageSummary, NetworkSummary, VolumeSummary } from '../../shared/model/engine';

const PRIVATE: NamespaceInfo = { mode: 'private', container: null, inode: null };
const MIB = 1024 * 1024;

function container(
  name: string,
  state: ContainerState,
  extra: Partial<ContainerSummary> = {},
): ContainerSummary {
  const id = `${Buffer.from(name).toString('hex').padEnd(64, '0').slice(0, 64)}`;
  return {
    id,
    name,
    image: 'lightdock-test/busybox:latest',
    imageId: 'sha256:1111',
    command: 'sh',
    state,
    status: state === 'running' ? 'Up 5 minutes' : state === 'exited' ? 'Exited (0) 2 hours ago' : state,
    created: 1_700_000_000,
    ports: [],
    composeProject: null,
    composeService: null,
    labels: {},
    networks: [{ name: 'bridge', ipAddress: '172.17.0.2', gateway: '172.17.0.1', macAddress: null }],
    mounts: [],
    ...extra,
  };
}

/** The containers the simulated engine seeds: Compose project "shop", an exited redis, a host-pid monitor and a sidecar. */
export const SEEDED_CONTAINERS: readonly ContainerSummary[] = [
  container('shop-web-1', 'running', {
    image: 'nginx:1.27-alpine',
    composeProject: 'shop',
    composeService: 'web',
    ports: [
      { privatePort: 80, publicPort: 8080, ip: '0.0.0.0', type: 'tcp' },
      { privatePort: 80, publicPort: 8080, ip: '::', type: 'tcp' },
    ],
  }),
  container('shop-api-1', 'running', {
    image: 'shop/api:latest',
    composeProject: 'shop',
    composeService: 'api',
    ports: [{ privatePort: 3000, publicPort: null, ip: null, type: 'tcp' }],
  }),
  container('shop-db-1', 'running', {
    image: 'postgres:16',
    composeProject: 'shop',
    composeService: 'db',
    mounts: [{ type: 'volume', source: 'shop_db-data', destination: '/var/lib/postgresql/data', mode: 'z', rw: true }],
  }),
  container('redis', 'exited', { image: 'redis:7' }),
  container('monitor', 'running', { image: 'lightdock-test/busybox:latest' }),
  container('sidecar', 'running', { image: 'lightdock-test/busybox:latest', networks: [] }),
];

/** The engine status of a simulated engine that answers. */
export const SIMULATED_ENGINE: EngineStatus = {
  kind: 'simulated',
  state: 'connected',
  endpoint: 'simulated://',
  context: null,
  serverVersion: '27.3.1',
  apiVersion: '1.47',
  os: 'linux',
  message: null,
  since: 1_700_000_000_000,
};

const IMAGES: readonly ImageSummary[] = [
  { id: 'sha256:aaaa1111', tags: ['nginx:1.27-alpine'], sizeBytes: 48 * MIB, created: 1_700_000_000, containers: 1, dangling: false },
  { id: 'sha256:bbbb2222', tags: ['postgres:16'], sizeBytes: 420 * MIB, created: 1_700_000_000, containers: 1, dangling: false },
  { id: 'sha256:cccc3333', tags: [], sizeBytes: 12 * MIB, created: 1_690_000_000, containers: 0, dangling: true },
];

const VOLUMES: readonly VolumeSummary[] = [
  { name: 'shop_db-data', driver: 'local', mountpoint: '/var/lib/docker/volumes/shop_db-data/_data', createdAt: null, labels: {}, inUseBy: ['shop-db-1'] },
  { name: 'old-cache', driver: 'local', mountpoint: '/var/lib/docker/volumes/old-cache/_data', createdAt: null, labels: {}, inUseBy: [] },
];

const NETWORKS: readonly NetworkSummary[] = [
  { id: 'n1', name: 'bridge', driver: 'bridge', scope: 'local', subnet: '172.17.0.0/16', gateway: '172.17.0.1', containers: 3 },
  { id: 'n2', name: 'shop_default', driver: 'bridge', scope: 'local', subnet: '172.18.0.0/16', gateway: '172.18.0.1', containers: 3 },
];

const NEXT_STATE: Partial<Record<ContainerAction, ContainerState>> = {
  start: 'running',
  stop: 'exited',
  restart: 'running',
  pause: 'paused',
  unpause: 'running',
  kill: 'exited',
};

/**
 * The container engine half of the fake host: seeded containers, images, volumes and networks; actions change state
 * and push `containers:changed`; logs, stats and exec hand out ids numbered per kind (`logs-1`, `stats-1`, `exec-1`) that tests feed with `emit`.
 */
export class FakeEngine {
  status: EngineStatus = SIMULATED_ENGINE;
  /** `docker context ls`: the default context (current) and a remote one over ssh. */
  contexts: DockerContext[] = [
    { name: 'default', endpoint: 'unix:///var/run/docker.sock', description: 'Default engine of this machine', current: true },
    { name: 'build-box', endpoint: 'ssh://dev@build-box', description: 'Team build server', current: false },
  ];
  /** What `engine:probe-context` answers per context name; a name left out is connected to Docker 27.5.1. */
  probes: Record<string, Omit<ContextProbe, 'name' | 'endpoint'>> = {
    'build-box': {
      state: 'unreachable',
      serverVersion: null,
      message: 'ssh could not reach build-box (Connection refused); check that the host is up and that sshd listens there.',
    },
  };
  containers: ContainerSummary[] = SEEDED_CONTAINERS.map((entry) => ({ ...entry }));
  images: ImageSummary[] = IMAGES.map((image) => ({ ...image }));
  volumes: VolumeSummary[] = VOLUMES.map((volume) => ({ ...volume }));
  /** Container names whose action fails with CONFLICT. */
  readonly refuse = new Set<string>();
  private readonly sequences = new Map<string, number>();

  constructor(private readonly emit: <C extends EventChannel>(channel: C, payload: EventPayload<C>) => void) {}

  /** The id of a seeded container by name. */
  idOf(name: string): string {
    const found = this.containers.find((entry) => entry.name === name);
    if (found === undefined) throw new Error(`no container ${name}`);
    return found.id;
  }

  /** A stats sample for a container, with round numbers a test can look for. */
  sample(name: string, cpuPercent: number, memoryMiB: number): ContainerStats {
    return {
      id: this.idOf(name),
      name,
      cpuPercent,
      memoryUsedBytes: memoryMiB * MIB,
      memoryLimitBytes: 512 * MIB,
      memoryPercent: (memoryMiB / 512) * 100,
      netRxBytes: 2048,
      netTxBytes: 1024,
      blockReadBytes: 0,
      blockWriteBytes: 0,
      pids: 3,
      timestamp: 1_700_000_000_000,
    };
  }

  /** The detail of a container as `containers:inspect` answers it. */
  detail(summary: ContainerSummary): ContainerDetail {
    const running = summary.state === 'running' || summary.state === 'paused';
    return {
      ...summary,
      pid: running ? 4242 : null,
      tty: summary.name === 'monitor',
      startedAt: '2024-01-01T10:00:00Z',
      finishedAt: null,
      exitCode: summary.state === 'exited' ? 0 : null,
      restartCount: 0,
      namespaces: {
        pid: summary.name === 'monitor' ? { mode: 'host', container: null, inode: null } : PRIVATE,
        net: summary.name === 'sidecar' ? { mode: 'container', container: 'shop-web-1', inode: 4026532900 } : PRIVATE,
        ipc: PRIVATE,
        uts: PRIVATE,
        mnt: PRIVATE,
        user: { mode: 'host', container: null, inode: null },
        cgroup: PRIVATE,
      },
      cgroup: {
        version: 2,
        path: `/system.slice/docker-${summary.id}.scope`,
        memoryLimitBytes: summary.name === 'shop-db-1' ? 512 * MIB : null,
        memorySwapLimitBytes: null,
        nanoCpus: summary.name === 'shop-db-1' ? 1_500_000_000 : null,
        cpuQuota: null,
        cpuPeriod: null,
        cpuShares: null,
        pidsLimit: summary.name === 'shop-db-1' ? 100 : null,
        memoryUsageBytes: running ? 128 * MIB : null,
        pidsCurrent: running ? 7 : null,
      },
      inspect: { Id: summary.id, Name: `/${summary.name}`, Config: { Image: summary.image } },
    };
  }

  /** `docker context use`: marks the context current, connects to its endpoint and pushes the new status. */
  private useContext(name: string): IpcResult<unknown> {
    const chosen = this.contexts.find((context) => context.name === name);
    if (chosen === undefined) return fail('NOT_FOUND', `Docker context "${name}" was not found.`);
    this.contexts = this.contexts.map((context) => ({ ...context, current: context.name === name }));
    this.status = { ...this.status, kind: 'docker', state: 'connected', endpoint: chosen.endpoint, context: name, message: null };
    this.emit('engine:status-changed', this.status);
    return ok(this.status);
  }

  /** Pings a context as the service does: its probe from `probes`, or NOT_FOUND. */
  private probeContext(name: string): IpcResult<unknown> {
    const context = this.contexts.find((entry) => entry.name === name);
    if (context === undefined) return fail('NOT_FOUND', `Docker context "${name}" was not found.`);
    const probe = this.probes[name] ?? { state: 'connected', serverVersion: '27.5.1', message: null };
    return ok({ name, endpoint: context.endpoint, ...probe });
  }

  /** `docker context create`: CONFLICT when the name exists, else the new context (not current). */
  private createContext(request: CreateContextRequest): IpcResult<unknown> {
    if (this.contexts.some((entry) => entry.name === request.name)) return fail('CONFLICT', `Docker context "${request.name}" exists already.`);
    const created: DockerContext = { name: request.name, endpoint: request.host, description: request.description ?? null, current: false };
    this.contexts = [...this.contexts, created];
    return ok({ ...created });
  }

  /** `docker context rm`: CONFLICT for default and the current one, NOT_FOUND for an unknown name. */
  private removeContext(name: string): IpcResult<unknown> {
    const context = this.contexts.find((entry) => entry.name === name);
    if (context === undefined) return fail('NOT_FOUND', `Docker context "${name}" was not found.`);
    if (name === 'default' || context.current) return fail('CONFLICT', `Docker context "${name}" is in use or built in; it cannot be removed.`);
    this.contexts = this.contexts.filter((entry) => entry !== context);
    return ok({ removed: name });
  }

  /** Answers the engine channels; undefined for any other channel. */
  answer(channel: InvokeChannel, request: unknown): IpcResult<unknown> | undefined {
    const body = request as Record<string, unknown>;
    switch (channel) {
      case 'app:visibility':
        return ok({ visible: body['visible'] });
      case 'engine:status':
        return ok(this.status);
      case 'engine:contexts':
        return ok(this.contexts.map((context) => ({ ...context })));
      case 'engine:use-context':
        return this.useContext(String(body['name']));
      case 'engine:probe-context':
        return this.probeContext(String(body['name']));
      case 'engine:create-context':
        return this.createContext(request as CreateContextRequest);
      case 'engine:remove-context':
        return this.removeContext(String(body['name']));
      case 'containers:list':
        return ok(this.containers.map((entry) => ({ ...entry })));
      case 'containers:inspect': {
        const found = this.find(String(body['id']));
        return found === undefined ? fail('NOT_FOUND', `No such container: ${String(body['id'])}`) : ok(this.detail(found));
      }
      case 'containers:act':
        return ok(this.act(body['ids'] as string[], body['action'] as ContainerAction));
      case 'images:list':
        return ok(this.images.map((image) => ({ ...image })));
      case 'images:remove':
        this.images = this.images.filter((image) => image.id !== body['id']);
        return ok({ id: body['id'] });
      case 'images:prune': {
        const gone = this.images.filter((image) => image.dangling && image.containers === 0);
        this.images = this.images.filter((image) => !gone.includes(image));
        return ok({ deleted: gone.map((image) => image.id), reclaimedBytes: gone.reduce((sum, image) => sum + image.sizeBytes, 0) });
      }
      case 'volumes:list':
        return ok(this.volumes.map((volume) => ({ ...volume })));
      case 'volumes:remove':
        this.volumes = this.volumes.filter((volume) => volume.name !== body['name']);
        return ok({ name: body['name'] });
      case 'volumes:prune': {
        const gone = this.volumes.filter((volume) => volume.inUseBy.length === 0);
        this.volumes = this.volumes.filter((volume) => !gone.includes(volume));
        return ok({ deleted: gone.map((volume) => volume.name), reclaimedBytes: 3 * MIB });
      }
      case 'networks:list':
        return ok(NETWORKS.map((network) => ({ ...network })));
      case 'logs:follow':
        return ok({ subscriptionId: this.nextId('logs'), tty: false });
      case 'stats:watch':
        return ok({ subscriptionId: this.nextId('stats') });
      case 'exec:open':
        return ok({ sessionId: this.nextId('exec') });
      case 'logs:stop':
      case 'stats:stop':
      case 'exec:input':
      case 'exec:resize':
      case 'exec:close':
        return ok({});
      default:
        return undefined;
    }
  }

  private nextId(kind: string): string {
    const next = (this.sequences.get(kind) ?? 0) + 1;
    this.sequences.set(kind, next);
    return `${kind}-${next}`;
  }

  private find(ref: string): ContainerSummary | undefined {
    return this.containers.find((entry) => entry.id === ref || entry.id.startsWith(ref) || entry.name === ref);
  }

  private act(ids: readonly string[], action: ContainerAction): { id: string; ok: boolean; error?: { code: string; message: string } }[] {
    const results = ids.map((id) => {
      const target = this.find(id);
      if (target === undefined) return { id, ok: false, error: { code: 'NOT_FOUND', message: `No such container: ${id}` } };
      if (this.refuse.has(target.name)) return { id, ok: false, error: { code: 'CONFLICT', message: `${target.name} refused to ${action}.` } };
      if (action === 'remove') this.containers = this.containers.filter((entry) => entry !== target);
      else {
        const state = NEXT_STATE[action] ?? target.state;
        this.containers = this.containers.map((entry) => (entry === target ? { ...entry, state } : entry));
      }
      return { id, ok: true };
    });
    this.emit('containers:changed', this.containers.map((entry) => ({ ...entry })));
    return results;
  }
}
