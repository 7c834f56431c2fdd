import type { VmInfo } from '../../../shared/model/vm';

/**
 * The VM as a backend reads it without the probe: state, running distros, idle shutdown and the
 * `.wslconfig` values kept; what only a probe of the running VM tells (boot time, uptime, memory in use,
 * its addresses and DNS) unknown, and `live: false` so a view keeps the last live figures it has.
 */
export function withoutLiveFigures(vm: VmInfo): VmInfo {
  return {
    ...vm,
    bootTime: null,
    uptimeSeconds: null,
    memory: { ...vm.memory, assignedBytes: 0, usedBytes: 0, pageCacheBytes: 0, swapUsedBytes: 0 },
    network: { ...vm.network, vmIp: null, prefixLength: null, hostIp: null, subnet: null, dns: [] },
    live: false,
  };
}
