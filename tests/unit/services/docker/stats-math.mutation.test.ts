import { describe, expect, it } from 'vitest';
import { computeStats, hasPreviousSample, type DockerCpuStats, type DockerStatsJson } from '../../../../electron/services/docker/stats-math';

// Cases the mutation run (npm run mutation) found untested: which CPU count wins, partial samples, and the edges of
// every comparison in the docker CLI's formulas.

/** A Linux sample whose container used 1/8 of the system's CPU time since the previous sample. */
function linuxSample(now: Partial<DockerCpuStats>, previous: Partial<DockerCpuStats> = {}): DockerStatsJson {
  return {
    cpu_stats: { cpu_usage: { total_usage: 2_000_000_000 }, system_cpu_usage: 80_000_000_000, ...now },
    precpu_stats: { cpu_usage: { total_usage: 1_000_000_000 }, system_cpu_usage: 72_000_000_000, ...previous },
  };
}

const windowsBase: DockerStatsJson = {
  os_type: 'windows',
  num_procs: 4,
  read: '2026-11-26T10:15:02.500Z',
  preread: '2026-11-26T10:15:01.500Z',
  cpu_stats: { cpu_usage: { total_usage: 1_350_000_000 } },
  precpu_stats: { cpu_usage: { total_usage: 1_330_000_000 } },
};

describe('computeStats: which CPU count multiplies the share', () => {
  it('takes online_cpus over the number of per-CPU entries when both are sent and differ', () => {
    const raw = linuxSample({ online_cpus: 2, cpu_usage: { total_usage: 2_000_000_000, percpu_usage: [1, 2, 3, 4] } });
    expect(computeStats(raw, 'x', 16).cpuPercent).toBeCloseTo(12.5 * 2, 10);
  });

  it('counts the per-CPU entries when online_cpus is 0 or absent, before the host fallback', () => {
    const percpu = { total_usage: 2_000_000_000, percpu_usage: [1, 2, 3] };
    expect(computeStats(linuxSample({ online_cpus: 0, cpu_usage: percpu }), 'x', 16).cpuPercent).toBeCloseTo(12.5 * 3, 10);
    expect(computeStats(linuxSample({ cpu_usage: percpu }), 'x', 16).cpuPercent).toBeCloseTo(12.5 * 3, 10);
  });

  it('uses the current sample’s CPU count, not the previous sample’s', () => {
    const raw = linuxSample(
      { online_cpus: 2, cpu_usage: { total_usage: 2_000_000_000, percpu_usage: [1, 2] } },
      { online_cpus: 6, cpu_usage: { total_usage: 1_000_000_000, percpu_usage: [1, 2, 3, 4, 5, 6] } },
    );
    expect(computeStats(raw, 'x', 16).cpuPercent).toBeCloseTo(12.5 * 2, 10);
    const onlyPrevious = linuxSample(
      { cpu_usage: { total_usage: 2_000_000_000 } },
      { online_cpus: 6, cpu_usage: { total_usage: 1_000_000_000, percpu_usage: [1, 2, 3, 4, 5, 6] } },
    );
    expect(computeStats(onlyPrevious, 'x', 16).cpuPercent).toBeCloseTo(12.5 * 16, 10);
  });
});

describe('computeStats: deltas that are not both positive give 0 %', () => {
  it('gives 0 % when the container counter went down (a restarted container)', () => {
    const raw = linuxSample({ online_cpus: 4, cpu_usage: { total_usage: 500_000_000 } });
    expect(computeStats(raw, 'x').cpuPercent).toBe(0);
  });

  it('gives 0 % when the system counter did not move or went back, even if the container’s did', () => {
    expect(computeStats(linuxSample({ online_cpus: 4, system_cpu_usage: 72_000_000_000 }), 'x').cpuPercent).toBe(0);
    expect(computeStats(linuxSample({ online_cpus: 4, system_cpu_usage: 70_000_000_000 }), 'x').cpuPercent).toBe(0);
  });
});

describe('computeStats: partial and empty samples', () => {
  it('reads a sample with no fields at all as zeros with an empty id', () => {
    const stats = computeStats({}, 'empty', 4);
    expect(stats).toMatchObject({
      id: '',
      name: 'empty',
      cpuPercent: 0,
      memoryUsedBytes: 0,
      memoryLimitBytes: 0,
      memoryPercent: 0,
      netRxBytes: 0,
      netTxBytes: 0,
      blockReadBytes: 0,
      blockWriteBytes: 0,
      pids: 0,
    });
    expect(hasPreviousSample({})).toBe(false);
  });

  it('reads a Windows sample without memory, storage or CPU counters as zeros', () => {
    const bare: DockerStatsJson = { os_type: 'windows', num_procs: 2, read: windowsBase.read, preread: windowsBase.preread };
    expect(computeStats(bare, 'w')).toMatchObject({ cpuPercent: 0, memoryUsedBytes: 0, blockReadBytes: 0, blockWriteBytes: 0 });
    const emptyCounters: DockerStatsJson = { ...bare, cpu_stats: {}, precpu_stats: {}, memory_stats: {}, storage_stats: {} };
    expect(computeStats(emptyCounters, 'w')).toMatchObject({ cpuPercent: 0, memoryUsedBytes: 0, blockReadBytes: 0, blockWriteBytes: 0 });
  });

  it('skips block I/O entries without an op and counts the others', () => {
    const raw: DockerStatsJson = {
      blkio_stats: { io_service_bytes_recursive: [{ value: 999 }, { op: 'Read', value: 10 }, { op: 'write', value: 20 }, { op: 'Total' }] },
    };
    expect(computeStats(raw, 'x')).toMatchObject({ blockReadBytes: 10, blockWriteBytes: 20 });
  });

  it('keeps the whole usage when inactive_file equals it, as the CLI does', () => {
    const raw: DockerStatsJson = { memory_stats: { usage: 1000, limit: 2000, stats: { inactive_file: 1000 } } };
    expect(computeStats(raw, 'x')).toMatchObject({ memoryUsedBytes: 1000, memoryPercent: 50 });
  });
});

describe('computeStats and hasPreviousSample on Windows samples', () => {
  it('goes by os_type "linux" even when num_procs is set', () => {
    const raw: DockerStatsJson = {
      ...linuxSample({ online_cpus: 2 }),
      os_type: 'linux',
      num_procs: 4,
      memory_stats: { usage: 1000, limit: 4000, privateworkingset: 7 },
    };
    expect(computeStats(raw, 'x')).toMatchObject({ cpuPercent: 25, memoryUsedBytes: 1000, memoryLimitBytes: 4000 });
    expect(hasPreviousSample(raw)).toBe(true);
    expect(hasPreviousSample({ ...raw, precpu_stats: {} })).toBe(false);
  });

  it('gives 0 % when there is no previous read or no processor to share', () => {
    expect(computeStats(windowsBase, 'w').cpuPercent).toBeCloseTo(50, 6);
    expect(computeStats({ ...windowsBase, preread: undefined }, 'w').cpuPercent).toBe(0);
    expect(computeStats({ ...windowsBase, num_procs: 0 }, 'w').cpuPercent).toBe(0);
    expect(computeStats({ ...windowsBase, preread: windowsBase.read }, 'w').cpuPercent).toBe(0);
  });

  it('treats a time at or before the Unix epoch as no time', () => {
    expect(hasPreviousSample({ ...windowsBase, preread: '1970-01-01T00:00:00Z' })).toBe(false);
    expect(hasPreviousSample({ ...windowsBase, preread: '1970-01-01T00:00:00.001Z' })).toBe(true);
    const before = Date.now();
    const stamped = computeStats({ ...windowsBase, read: '1970-01-01T00:00:00Z' }, 'w');
    expect(stamped.timestamp).toBeGreaterThanOrEqual(before);
    expect(stamped.cpuPercent).toBe(0);
  });
});
