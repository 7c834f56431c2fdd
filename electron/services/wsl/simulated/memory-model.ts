import { ServiceError } from '../../errors';
import type { WslMemoryUsage } from '../wsl-backend';
import type { BootConfig, SimulatedHostState } from './host-state';
import { runningWsl2, vmInfo, vmStatus } from './vm-model';

/** Share of host RAM that Windows and other programs use, around which the model wobbles (35–45 %). */
export const HOST_OTHER_BASE_RATIO = 0.4;
/** How far the share wobbles either way. */
export const HOST_OTHER_WOBBLE_RATIO = 0.05;
/** One slow wobble of the other programs' use. */
export const HOST_OTHER_PERIOD_MS = 10 * 60_000;

/** RAM Windows and every program but the VM use at `now`: 35–45 % of the host, a slow sine in the clock. */
export function hostOtherBytes(totalBytes: number, now: number): number {
  const ratio = HOST_OTHER_BASE_RATIO + HOST_OTHER_WOBBLE_RATIO * Math.sin((2 * Math.PI * now) / HOST_OTHER_PERIOD_MS);
  return Math.floor(totalBytes * ratio);
}

/**
 * The modelled host RAM in use at `now` (other programs plus what the VM holds, never above the total) and each
 * running WSL2 distro's processes (its `memoryBytes`); a stopped VM has no distros.
 */
export function memoryUsageOf(state: SimulatedHostState, now: number, current: BootConfig): WslMemoryUsage {
  const total = state.host.totalMemoryBytes;
  const vm = vmInfo(state, now, current);
  const used = Math.min(total, hostOtherBytes(total, now) + vm.memory.assignedBytes);
  const up = vmStatus(state, now, current).up;
  return {
    hostTotalBytes: total,
    hostAvailableBytes: total - used,
    distros: up ? runningWsl2(state).map((d) => ({ name: d.name, processBytes: d.memoryBytes })) : [],
    distroEstimate: "Modelled by the simulated host: each running distro's processes use the memory it is set to use.",
  };
}

/** The state with the VM's page cache dropped (counted from `now`); CONFLICT when the VM is not running. */
export function reclaimPageCache(state: SimulatedHostState, now: number, current: BootConfig): SimulatedHostState {
  if (!vmStatus(state, now, current).up) {
    throw new ServiceError('CONFLICT', 'The WSL VM is not running, so it holds no page cache to give back.');
  }
  return { ...state, vm: { ...state.vm, pageCacheBytes: 0, pageCacheAt: now } };
}
