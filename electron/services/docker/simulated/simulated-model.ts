import type { ContainerDetail, ContainerNamespaces, ContainerNetwork, ContainerSummary, NamespaceInfo } from '../../../../shared/model/container';
import { SIMULATED_VM, type SimulatedContainer, type SimulatedEngineState } from './engine-state';
import { programListensOn } from './program-profiles';
import { sampleStats } from './simulated-stats';
import { statusText } from './status-text';

/** Namespace inodes of the simulated VM's init process (`/proc/1/ns/*`), as a fresh Linux kernel numbers them. */
export const HOST_NAMESPACE_INODES = {
  cgroup: 4026531835,
  pid: 4026531836,
  user: 4026531837,
  uts: 4026531838,
  ipc: 4026531839,
  mnt: 4026531841,
  net: 4026531840,
} as const;

const OWN_OFFSETS = { mnt: 0, uts: 1, ipc: 2, pid: 3, net: 4, cgroup: 5 } as const;

const isUp = (c: SimulatedContainer): boolean => c.state === 'running' || c.state === 'paused';
const iso = (ms: number | null | undefined): string | null => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

/** The MAC address Docker derives from an IPv4 address (02:42 followed by the four octets). */
export function macFor(ip: string): string {
  return ['02', '42', ...ip.split('.').map((o) => Number(o).toString(16).padStart(2, '0'))].join(':');
}

/** The container's cgroup v2 path under the systemd driver, relative to the cgroup root as /proc/<pid>/cgroup gives it. */
export function cgroupPath(id: string): string {
  return `/system.slice/docker-${id}.scope`;
}

/** The host name inside a container: its short id, or the VM's with `--network host`. */
export function hostnameOf(c: SimulatedContainer): string {
  return c.network.mode === 'host' ? SIMULATED_VM.hostname : c.id.slice(0, 12);
}

/** The networks a container is attached to, with addresses only while it runs. */
export function networksOf(state: SimulatedEngineState, c: SimulatedContainer): ContainerNetwork[] {
  const up = isUp(c);
  switch (c.network.mode) {
    case 'attached':
      return c.network.attachments.map((a) => ({
        name: a.network,
        ipAddress: up ? a.ip : null,
        gateway: up ? (state.networks.find((n) => n.name === a.network)?.gateway ?? null) : null,
        macAddress: up ? macFor(a.ip) : null,
      }));
    case 'host':
    case 'none':
      return [{ name: c.network.mode, ipAddress: null, gateway: null, macAddress: null }];
    case 'container':
      return [];
  }
}

/** The seven namespaces, with inodes while the container runs (a shared one has its owner's inode). */
export function namespacesOf(state: SimulatedEngineState, c: SimulatedContainer): ContainerNamespaces {
  const run = isUp(c) ? c.runs.at(-1) : undefined;
  const own = (kind: keyof typeof OWN_OFFSETS): NamespaceInfo => ({ mode: 'private', container: null, inode: run ? run.inodeBase + OWN_OFFSETS[kind] : null });
  const host = (kind: keyof typeof HOST_NAMESPACE_INODES): NamespaceInfo => ({ mode: 'host', container: null, inode: run ? HOST_NAMESPACE_INODES[kind] : null });
  const net = (): NamespaceInfo => {
    switch (c.network.mode) {
      case 'host':
        return host('net');
      case 'container': {
        const ownerId = c.network.container;
        const owner = state.containers.find((o) => o.id === ownerId);
        const ownerRun = owner && isUp(owner) ? owner.runs.at(-1) : undefined;
        return { mode: 'container', container: ownerId, inode: run && ownerRun ? ownerRun.inodeBase + OWN_OFFSETS.net : null };
      }
      default:
        return own('net');
    }
  };
  return {
    pid: c.pidHost ? host('pid') : own('pid'),
    net: net(),
    ipc: own('ipc'),
    uts: own('uts'),
    mnt: own('mnt'),
    user: host('user'),
    cgroup: own('cgroup'),
  };
}

/** One row of the containers list. */
export function toSummary(state: SimulatedEngineState, c: SimulatedContainer, now: number): ContainerSummary {
  return {
    id: c.id,
    name: c.name,
    image: c.image,
    imageId: c.imageId,
    command: c.command,
    state: c.state,
    status: statusText(c, now),
    created: Math.floor(c.created / 1000),
    ports: isUp(c) ? c.ports : [],
    composeProject: c.labels['com.docker.compose.project'] ?? null,
    composeService: c.labels['com.docker.compose.service'] ?? null,
    labels: c.labels,
    networks: networksOf(state, c),
    mounts: c.mounts,
  };
}

const networkModeText = (c: SimulatedContainer): string => {
  switch (c.network.mode) {
    case 'attached':
      return c.network.attachments[0]?.network ?? 'bridge';
    case 'container':
      return `container:${c.network.container}`;
    default:
      return c.network.mode;
  }
};

/** The raw `docker inspect` document, shaped like the Engine API's. */
function inspectDocument(state: SimulatedEngineState, c: SimulatedContainer): Record<string, unknown> {
  const run = c.runs.at(-1);
  const up = isUp(c);
  const [path, ...args] = c.command.split(' ');
  return {
    Id: c.id,
    Created: new Date(c.created).toISOString(),
    Path: path,
    Args: args,
    State: {
      Status: c.state,
      Running: up,
      Paused: c.state === 'paused',
      Restarting: c.state === 'restarting',
      OOMKilled: false,
      Dead: c.state === 'dead',
      Pid: up ? (run?.hostPid ?? 0) : 0,
      ExitCode: c.exitCode ?? 0,
      Error: '',
      StartedAt: iso(run?.start) ?? '0001-01-01T00:00:00Z',
      FinishedAt: iso(run?.end) ?? '0001-01-01T00:00:00Z',
    },
    Image: c.imageId,
    Name: `/${c.name}`,
    RestartCount: c.restartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    HostConfig: {
      NetworkMode: networkModeText(c),
      PidMode: c.pidHost ? 'host' : '',
      IpcMode: 'private',
      UTSMode: '',
      UsernsMode: '',
      CgroupnsMode: 'private',
      Memory: c.memory ?? 0,
      MemorySwap: c.memory === null ? 0 : c.memory * 2,
      NanoCpus: c.nanoCpus ?? 0,
      CpuShares: 0,
      CpuPeriod: 0,
      CpuQuota: 0,
      PidsLimit: c.pidsLimit,
      PortBindings: Object.fromEntries(
        c.ports.map((p) => [`${p.privatePort}/${p.type}`, p.publicPort === null ? null : [{ HostIp: p.ip ?? '', HostPort: String(p.publicPort) }]]),
      ),
      CgroupParent: '',
    },
    Mounts: c.mounts.map((m) => ({ Type: m.type, Name: m.type === 'volume' ? m.source : undefined, Source: m.type === 'volume' ? `/var/lib/docker/volumes/${m.source}/_data` : m.source, Destination: m.destination, Mode: m.mode, RW: m.rw })),
    Config: {
      Hostname: hostnameOf(c),
      Tty: c.tty,
      Image: c.image,
      Cmd: c.command.split(' '),
      Labels: c.labels,
    },
    NetworkSettings: {
      Networks: Object.fromEntries(
        networksOf(state, c).map((n) => [n.name, { IPAddress: n.ipAddress ?? '', Gateway: n.gateway ?? '', MacAddress: n.macAddress ?? '' }]),
      ),
      Ports: Object.fromEntries((up ? c.ports : []).map((p) => [`${p.privatePort}/${p.type}`, p.publicPort === null ? null : [{ HostIp: p.ip ?? '', HostPort: String(p.publicPort) }]])),
    },
    Lightdock: { simulated: true, listensOn: programListensOn(c.program) },
  };
}

/** The container in full: process, namespaces, cgroup limits and current use, and the raw inspect document. */
export function toDetail(state: SimulatedEngineState, c: SimulatedContainer, now: number): ContainerDetail {
  const run = c.runs.at(-1);
  const up = isUp(c);
  const stats = up ? sampleStats(c, now) : null;
  return {
    ...toSummary(state, c, now),
    pid: up ? (run?.hostPid ?? null) : null,
    tty: c.tty,
    startedAt: iso(run?.start),
    finishedAt: iso(run?.end),
    exitCode: c.state === 'exited' || c.state === 'dead' ? c.exitCode : null,
    restartCount: c.restartCount,
    namespaces: namespacesOf(state, c),
    cgroup: {
      version: 2,
      path: cgroupPath(c.id),
      memoryLimitBytes: c.memory,
      memorySwapLimitBytes: c.memory === null ? null : c.memory * 2,
      nanoCpus: c.nanoCpus,
      cpuQuota: null,
      cpuPeriod: null,
      cpuShares: null,
      pidsLimit: c.pidsLimit,
      memoryUsageBytes: stats ? stats.memoryUsedBytes : null,
      pidsCurrent: stats ? stats.pids : null,
    },
    inspect: inspectDocument(state, c),
  };
}
