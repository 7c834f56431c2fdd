import { describe, expect, it } from 'vitest';
import { idleText, uptimeAt } from '../../../../renderer/src/features/vm/idle-countdown';
import { memorySegments } from '../../../../renderer/src/features/vm/memory-segments';

const GIB = 1024 ** 3;

describe('uptimeAt', () => {
  it('counts from the boot time, falls back to the host figure, and is null while stopped', () => {
    expect(uptimeAt({ state: 'Running', bootTime: 1_000_000, uptimeSeconds: 5 }, 1_090_500)).toBe(90);
    expect(uptimeAt({ state: 'Running', bootTime: null, uptimeSeconds: 5 }, 0)).toBe(5);
    expect(uptimeAt({ state: 'Stopped', bootTime: 1_000_000, uptimeSeconds: 5 }, 2_000_000)).toBeNull();
  });
});

describe('idleText', () => {
  it('counts down to the idle shutdown while no distro runs', () => {
    expect(idleText({ state: 'Running', idleTimeoutMs: 60_000, idleShutdownAt: 100_000 }, 58_000)).toBe('Shuts down in 42 s (no distro running)');
    expect(idleText({ state: 'Running', idleTimeoutMs: 60_000, idleShutdownAt: 100_000 }, 100_000)).toBe('Shutting down (idle)…');
  });

  it('states the configured timeout otherwise, and "never" for a negative one', () => {
    expect(idleText({ state: 'Running', idleTimeoutMs: 60_000, idleShutdownAt: null }, 0)).toBe('After 1 min with no distro running');
    expect(idleText({ state: 'Stopped', idleTimeoutMs: 15_000, idleShutdownAt: null }, 0)).toBe('After 15 s with no distro running');
    expect(idleText({ state: 'Running', idleTimeoutMs: -1, idleShutdownAt: null }, 0)).toBe('Never shuts down when idle');
  });
});

describe('memorySegments', () => {
  const base = { hostTotalBytes: 32 * GIB, swapBytes: 0, swapUsedBytes: 0, reclaimMode: 'gradual' as const };

  it('splits the limit into used, cache and assigned-but-free shares', () => {
    const segments = memorySegments({ ...base, limitBytes: 8 * GIB, assignedBytes: 4 * GIB, usedBytes: 2 * GIB, pageCacheBytes: GIB });
    expect(segments.map((s) => [s.id, s.bytes / GIB, s.share])).toEqual([
      ['used', 2, 0.25],
      ['cache', 1, 0.125],
      ['free', 1, 0.125],
    ]);
  });

  it('never lets the shares exceed the limit and survives a zero limit', () => {
    const over = memorySegments({ ...base, limitBytes: 4 * GIB, assignedBytes: 6 * GIB, usedBytes: 3 * GIB, pageCacheBytes: 3 * GIB });
    expect(over.reduce((sum, s) => sum + s.share, 0)).toBeCloseTo(1);
    const none = memorySegments({ ...base, limitBytes: 0, assignedBytes: 0, usedBytes: 0, pageCacheBytes: 0 });
    expect(none.every((s) => s.share === 0)).toBe(true);
  });
});
