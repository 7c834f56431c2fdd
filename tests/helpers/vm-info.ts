import type { VmInfo } from '../../shared/model/vm';

/** A complete, valid VmInfo with the given state; for tests that only care about the push, not the figures. */
export function vmInfo(state: VmInfo['state'], runningDistros: number): VmInfo {
  const GiB = 1024 ** 3;
  return {
    state,
    runningDistros,
    bootTime: null,
    uptimeSeconds: null,
    kernel: { version: '6.6.87.2-microsoft-standard-WSL2', customKernelPath: null, commandLine: null },
    memory: {
      hostTotalBytes: 32 * GiB,
      limitBytes: 16 * GiB,
      assignedBytes: 0,
      usedBytes: 0,
      pageCacheBytes: 0,
      swapBytes: 4 * GiB,
      swapUsedBytes: 0,
      reclaimMode: 'dropCache',
    },
    processors: 16,
    idleTimeoutMs: 60_000,
    idleShutdownAt: null,
    network: { mode: 'nat', vmIp: null, prefixLength: null, hostIp: null, subnet: null, dns: [], localhostForwarding: true },
    live: true,
  };
}
