import type { BootConfig, SimulatedDistro, SimulatedHostState } from './host-state';
import { draw, withDistro } from './host-state';
import { START_WRITE_BYTES, STOP_FREE_BYTES, VHDX_OVERHEAD_BYTES, pageCacheAt, runningWsl2, vmStatus } from './vm-model';

/** Writes `bytes` inside a distro: used space grows, and so does a VHDX when the new blocks do not fit (up to its maximum). */
export function writeBytes(distro: SimulatedDistro, bytes: number): SimulatedDistro {
  const limit = distro.disk ? distro.disk.maxSizeBytes - VHDX_OVERHEAD_BYTES : Number.MAX_SAFE_INTEGER;
  const usedBytes = Math.min(limit, distro.usedBytes + bytes);
  if (!distro.disk) return { ...distro, usedBytes };
  const needed = usedBytes + VHDX_OVERHEAD_BYTES;
  const fileSizeBytes = distro.disk.sparse ? needed : Math.max(distro.disk.fileSizeBytes, needed);
  return { ...distro, usedBytes, disk: { ...distro.disk, fileSizeBytes } };
}

/** Deletes `bytes` inside a distro: used space shrinks, a VHDX keeps its size unless it is sparse. */
export function freeBytes(distro: SimulatedDistro, bytes: number): SimulatedDistro {
  const usedBytes = Math.max(0, distro.usedBytes - bytes);
  if (!distro.disk || !distro.disk.sparse) return { ...distro, usedBytes };
  return { ...distro, usedBytes, disk: { ...distro.disk, fileSizeBytes: usedBytes + VHDX_OVERHEAD_BYTES } };
}

/** Shrinks a VHDX to the blocks in use (what `Optimize-VHD` / diskpart `compact vdisk` do). */
export function compacted(distro: SimulatedDistro): SimulatedDistro {
  if (!distro.disk) return distro;
  return { ...distro, disk: { ...distro.disk, fileSizeBytes: distro.usedBytes + VHDX_OVERHEAD_BYTES } };
}

/** Adds page cache (files Linux read) at `now`, after taking what reclaim already gave back. */
export function growPageCache(state: SimulatedHostState, bytes: number, now: number, config: BootConfig): SimulatedHostState {
  const current = pageCacheAt(state.vm, config.autoMemoryReclaim, now);
  return { ...state, vm: { ...state.vm, pageCacheBytes: current + bytes, pageCacheAt: now } };
}

/** Picks the NAT range once: a /20 inside 172.16.0.0/12, the host side `.1`, the VM a free address in it. */
function pickNat(state: SimulatedHostState): SimulatedHostState {
  if (state.vm.nat) return state;
  const { values, state: next } = draw(state, 4);
  const [a = 0, b = 0, c = 0, d = 0] = values;
  const second = 16 + Math.floor(a * 16);
  const third = Math.floor(b * 16) * 16;
  const vmThird = third + Math.floor(c * 16);
  const vmFourth = 2 + Math.floor(d * 253);
  return {
    ...next,
    vm: { ...next.vm, nat: { subnet: `172.${second}.${third}.0/20`, hostIp: `172.${second}.${third}.1`, vmIp: `172.${second}.${vmThird}.${vmFourth}` } },
  };
}

/** Boots the VM at `now` with the given config when it is not up; a running VM is left as it is. */
export function ensureVmUp(state: SimulatedHostState, now: number, config: BootConfig): SimulatedHostState {
  if (vmStatus(state, now, config).up) return state;
  const booted: SimulatedHostState = {
    ...state,
    vm: { ...state.vm, bootedAt: now, lastWsl2StopAt: null, bootConfig: config, pageCacheBytes: 0, pageCacheAt: now },
  };
  return pickNat(booted);
}

/**
 * Starts a distro at `now`: a WSL2 one boots the VM if needed, writes to its disk and fills page cache;
 * a WSL1 one runs without any VM.
 */
export function startDistro(state: SimulatedHostState, name: string, now: number, config: BootConfig): SimulatedHostState {
  const distro = state.distros.find((d) => d.name === name);
  if (!distro || distro.state === 'Running') return state;
  if (distro.version === 1) return withDistro(state, name, (d) => ({ ...d, state: 'Running', startedAt: now }));
  const up = ensureVmUp(state, now, config);
  const started = withDistro(up, name, (d) => ({ ...writeBytes(d, START_WRITE_BYTES), state: 'Running', startedAt: now }));
  return growPageCache(started, Math.round(distro.memoryBytes * 1.5), now, up.vm.bootConfig ?? config);
}

/** Stops a running distro at `now`; the last WSL2 one to stop starts the VM's idle countdown. */
export function stopDistro(state: SimulatedHostState, name: string, now: number): SimulatedHostState {
  const distro = state.distros.find((d) => d.name === name);
  if (!distro || distro.state !== 'Running') return state;
  const stopped = withDistro(state, name, (d) => ({ ...freeBytes(d, d.version === 2 ? STOP_FREE_BYTES : 0), state: 'Stopped', startedAt: null }));
  if (distro.version === 1 || runningWsl2(stopped).length > 0) return stopped;
  return { ...stopped, vm: { ...stopped.vm, lastWsl2StopAt: now } };
}

/** `wsl --shutdown`: every running distro stops and the VM goes down at once. */
export function shutdownAll(state: SimulatedHostState, now: number): SimulatedHostState {
  let next = state;
  for (const distro of state.distros) if (distro.state === 'Running') next = stopDistro(next, distro.name, now);
  return { ...next, vm: { ...next.vm, bootedAt: null, lastWsl2StopAt: null, bootConfig: null, pageCacheBytes: 0, pageCacheAt: now } };
}
