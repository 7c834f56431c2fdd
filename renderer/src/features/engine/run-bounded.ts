/**
 * Runs `work` on every item with at most `limit` running at once, in the items' order, and resolves once all have
 * ended. `work` is expected not to throw (a thrown error ends only that item's run, never the others').
 */
export async function runBounded<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item).catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: Math.max(0, Math.min(limit, items.length)) }, lane));
}
