import { describe, expect, it } from 'vitest';
import { runBounded } from '../../../../renderer/src/features/engine/run-bounded';

describe('runBounded', () => {
  it('starts the items in order, never more than the limit at once, and ends after all of them, a failing one included', async () => {
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const gates = new Map<number, () => void>();
    const done = runBounded([1, 2, 3, 4, 5, 6], 2, async (item) => {
      started.push(item);
      running += 1;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => gates.set(item, resolve));
      running -= 1;
      if (item === 2) throw new Error('refused');
    });
    for (let item = 1; item <= 6; item += 1) {
      await Promise.resolve();
      await new Promise((resolve) => setImmediate(resolve));
      expect(started.length).toBeLessThanOrEqual(item + 1);
      gates.get(item)?.();
    }
    await done;
    expect(started).toEqual([1, 2, 3, 4, 5, 6]);
    expect(most).toBe(2);
  });

  it('does nothing for no items', async () => {
    let calls = 0;
    await runBounded([], 4, async () => {
      calls += 1;
    });
    expect(calls).toBe(0);
  });
});
