import type { MemoryActionResult, MemoryFigures } from '../../../../shared/model/memory';
import { formatBytes } from '../../components/format-bytes';

/** One figure an action changed, as the page shows it: "VM page cache 1.25 GiB → 0 B". */
export interface FigureChange {
  key: keyof MemoryFigures;
  label: string;
  before: number;
  after: number;
  text: string;
}

const LABELS: Record<keyof MemoryFigures, string> = {
  hostUsedBytes: 'Host RAM used',
  vmAssignedBytes: 'VM assigned (vmmem)',
  vmUsedBytes: 'VM used',
  vmPageCacheBytes: 'VM page cache',
  containersBytes: 'Containers',
};

/** The figures each action is about, the one it acts on first. */
const FIGURES_OF: Record<MemoryActionResult['action'], (keyof MemoryFigures)[]> = {
  reclaim: ['vmPageCacheBytes', 'vmAssignedBytes', 'hostUsedBytes'],
  'stop-containers': ['containersBytes', 'vmUsedBytes', 'vmAssignedBytes', 'hostUsedBytes'],
};

/** The before → after lines of an action's result, for the figures that action is about (unchanged ones included). */
export function figureChanges(result: Pick<MemoryActionResult, 'action' | 'before' | 'after'>): FigureChange[] {
  return FIGURES_OF[result.action].map((key) => {
    const before = result.before[key];
    const after = result.after[key];
    return { key, label: LABELS[key], before, after, text: `${LABELS[key]} ${formatBytes(before)} → ${formatBytes(after)}` };
  });
}
