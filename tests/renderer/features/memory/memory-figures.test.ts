import { describe, expect, it } from 'vitest';
import { figureChanges } from '../../../../renderer/src/features/memory/memory-figures';

const GIB = 1024 ** 3;
const before = { hostUsedBytes: 20 * GIB, vmAssignedBytes: 6 * GIB, vmUsedBytes: 3 * GIB, vmPageCacheBytes: 1.25 * GIB, containersBytes: 2 * GIB };

describe('figureChanges', () => {
  it('shows a reclaim as page cache, VM assigned and host used, before → after', () => {
    const after = { ...before, vmPageCacheBytes: 0, vmAssignedBytes: 4.75 * GIB, hostUsedBytes: 18.75 * GIB };
    expect(figureChanges({ action: 'reclaim', before, after }).map((change) => change.text)).toEqual([
      'VM page cache 1.25 GiB → 0 B',
      'VM assigned (vmmem) 6 GiB → 4.75 GiB',
      'Host RAM used 20 GiB → 18.8 GiB',
    ]);
  });

  it('shows a stop with the containers first, unchanged figures too', () => {
    const after = { ...before, containersBytes: GIB, vmUsedBytes: 2 * GIB };
    const changes = figureChanges({ action: 'stop-containers', before, after });
    expect(changes.map((change) => change.key)).toEqual(['containersBytes', 'vmUsedBytes', 'vmAssignedBytes', 'hostUsedBytes']);
    expect(changes[0]?.text).toBe('Containers 2 GiB → 1 GiB');
    expect(changes[2]?.text).toBe('VM assigned (vmmem) 6 GiB → 6 GiB');
  });
});
