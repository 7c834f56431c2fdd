import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../../electron/services/errors';
import type { BootConfig } from '../../../../electron/services/wsl/simulated/host-state';
import { startDistro } from '../../../../electron/services/wsl/simulated/host-transitions';
import { HOST_OTHER_PERIOD_MS, hostOtherBytes, memoryUsageOf, reclaimPageCache } from '../../../../electron/services/wsl/simulated/memory-model';
import { seedScenario } from '../../../../electron/services/wsl/simulated/scenarios';
import { vmInfo } from '../../../../electron/services/wsl/simulated/vm-model';

const GIB = 1024 ** 3;
const config: BootConfig = {
  memoryLimitBytes: 8 * GIB,
  processors: 4,
  swapBytes: 2 * GIB,
  kernel: null,
  kernelCommandLine: null,
  networkingMode: 'nat',
  localhostForwarding: true,
  dnsTunneling: true,
  dnsProxy: true,
  vmIdleTimeoutMs: 60_000,
  autoMemoryReclaim: 'disabled',
};
const T0 = 1_700_000_000_000;

describe('simulated memory model', () => {
  it('keeps what Windows and other programs use between 35 % and 45 % of host RAM, the same at the same moment', () => {
    const total = 32 * GIB;
    const seen = new Set<number>();
    for (let t = T0; t < T0 + HOST_OTHER_PERIOD_MS; t += 7_000) {
      const other = hostOtherBytes(total, t);
      expect(other).toBeGreaterThanOrEqual(Math.floor(total * 0.35));
      expect(other).toBeLessThanOrEqual(Math.ceil(total * 0.45));
      expect(hostOtherBytes(total, t)).toBe(other);
      seen.add(other);
    }
    expect(seen.size).toBeGreaterThan(10);
  });

  it('shows no distros and only other programs in use while the VM is stopped', () => {
    const state = seedScenario('ready');
    const usage = memoryUsageOf(state, T0, config);
    expect(usage.distros).toEqual([]);
    expect(usage.hostTotalBytes).toBe(state.host.totalMemoryBytes);
    expect(usage.hostTotalBytes - usage.hostAvailableBytes).toBe(hostOtherBytes(state.host.totalMemoryBytes, T0));
  });

  it('counts each running WSL2 distro at its memory and what the VM holds in the host\u2019s use', () => {
    const name = seedScenario('ready').distros.find((d) => d.version === 2)?.name as string;
    const state = startDistro(seedScenario('ready'), name, T0, config);
    const now = T0 + 5_000;
    const usage = memoryUsageOf(state, now, config);
    const distro = state.distros.find((d) => d.name === name);
    expect(usage.distros).toEqual([{ name, processBytes: distro?.memoryBytes }]);
    const held = vmInfo(state, now, config).memory.assignedBytes;
    expect(held).toBeGreaterThan(0);
    expect(usage.hostTotalBytes - usage.hostAvailableBytes).toBe(hostOtherBytes(usage.hostTotalBytes, now) + held);
  });

  it('drops the page cache to 0 when the VM runs, and refuses with CONFLICT when it does not', () => {
    const name = seedScenario('ready').distros.find((d) => d.version === 2)?.name as string;
    const running = startDistro(seedScenario('ready'), name, T0, config);
    expect(vmInfo(running, T0 + 1_000, config).memory.pageCacheBytes).toBeGreaterThan(0);
    const reclaimed = reclaimPageCache(running, T0 + 1_000, config);
    const after = vmInfo(reclaimed, T0 + 1_000, config).memory;
    expect(after.pageCacheBytes).toBe(0);
    expect(after.assignedBytes).toBe(after.usedBytes);
    const stopped = seedScenario('ready');
    expect(() => reclaimPageCache(stopped, T0, config)).toThrow(ServiceError);
    expect(() => reclaimPageCache(stopped, T0, config)).toThrow(/not running/);
  });
});
