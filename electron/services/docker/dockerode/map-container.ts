import type {
  ContainerCgroup,
  ContainerDetail,
  ContainerMount,
  ContainerNamespaces,
  ContainerNetwork,
  ContainerState,
  ContainerSummary,
  NamespaceInfo,
  PortBinding,
} from '../../../../shared/model/container';

/** The parts of an Engine API `/containers/json` row the model reads. */
export interface RawContainerListItem {
  Id: string;
  Names?: string[] | null;
  Image?: string;
  ImageID?: string;
  Command?: string;
  Created?: number;
  State?: string;
  Status?: string;
  Ports?: { IP?: string; PrivatePort: number; PublicPort?: number; Type?: string }[] | null;
  Labels?: Record<string, string> | null;
  NetworkSettings?: { Networks?: Record<string, RawEndpoint | null> | null } | null;
  Mounts?: RawMount[] | null;
}

interface RawEndpoint {
  IPAddress?: string;
  Gateway?: string;
  MacAddress?: string;
}

interface RawMount {
  Type?: string;
  Name?: string;
  Source?: string;
  Destination?: string;
  Mode?: string;
  RW?: boolean;
}

/** The parts of an Engine API `/containers/{id}/json` answer the model reads. */
export interface RawContainerInspect {
  Id: string;
  Name?: string;
  Created?: string;
  Path?: string;
  Args?: string[] | null;
  Image?: string;
  RestartCount?: number;
  State?: {
    Status?: string;
    Running?: boolean;
    Paused?: boolean;
    Restarting?: boolean;
    Pid?: number;
    ExitCode?: number;
    StartedAt?: string;
    FinishedAt?: string;
  };
  Config?: { Image?: string; Tty?: boolean; Labels?: Record<string, string> | null };
  HostConfig?: {
    NetworkMode?: string;
    PidMode?: string;
    IpcMode?: string;
    UTSMode?: string;
    UsernsMode?: string;
    CgroupnsMode?: string;
    CgroupParent?: string;
    Memory?: number;
    MemorySwap?: number;
    NanoCpus?: number;
    CpuQuota?: number;
    CpuPeriod?: number;
    CpuShares?: number;
    PidsLimit?: number | null;
  };
  NetworkSettings?: {
    Ports?: Record<string, { HostIp?: string; HostPort?: string }[] | null> | null;
    Networks?: Record<string, RawEndpoint | null> | null;
  };
  Mounts?: RawMount[] | null;
}

/** What the engine and this machine add to an inspect: the cgroup setup and, when local, the kernel's view. */
export interface HostFacts {
  /** From /sys/fs/cgroup when local, else `docker info` CgroupVersion. */
  cgroupVersion: 1 | 2 | null;
  /** `docker info` CgroupDriver (`cgroupfs` or `systemd`). */
  cgroupDriver: string | null;
  /** The daemon runs with userns-remap (`docker info` SecurityOptions has `name=userns`). */
  usernsRemap: boolean;
  /** Namespace ids from /proc/<pid>/ns/<kind> when the engine is local and the process visible. */
  inodes: Partial<Record<keyof ContainerNamespaces, number>> | null;
  /** The cgroup path from /proc/<pid>/cgroup when local. */
  cgroupPath: string | null;
  memoryUsageBytes: number | null;
  pidsCurrent: number | null;
}

const COMPOSE_PROJECT = 'com.docker.compose.project';
const COMPOSE_SERVICE = 'com.docker.compose.service';
const STATES: readonly ContainerState[] = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];
const ZERO_TIME = '0001-01-01T00:00:00Z';

function nonEmpty(value: string | undefined | null): string | null {
  return value === undefined || value === null || value === '' ? null : value;
}

function positive(value: number | undefined | null): number | null {
  return value === undefined || value === null || value <= 0 ? null : value;
}

function toState(value: string | undefined): ContainerState {
  return STATES.find((s) => s === value) ?? 'dead';
}

function toPortType(value: string | undefined): PortBinding['type'] {
  return value === 'udp' || value === 'sctp' ? value : 'tcp';
}

/** The name without the engine's leading `/`. */
export function containerName(raw: string | undefined): string {
  return (raw ?? '').replace(/^\//, '');
}

function mapNetworks(networks: Record<string, RawEndpoint | null> | null | undefined): ContainerNetwork[] {
  return Object.entries(networks ?? {})
    .map(([name, endpoint]) => ({
      name,
      ipAddress: nonEmpty(endpoint?.IPAddress),
      gateway: nonEmpty(endpoint?.Gateway),
      macAddress: nonEmpty(endpoint?.MacAddress),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function mapMounts(mounts: RawMount[] | null | undefined): ContainerMount[] {
  return (mounts ?? []).map((m) => ({
    type: m.Type ?? 'bind',
    source: m.Type === 'volume' && m.Name ? m.Name : (m.Source ?? ''),
    destination: m.Destination ?? '',
    mode: m.Mode ?? '',
    rw: m.RW ?? true,
  }));
}

function sortPorts(ports: PortBinding[]): PortBinding[] {
  return ports.sort((a, b) => a.privatePort - b.privatePort || (a.publicPort ?? 0) - (b.publicPort ?? 0) || (a.ip ?? '').localeCompare(b.ip ?? ''));
}

/** One row of `/containers/json` as the model's summary (names without `/`, Compose labels lifted out). */
export function mapContainerSummary(raw: RawContainerListItem): ContainerSummary {
  const labels = raw.Labels ?? {};
  return {
    id: raw.Id,
    name: containerName(raw.Names?.[0]),
    image: raw.Image ?? '',
    imageId: raw.ImageID ?? '',
    command: raw.Command ?? '',
    state: toState(raw.State),
    status: raw.Status ?? '',
    created: Math.floor(raw.Created ?? 0),
    ports: sortPorts(
      (raw.Ports ?? []).map((p) => ({
        privatePort: p.PrivatePort,
        publicPort: p.PublicPort ?? null,
        ip: nonEmpty(p.IP),
        type: toPortType(p.Type),
      })),
    ),
    composeProject: labels[COMPOSE_PROJECT] ?? null,
    composeService: labels[COMPOSE_SERVICE] ?? null,
    labels,
    networks: mapNetworks(raw.NetworkSettings?.Networks),
    mounts: mapMounts(raw.Mounts),
  };
}

function inspectPorts(ports: Record<string, { HostIp?: string; HostPort?: string }[] | null> | null | undefined): PortBinding[] {
  const out: PortBinding[] = [];
  for (const [key, bindings] of Object.entries(ports ?? {})) {
    const [port, type] = key.split('/');
    const privatePort = Number(port);
    if (!Number.isInteger(privatePort)) continue;
    if (bindings === null || bindings.length === 0) {
      out.push({ privatePort, publicPort: null, ip: null, type: toPortType(type) });
      continue;
    }
    for (const b of bindings) {
      const publicPort = Number(b.HostPort);
      out.push({ privatePort, publicPort: Number.isInteger(publicPort) && publicPort > 0 ? publicPort : null, ip: nonEmpty(b.HostIp), type: toPortType(type) });
    }
  }
  return sortPorts(out);
}

/** A summary built from inspect alone, for a container the list no longer shows (status in `docker ps` words). */
export function summaryFromInspect(raw: RawContainerInspect): ContainerSummary {
  const labels = raw.Config?.Labels ?? {};
  const state = toState(raw.State?.Status);
  const status =
    state === 'running'
      ? 'Up'
      : state === 'paused'
        ? 'Up (Paused)'
        : state === 'exited'
          ? `Exited (${raw.State?.ExitCode ?? 0})`
          : state.charAt(0).toUpperCase() + state.slice(1);
  return {
    id: raw.Id,
    name: containerName(raw.Name),
    image: raw.Config?.Image ?? '',
    imageId: raw.Image ?? '',
    command: [raw.Path ?? '', ...(raw.Args ?? [])].filter((s) => s !== '').join(' '),
    state,
    status,
    created: Math.floor(Date.parse(raw.Created ?? '') / 1000) || 0,
    ports: inspectPorts(raw.NetworkSettings?.Ports),
    composeProject: labels[COMPOSE_PROJECT] ?? null,
    composeService: labels[COMPOSE_SERVICE] ?? null,
    labels,
    networks: mapNetworks(raw.NetworkSettings?.Networks),
    mounts: mapMounts(raw.Mounts),
  };
}

function sharedOrOwn(mode: string | undefined, inode: number | undefined, hostWhen: (m: string) => boolean): NamespaceInfo {
  const value = mode ?? '';
  if (value.startsWith('container:')) return { mode: 'container', container: value.slice('container:'.length), inode: inode ?? null };
  if (hostWhen(value)) return { mode: 'host', container: null, inode: inode ?? null };
  return { mode: 'private', container: null, inode: inode ?? null };
}

/**
 * The seven namespaces from HostConfig: PidMode, NetworkMode, IpcMode, UTSMode (host or private),
 * UsernsMode (host unless the daemon remaps users), CgroupnsMode (empty means the daemon default:
 * private on cgroup v2, host on v1); mnt is always the container's own.
 */
export function mapNamespaces(raw: RawContainerInspect, facts: HostFacts): ContainerNamespaces {
  const hc = raw.HostConfig ?? {};
  const ino = facts.inodes ?? {};
  const cgroupns = hc.CgroupnsMode ?? '';
  const cgroupHost = cgroupns === 'host' || (cgroupns === '' && facts.cgroupVersion !== 2);
  return {
    pid: sharedOrOwn(hc.PidMode, ino.pid, (m) => m === 'host'),
    net: sharedOrOwn(hc.NetworkMode, ino.net, (m) => m === 'host'),
    ipc: sharedOrOwn(hc.IpcMode, ino.ipc, (m) => m === 'host'),
    uts: sharedOrOwn(hc.UTSMode, ino.uts, (m) => m === 'host'),
    mnt: { mode: 'private', container: null, inode: ino.mnt ?? null },
    user: {
      mode: hc.UsernsMode === 'host' || !facts.usernsRemap ? 'host' : 'private',
      container: null,
      inode: ino.user ?? null,
    },
    cgroup: { mode: cgroupHost ? 'host' : 'private', container: null, inode: ino.cgroup ?? null },
  };
}

/** The cgroup path the engine would use when this machine cannot read it: systemd slice or cgroupfs parent. */
export function derivedCgroupPath(raw: RawContainerInspect, cgroupDriver: string | null): string | null {
  if (cgroupDriver === null) return null;
  const parent = raw.HostConfig?.CgroupParent ?? '';
  if (cgroupDriver === 'systemd') return `/${parent !== '' ? parent : 'system.slice'}/docker-${raw.Id}.scope`;
  return `${parent !== '' ? (parent.startsWith('/') ? parent : `/${parent}`) : '/docker'}/${raw.Id}`;
}

/** Limits from HostConfig (0, -1 and null mean unlimited and become null) and current use from the facts. */
export function mapCgroup(raw: RawContainerInspect, facts: HostFacts): ContainerCgroup {
  const hc = raw.HostConfig ?? {};
  return {
    version: facts.cgroupVersion,
    path: facts.cgroupPath ?? derivedCgroupPath(raw, facts.cgroupDriver),
    memoryLimitBytes: positive(hc.Memory),
    memorySwapLimitBytes: positive(hc.MemorySwap),
    nanoCpus: positive(hc.NanoCpus),
    cpuQuota: positive(hc.CpuQuota),
    cpuPeriod: positive(hc.CpuPeriod),
    cpuShares: positive(hc.CpuShares),
    pidsLimit: positive(hc.PidsLimit),
    memoryUsageBytes: facts.memoryUsageBytes,
    pidsCurrent: facts.pidsCurrent,
  };
}

function timeOrNull(value: string | undefined): string | null {
  return value === undefined || value === '' || value === ZERO_TIME ? null : value;
}

/**
 * The full model of a container: the list row (or one built from inspect), the process, namespaces,
 * cgroup and the raw inspect JSON. `pid` is null when the container is not running.
 */
export function mapContainerDetail(raw: RawContainerInspect, row: ContainerSummary | null, facts: HostFacts): ContainerDetail {
  const summary = row ?? summaryFromInspect(raw);
  const state = raw.State ?? {};
  const running = state.Running === true || state.Paused === true || state.Restarting === true;
  const exited = !running && timeOrNull(state.FinishedAt) !== null;
  return {
    ...summary,
    pid: positive(state.Pid),
    tty: raw.Config?.Tty === true,
    startedAt: timeOrNull(state.StartedAt),
    finishedAt: running ? null : timeOrNull(state.FinishedAt),
    exitCode: exited ? (state.ExitCode ?? null) : null,
    restartCount: raw.RestartCount ?? 0,
    namespaces: mapNamespaces(raw, facts),
    cgroup: mapCgroup(raw, facts),
    inspect: raw,
  };
}
