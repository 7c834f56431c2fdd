import { describe, expect, it } from 'vitest';
import type { MemorySample } from '../../../../shared/model/memory';
import { OTHERS } from '../../../../electron/services/metrics/heaviest';
import { MINUTE_MS, aggregateMinute, completedMinutes, minuteOf } from '../../../../electron/services/metrics/minute-aggregate';

const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);

function sample(t: number, bytes: number, containers: Record<string, number> = {}): MemorySample {
  return { t, hostUsedBytes: bytes, vmAssignedBytes: bytes * 2, vmUsedBytes: bytes, vmPageCacheBytes: 0, distros: { Ubuntu: bytes }, containers };
}

describe('aggregateMinute', () => {
  it('is the mean of the minute at the minute start, a missing name counting as 0', () => {
    const point = aggregateMinute([sample(T0 + 1_000, 10, { web: 4 }), sample(T0 + 2_000, 20, { web: 8, db: 6 }), sample(T0 + 59_000, 31)]);
    expect(point).toEqual({
      t: T0,
      hostUsedBytes: 20,
      vmAssignedBytes: 41,
      vmUsedBytes: 20,
      vmPageCacheBytes: 0,
      distros: { Ubuntu: 20 },
      containers: { web: 4, db: 2 },
    });
  });

  it('bounds the names again when the minute saw more than 16 distinct containers', () => {
    const samples = Array.from({ length: 30 }, (_, index) => sample(T0 + index * 1000, 1, { [`c${index}`]: 60 }));
    const point = aggregateMinute(samples);
    expect(Object.keys(point.containers)).toHaveLength(17);
    expect(Object.values(point.containers).reduce((sum, bytes) => sum + bytes, 0)).toBe(60);
    expect(point.containers[OTHERS]).toBe(28);
  });

  it('refuses an empty minute', () => {
    expect(() => aggregateMinute([])).toThrow(RangeError);
  });
});

describe('completedMinutes', () => {
  const recent = [sample(T0 - 1000, 1), sample(T0, 2), sample(T0 + 30_000, 4), sample(T0 + MINUTE_MS, 8), sample(T0 + 2 * MINUTE_MS + 5, 16)];

  it('aggregates each complete minute after the last aggregated one and before the current one', () => {
    const points = completedMinutes(recent, minuteOf(T0 - 1000), minuteOf(T0 + 2 * MINUTE_MS + 5));
    expect(points.map((point) => [point.t, point.hostUsedBytes])).toEqual([
      [T0, 3],
      [T0 + MINUTE_MS, 8],
    ]);
  });

  it('starts from the oldest minute when nothing was aggregated and leaves the current minute alone', () => {
    expect(completedMinutes(recent, null, T0 + MINUTE_MS).map((point) => point.t)).toEqual([T0 - MINUTE_MS, T0]);
    expect(completedMinutes(recent, T0 + MINUTE_MS, T0 + 2 * MINUTE_MS)).toEqual([]);
  });
});
