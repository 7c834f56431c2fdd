import type { MemorySample } from '../../../shared/model/memory';
import { keepHeaviest } from './heaviest';
import { MAX_NAMED_IN_SAMPLE } from './sample-of-report';

/** One minute in milliseconds: the resolution of the long history. */
export const MINUTE_MS = 60_000;

/** The start of the wall-clock minute that holds `t`. */
export function minuteOf(t: number): number {
  return Math.floor(t / MINUTE_MS) * MINUTE_MS;
}

function meanByName(samples: readonly MemorySample[], pick: (sample: MemorySample) => Record<string, number>): Map<string, number> {
  const totals = new Map<string, number>();
  for (const sample of samples) {
    for (const [name, bytes] of Object.entries(pick(sample))) totals.set(name, (totals.get(name) ?? 0) + bytes);
  }
  return new Map([...totals].map(([name, total]) => [name, Math.round(total / samples.length)]));
}

/**
 * The 1 min point of one minute's 1 s samples (non-empty, all in that minute): `t` is the minute's start and every
 * figure is the mean over the samples, rounded to a byte; a distro or container missing from a sample counts as 0
 * there (so the named figures still add up), and the names are bounded again to the 16 heaviest plus `(others)`.
 */
export function aggregateMinute(samples: readonly MemorySample[]): MemorySample {
  const first = samples[0];
  if (!first) throw new RangeError('A minute point needs at least one sample.');
  const mean = (pick: (sample: MemorySample) => number): number => Math.round(samples.reduce((sum, sample) => sum + pick(sample), 0) / samples.length);
  return {
    t: minuteOf(first.t),
    hostUsedBytes: mean((sample) => sample.hostUsedBytes),
    vmAssignedBytes: mean((sample) => sample.vmAssignedBytes),
    vmUsedBytes: mean((sample) => sample.vmUsedBytes),
    vmPageCacheBytes: mean((sample) => sample.vmPageCacheBytes),
    distros: keepHeaviest(meanByName(samples, (sample) => sample.distros), MAX_NAMED_IN_SAMPLE),
    containers: keepHeaviest(meanByName(samples, (sample) => sample.containers), MAX_NAMED_IN_SAMPLE),
  };
}

/**
 * The 1 min points still owed: every complete minute among `recent` (1 s samples, oldest first) that is after
 * `after` (the newest minute already aggregated, or null) and before `current` (the minute still being sampled).
 */
export function completedMinutes(recent: readonly MemorySample[], after: number | null, current: number): MemorySample[] {
  const groups = new Map<number, MemorySample[]>();
  for (const sample of recent) {
    const minute = minuteOf(sample.t);
    if (minute >= current || (after !== null && minute <= after)) continue;
    const group = groups.get(minute);
    if (group) group.push(sample);
    else groups.set(minute, [sample]);
  }
  return [...groups.keys()].sort((a, b) => a - b).map((minute) => aggregateMinute(groups.get(minute) ?? []));
}
