import { describe, expect, it } from 'vitest';
import type { MemoryHistory, MemorySample } from '../../../../shared/model/memory';
import { appendSample, historyCharts, latestValue } from '../../../../renderer/src/features/memory/memory-history';

function sample(t: number, containers: Record<string, number> = {}): MemorySample {
  return { t, hostUsedBytes: 10, vmAssignedBytes: 8, vmUsedBytes: 4, vmPageCacheBytes: 2, distros: { Ubuntu: 3 }, containers };
}

function history(resolution: '1s' | '1m', samples: MemorySample[], capacity = 3): MemoryHistory {
  return { resolution, intervalMs: resolution === '1s' ? 1000 : 60_000, capacity, samples };
}

describe('appendSample', () => {
  it('adds a sample of a later interval and keeps at most capacity samples', () => {
    let current = history('1s', [sample(1000), sample(2000), sample(3000)]);
    current = appendSample(current, sample(4000));
    expect(current.samples.map((s) => s.t)).toEqual([2000, 3000, 4000]);
  });

  it('skips a sample in the same interval as the newest (1 s pushes fill the 1 min history once a minute)', () => {
    const start = history('1m', [sample(60_000)]);
    expect(appendSample(start, sample(90_000))).toBe(start);
    expect(appendSample(start, sample(120_500)).samples.map((s) => s.t)).toEqual([60_000, 120_500]);
  });

  it('starts an empty history', () => {
    expect(appendSample(history('1s', []), sample(5)).samples).toHaveLength(1);
  });
});

describe('historyCharts', () => {
  it('makes a chart per level with the heaviest containers, missing figures as null', () => {
    const charts = historyCharts([sample(1, { a: 5, b: 9 }), sample(2, { a: 6, c: 1 })], 2);
    expect(charts.map((chart) => chart.id)).toEqual(['host', 'vm', 'distros', 'containers']);
    expect(charts[1]?.series.map((series) => series.label)).toEqual(['Assigned', 'Used', 'Page cache']);
    const containers = charts[3]?.series ?? [];
    expect(containers.map((series) => series.label)).toEqual(['b', 'a']);
    expect(containers[0]?.data).toEqual([9, null]);
    expect(containers[0] === undefined ? null : latestValue(containers[0])).toBe(9);
  });

  it('has no newest value for a line without figures', () => {
    expect(latestValue({ id: 'x', label: 'x', data: [null, null] })).toBeNull();
  });
});
