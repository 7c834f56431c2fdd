import type { MemoryHistory, MemorySample } from '../../../../shared/model/memory';

/**
 * The history with `sample` added when it falls in a later interval than the newest one (so 1 s pushes fill the
 * 1 min history once a minute), oldest first and never more than `capacity` samples.
 */
export function appendSample(history: MemoryHistory, sample: MemorySample): MemoryHistory {
  const last = history.samples[history.samples.length - 1];
  if (last !== undefined && Math.floor(sample.t / history.intervalMs) <= Math.floor(last.t / history.intervalMs)) return history;
  return { ...history, samples: [...history.samples, sample].slice(-history.capacity) };
}

/** One line of a history chart: its name and a figure per sample (null where the sample lacks it). */
export interface HistorySeries {
  id: string;
  label: string;
  data: (number | null)[];
}

/** One chart of the history: a level of the breakdown and its lines. */
export interface HistoryChart {
  id: 'host' | 'vm' | 'distros' | 'containers';
  title: string;
  series: HistorySeries[];
}

/** The names in the samples' records, those with the largest newest figure first, at most `max`. */
function topNames(samples: readonly MemorySample[], pick: (sample: MemorySample) => Record<string, number>, max: number): string[] {
  const newest = new Map<string, number>();
  for (const sample of samples) for (const [name, bytes] of Object.entries(pick(sample))) newest.set(name, bytes);
  return [...newest]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([name]) => name);
}

function named(samples: readonly MemorySample[], pick: (sample: MemorySample) => Record<string, number>, max: number, prefix: string): HistorySeries[] {
  return topNames(samples, pick, max).map((name) => ({ id: `${prefix}:${name}`, label: name, data: samples.map((sample) => pick(sample)[name] ?? null) }));
}

/**
 * A chart per level from the samples: host RAM used; the VM's assigned, used and page cache; each distro; each
 * container (the `maxSeries` heaviest by their newest figure).
 */
export function historyCharts(samples: readonly MemorySample[], maxSeries = 6): HistoryChart[] {
  return [
    { id: 'host', title: 'Host', series: [{ id: 'host-used', label: 'Host RAM used', data: samples.map((sample) => sample.hostUsedBytes) }] },
    {
      id: 'vm',
      title: 'WSL 2 VM',
      series: [
        { id: 'vm-assigned', label: 'Assigned', data: samples.map((sample) => sample.vmAssignedBytes) },
        { id: 'vm-used', label: 'Used', data: samples.map((sample) => sample.vmUsedBytes) },
        { id: 'vm-page-cache', label: 'Page cache', data: samples.map((sample) => sample.vmPageCacheBytes) },
      ],
    },
    { id: 'distros', title: 'Distros', series: named(samples, (sample) => sample.distros, maxSeries, 'distro') },
    { id: 'containers', title: 'Containers', series: named(samples, (sample) => sample.containers, maxSeries, 'container') },
  ];
}

/** A series' newest figure (the last non-null one), or null when it has none. */
export function latestValue(series: HistorySeries): number | null {
  for (let index = series.data.length - 1; index >= 0; index -= 1) {
    const value = series.data[index];
    if (value !== null && value !== undefined) return value;
  }
  return null;
}
