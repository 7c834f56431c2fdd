import type { DistroDetail, DistroDisk, DistroMount } from '../../../../shared/model/distro';
import type { VmInfo, VmNetwork, VmState } from '../../../../shared/model/vm';
import type { EffectiveWslConfig } from '../wslconfig/effective-config';
import { MIB } from '../wslconfig/wslconfig-values';
import type { BootConfig, SimulatedDistro, SimulatedHostState, SimulatedVm } from './host-state';

/** How long the simulated VM shows `Starting` after it boots. */
export const BOOT_MS = 2_000;
/** What the kernel and the system distro (WSLg) use in a VM with nothing else running. */
export const KERNEL_BASE_BYTES = 200 * MIB;
/** VHDX metadata on top of the blocks in use. */
export const VHDX_OVERHEAD_BYTES = 64 * MIB;
/** Written to a distro's disk each time it starts (logs, caches, package lists). */
export const START_WRITE_BYTES = 96 * MIB;
/** Freed inside a distro's disk when it stops (temporary files); the VHDX does not shrink. */
export const STOP_FREE_BYTES = 64 * MIB;
/** How long the VM must be quiet before `autoMemoryReclaim` gives page cache back. */
export const RECLAIM_IDLE_MS = 30_000;
/** How fast `gradual` reclaim gives page cache back. */
export const GRADUAL_RECLAIM_BYTES_PER_SECOND = 16 * MIB;
/** The DNS address Linux sees with DNS tunneling. */
export const DNS_TUNNELING_ADDRESS = '10.255.255.254';

/** The part of the effective `.wslconfig` the VM boots with. */
export function bootConfigOf(config: EffectiveWslConfig): BootConfig {
  return {
    memoryLimitBytes: config.memoryLimitBytes,
    processors: config.processors,
    swapBytes: config.swapBytes,
    kernel: config.kernel,
    kernelCommandLine: config.kernelCommandLine,
    networkingMode: config.networkingMode,
    localhostForwarding: config.localhostForwarding,
    dnsTunneling: config.dnsTunneling,
    dnsProxy: config.dnsProxy,
    vmIdleTimeoutMs: config.vmIdleTimeoutMs,
    autoMemoryReclaim: config.autoMemoryReclaim,
  };
}

/** WSL2 distros in the Running state, in the order they started. */
export function runningWsl2(state: SimulatedHostState): SimulatedDistro[] {
  return state.distros.filter((d) => d.version === 2 && d.state === 'Running').sort((a, b) => (a.startedAt ?? 0) - (b.startedAt ?? 0));
}

/** Whether the VM is up now, when it will stop by itself, and the config it runs with. */
export interface VmStatus {
  up: boolean;
  state: VmState;
  running: number;
  bootedAt: number | null;
  idleShutdownAt: number | null;
  config: BootConfig;
}

/**
 * The VM at `now`, derived from the stored facts: up while a WSL2 distro runs, then until
 * `lastWsl2StopAt + vmIdleTimeout` (a negative timeout keeps it up); `Starting` for `BOOT_MS` after boot.
 * A distro marked Running by another program without a boot record still counts (boot time unknown).
 */
export function vmStatus(state: SimulatedHostState, now: number, current: BootConfig): VmStatus {
  const vm = state.vm;
  const running = runningWsl2(state).length;
  const config = vm.bootConfig ?? current;
  let up = running > 0;
  let idleShutdownAt: number | null = null;
  if (!up && vm.bootedAt !== null && vm.lastWsl2StopAt !== null && vm.lastWsl2StopAt >= vm.bootedAt) {
    if (config.vmIdleTimeoutMs < 0) {
      up = true;
    } else {
      const at = vm.lastWsl2StopAt + config.vmIdleTimeoutMs;
      up = now < at;
      idleShutdownAt = up ? at : null;
    }
  }
  if (!up) return { up, state: 'Stopped', running, bootedAt: null, idleShutdownAt: null, config: current };
  const bootedAt = vm.bootedAt;
  const starting = bootedAt !== null && now < bootedAt + BOOT_MS;
  return { up, state: starting ? 'Starting' : 'Running', running, bootedAt, idleShutdownAt, config };
}

/** Page cache at `now` after `autoMemoryReclaim` took its share since the cache last grew. */
export function pageCacheAt(vm: SimulatedVm, mode: BootConfig['autoMemoryReclaim'], now: number): number {
  const quiet = now - vm.pageCacheAt - RECLAIM_IDLE_MS;
  if (mode === 'disabled' || quiet < 0) return vm.pageCacheBytes;
  if (mode === 'dropCache') return 0;
  return Math.max(0, vm.pageCacheBytes - Math.floor((quiet / 1000) * GRADUAL_RECLAIM_BYTES_PER_SECOND));
}

/** The first address of an IPv4 network and its prefix, as `a.b.c.d/p`. */
function subnetOf(ip: string, prefixLength: number): string {
  const value = ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
  const mask = prefixLength === 0 ? 0 : (0xffffffff << (32 - prefixLength)) >>> 0;
  const base = (value & mask) >>> 0;
  return `${[24, 16, 8, 0].map((shift) => (base >>> shift) & 255).join('.')}/${prefixLength}`;
}

/** The address a bridged VM gets on the host's LAN: same network, another host number. */
function bridgedIp(hostIp: string): string {
  const parts = hostIp.split('.');
  const last = Number(parts[3] ?? 1);
  return [...parts.slice(0, 3), String(((last + 100) % 253) + 1)].join('.');
}

/** The VM's network for its mode; addresses only while it is up (the NAT range is remembered across boots). */
function network(state: SimulatedHostState, status: VmStatus): VmNetwork {
  const { config } = status;
  const host = state.host;
  const nat = state.vm.nat;
  const dnsFor = (natHostIp: string | null): string[] =>
    config.dnsTunneling ? [DNS_TUNNELING_ADDRESS] : config.dnsProxy && natHostIp ? [natHostIp] : host.dns;
  const base = { mode: config.networkingMode, localhostForwarding: config.networkingMode === 'mirrored' ? true : config.localhostForwarding };
  if (!status.up || config.networkingMode === 'none') {
    const savedSubnet = config.networkingMode === 'nat' ? (nat?.subnet ?? null) : null;
    return { ...base, vmIp: null, prefixLength: null, hostIp: null, subnet: savedSubnet, dns: [] };
  }
  if (config.networkingMode === 'mirrored') {
    return { ...base, vmIp: host.ip, prefixLength: host.prefixLength, hostIp: host.ip, subnet: subnetOf(host.ip, host.prefixLength), dns: config.dnsTunneling ? [DNS_TUNNELING_ADDRESS] : host.dns };
  }
  if (config.networkingMode === 'bridged') {
    return { ...base, vmIp: bridgedIp(host.ip), prefixLength: host.prefixLength, hostIp: host.ip, subnet: subnetOf(host.ip, host.prefixLength), dns: host.dns };
  }
  return { ...base, vmIp: nat?.vmIp ?? null, prefixLength: nat ? 20 : null, hostIp: nat?.hostIp ?? null, subnet: nat?.subnet ?? null, dns: dnsFor(nat?.hostIp ?? null) };
}

/**
 * The VM as the VM view shows it at `now`. Memory grows with what runs (kernel plus each running WSL2
 * distro), is capped by the limit (the rest goes to swap), keeps page cache that `autoMemoryReclaim`
 * gives back; a stopped VM holds nothing and shows the limits it will boot with.
 */
export function vmInfo(state: SimulatedHostState, now: number, current: BootConfig): VmInfo {
  const status = vmStatus(state, now, current);
  const { config } = status;
  const defaultKernel = `${state.host.kernelVersion}-microsoft-standard-WSL2`;
  const kernelVersion = config.kernel === null ? defaultKernel : status.up ? `${state.host.kernelVersion}-custom` : null;
  let memory: VmInfo['memory'] = {
    hostTotalBytes: state.host.totalMemoryBytes,
    limitBytes: config.memoryLimitBytes,
    assignedBytes: 0,
    usedBytes: 0,
    pageCacheBytes: 0,
    swapBytes: config.swapBytes,
    swapUsedBytes: 0,
    reclaimMode: config.autoMemoryReclaim,
  };
  if (status.up) {
    const wanted = KERNEL_BASE_BYTES + runningWsl2(state).reduce((sum, d) => sum + d.memoryBytes, 0);
    const usedBytes = Math.min(wanted, config.memoryLimitBytes);
    const pageCacheBytes = Math.min(pageCacheAt(state.vm, config.autoMemoryReclaim, now), config.memoryLimitBytes - usedBytes);
    memory = { ...memory, usedBytes, pageCacheBytes, assignedBytes: usedBytes + pageCacheBytes, swapUsedBytes: Math.min(config.swapBytes, wanted - usedBytes) };
  }
  return {
    state: status.state,
    runningDistros: status.running,
    bootTime: status.bootedAt,
    uptimeSeconds: status.bootedAt === null ? null : Math.max(0, Math.floor((now - status.bootedAt) / 1000)),
    kernel: { version: kernelVersion, customKernelPath: config.kernel, commandLine: config.kernelCommandLine },
    memory,
    processors: config.processors,
    idleTimeoutMs: config.vmIdleTimeoutMs,
    idleShutdownAt: status.idleShutdownAt,
    network: network(state, status),
    live: true,
  };
}

/** A WSL2 distro's disk as the detail view shows it; what compacting would return is the file beyond what is used. */
export function diskOf(distro: SimulatedDistro): DistroDisk | null {
  if (!distro.disk) return null;
  return {
    path: `${distro.basePath}\\ext4.vhdx`,
    fileSizeBytes: distro.disk.fileSizeBytes,
    usedBytes: distro.usedBytes,
    maxSizeBytes: distro.disk.maxSizeBytes,
    sparse: distro.disk.sparse,
    reclaimableBytes: Math.max(0, distro.disk.fileSizeBytes - distro.usedBytes - VHDX_OVERHEAD_BYTES),
  };
}

/** The 9p (WSL2) or DrvFs (WSL1) mount of one host drive under the automount root, as /proc/mounts shows it. */
function driveMount(distro: SimulatedDistro, letter: string): DistroMount {
  const target = `${distro.automountRoot}${letter.toLowerCase()}`;
  const uid = distro.defaultUid;
  if (distro.version === 1) {
    return { target, source: `${letter}:\\`, fsType: 'drvfs', options: `rw,noatime,uid=${uid},gid=${uid},case=off` };
  }
  return {
    target,
    source: `${letter}:\\`,
    fsType: '9p',
    options: `rw,noatime,aname=drvfs;path=${letter}:\\;uid=${uid};gid=${uid};symlinkroot=${distro.automountRoot},cache=5,access=client,msize=65536,trans=fd,rfd=6,wfd=6`,
  };
}

/** Mounts inside a running distro: its root, the WSLg and driver mounts (WSL2), then every host drive. */
function mountsOf(state: SimulatedHostState, distro: SimulatedDistro): DistroMount[] {
  if (distro.state !== 'Running') return [];
  const drives = state.host.drives.map((letter) => driveMount(distro, letter));
  if (distro.version === 1) return [{ target: '/', source: 'rootfs', fsType: 'lxfs', options: 'rw,noatime' }, ...drives];
  const index = runningWsl2(state).findIndex((d) => d.id === distro.id);
  const device = `/dev/sd${String.fromCharCode('c'.charCodeAt(0) + Math.max(0, index))}`;
  return [
    { target: '/', source: device, fsType: 'ext4', options: 'rw,relatime,discard,errors=remount-ro,data=ordered' },
    { target: '/mnt/wslg', source: 'none', fsType: 'tmpfs', options: 'rw,relatime' },
    { target: '/usr/lib/wsl/drivers', source: 'drivers', fsType: '9p', options: 'ro,nosuid,nodev,noatime,aname=drivers;fmask=222;dmask=222,cache=5,access=client,msize=65536,trans=fd,rfd=8,wfd=8' },
    ...drives,
  ];
}

/** Everything the detail view shows of one distro; a stopped one has no mounts and no address. */
export function distroDetail(state: SimulatedHostState, distro: SimulatedDistro, now: number, current: BootConfig): DistroDetail {
  let ip: string | null = null;
  if (distro.state === 'Running') ip = distro.version === 1 ? state.host.ip : vmInfo(state, now, current).network.vmIp;
  return {
    name: distro.name,
    state: distro.state,
    version: distro.version,
    isDefault: distro.id === state.defaultId,
    id: distro.id,
    basePath: distro.basePath === '' ? null : distro.basePath,
    disk: diskOf(distro),
    mounts: mountsOf(state, distro),
    ip,
    osName: distro.osName,
    defaultUser: distro.defaultUser,
    systemd: distro.version === 2 ? distro.systemd : false,
  };
}

/** The next moment the derived VM changes by itself (boot finished, page cache dropped, idle shutdown), if any. */
export function nextVmEvent(state: SimulatedHostState, now: number, current: BootConfig): number | null {
  const status = vmStatus(state, now, current);
  if (!status.up) return null;
  const times: number[] = [];
  if (status.bootedAt !== null && status.bootedAt + BOOT_MS > now) times.push(status.bootedAt + BOOT_MS);
  if (status.idleShutdownAt !== null) times.push(status.idleShutdownAt);
  const reclaimAt = state.vm.pageCacheAt + RECLAIM_IDLE_MS;
  if (status.config.autoMemoryReclaim === 'dropCache' && state.vm.pageCacheBytes > 0 && reclaimAt > now) times.push(reclaimAt);
  const future = times.filter((t) => t > now);
  return future.length > 0 ? Math.min(...future) : null;
}
