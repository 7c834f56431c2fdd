import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeStats, hasPreviousSample, type DockerStatsJson } from '../../../../electron/services/docker/stats-math';

const fixtures = path.resolve(import.meta.dirname, '../../../fixtures/docker');

function fixture(name: string): DockerStatsJson {
  return JSON.parse(fs.readFileSync(path.join(fixtures, name), 'utf8')) as DockerStatsJson;
}

describe('computeStats (the docker CLI formulas)', () => {
  it('computes a real cgroup v1 sample of a busy container limited to half a CPU', () => {
    const stats = computeStats(fixture('stats-cgroup1-busy.json'), 'busy');
    // CPU: (2086370716 - 1577587903) / (32133930000000 - 32131910000000) * 2 online CPUs * 100
    expect(stats.cpuPercent).toBeCloseTo((508_782_813 / 2_020_000_000) * 2 * 100, 10);
    expect(stats.cpuPercent).toBeCloseTo(50.3745, 3);
    // Memory: usage 532480 minus total_inactive_file 0.
    expect(stats.memoryUsedBytes).toBe(532_480);
    expect(stats.memoryLimitBytes).toBe(25_276_502_016);
    expect(stats.memoryPercent).toBeCloseTo((532_480 / 25_276_502_016) * 100, 12);
    expect(stats).toMatchObject({
      id: '481fd48f7f8b2bcbaf244591929f1526b4922877447c424adb8ac085fb53b566',
      name: 'busy',
      netRxBytes: 736,
      netTxBytes: 0,
      blockReadBytes: 0,
      blockWriteBytes: 0,
      pids: 1,
      timestamp: Date.parse('2026-11-26T01:13:44.201559151Z'),
    });
  });

  it('on cgroup v1 subtracts total_inactive_file (not inactive_file), counts per-CPU entries, sums Read/Write only', () => {
    const stats = computeStats(fixture('stats-cgroup1-cache.json'), 'web');
    // No online_cpus: 4 per-CPU entries. (100215355 - 100093996) / (739306590000000 - 739306580000000) * 4 * 100
    expect(stats.cpuPercent).toBeCloseTo(4.85436, 8);
    // 104857600 - 41943040 = 62914560 = 60 MiB of a 256 MiB limit.
    expect(stats.memoryUsedBytes).toBe(62_914_560);
    expect(stats.memoryPercent).toBeCloseTo(23.4375, 10);
    // eth0 + eth5.
    expect(stats.netRxBytes).toBe(5338 + 4641);
    expect(stats.netTxBytes).toBe(648 + 690);
    // Read 4096000 + 1000; Write 8192000; Sync, Async, Discard and Total are not counted.
    expect(stats.blockReadBytes).toBe(4_097_000);
    expect(stats.blockWriteBytes).toBe(8_192_000);
    expect(stats.pids).toBe(3);
  });

  it('on cgroup v2 subtracts inactive_file and reads lower-case blkio ops', () => {
    const stats = computeStats(fixture('stats-cgroup2.json'), 'api');
    // (2.5e9 - 1.5e9) / (80000000000000 - 79992000000000) * 8 * 100
    expect(stats.cpuPercent).toBeCloseTo(100, 10);
    expect(stats.memoryUsedBytes).toBe(36_134_912 - 5_316_608);
    expect(stats.memoryPercent).toBeCloseTo((30_818_304 / 8_340_873_216) * 100, 12);
    expect(stats).toMatchObject({ netRxBytes: 1146, netTxBytes: 0, blockReadBytes: 7_593_984, blockWriteBytes: 1_040_384, pids: 12 });
  });

  it('falls back to the host CPU count when cgroup v2 reports neither online_cpus nor per-CPU usage', () => {
    const raw = fixture('stats-cgroup2-no-online-cpus.json');
    // 1e9 / 8e9 = 1/8 of the system; the CLI would say 0 % here.
    expect(computeStats(raw, 'worker', 4).cpuPercent).toBeCloseTo(50, 10);
    expect(computeStats(raw, 'worker').cpuPercent).toBeCloseTo(12.5 * os.availableParallelism(), 10);
  });

  it('falls through to inactive_file when total_inactive_file is not below usage, as the CLI does', () => {
    const raw: DockerStatsJson = { memory_stats: { usage: 1000, limit: 4000, stats: { total_inactive_file: 1000, inactive_file: 200 } } };
    expect(computeStats(raw, 'x').memoryUsedBytes).toBe(800);
    const none: DockerStatsJson = { memory_stats: { usage: 1000, limit: 0, stats: { inactive_file: 5000 } } };
    expect(computeStats(none, 'x')).toMatchObject({ memoryUsedBytes: 1000, memoryPercent: 0 });
  });

  it('reports 0 % CPU when the system or container delta is not positive', () => {
    const raw = fixture('stats-cgroup2.json');
    const same: DockerStatsJson = { ...raw, precpu_stats: raw.cpu_stats };
    expect(computeStats(same, 'api').cpuPercent).toBe(0);
  });

  it('tells the first streamed sample (no previous sample) apart', () => {
    const raw = fixture('stats-cgroup1-busy.json');
    expect(hasPreviousSample(raw)).toBe(true);
    expect(hasPreviousSample({ ...raw, precpu_stats: { cpu_usage: { total_usage: 0 }, throttling_data: {} } as DockerStatsJson['precpu_stats'] })).toBe(false);
  });

  it('computes a Windows sample as the CLI does: 100 ns intervals of every processor, private working set, storage I/O', () => {
    const raw = fixture('stats-windows.json');
    const stats = computeStats(raw, 'iis');
    // 20,000,000 intervals of 100 ns used, of 1 s × 4 processors = 40,000,000 possible.
    expect(stats.cpuPercent).toBeCloseTo(50, 6);
    expect(stats.memoryUsedBytes).toBe(104_857_600);
    expect(stats.memoryLimitBytes).toBe(0);
    expect(stats.memoryPercent).toBe(0);
    expect([stats.blockReadBytes, stats.blockWriteBytes]).toEqual([7_593_984, 2_621_440]);
    expect([stats.netRxBytes, stats.netTxBytes]).toEqual([5338, 648]);
    expect(stats.timestamp).toBe(Date.parse('2026-11-26T10:15:02.500Z'));
  });

  it('tells a first Windows sample by its year-1 preread, and takes os_type over num_procs when the API sends it', () => {
    const raw = fixture('stats-windows.json');
    expect(hasPreviousSample(raw)).toBe(true);
    expect(hasPreviousSample({ ...raw, preread: '0001-01-01T00:00:00Z' })).toBe(false);
    expect(computeStats({ ...raw, os_type: 'windows', num_procs: 4 }, 'iis').cpuPercent).toBeCloseTo(50, 6);
    const linux = fixture('stats-cgroup2.json');
    expect(computeStats({ ...linux, os_type: 'linux', num_procs: 0 }, 'api')).toEqual(computeStats(linux, 'api'));
  });
});
