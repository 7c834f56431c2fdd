import { describe, expect, it } from 'vitest';
import { loadInOrder, pageLoadsSettled, trackPageLoad } from '../../../renderer/src/pages/page-loads';

/** A load the test finishes by hand. */
function manualLoad(): { promise: Promise<void>; finish: () => void; fail: () => void } {
  let finish = (): void => undefined;
  let fail = (): void => undefined;
  const promise = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = () => reject(new Error('chunk failed'));
  });
  return { promise, finish, fail };
}

describe('loadInOrder', () => {
  it('starts each load only after the previous one settled, and goes on past a failed one', async () => {
    const first = manualLoad();
    const second = manualLoad();
    const started: string[] = [];
    const done = loadInOrder(
      [
        () => (started.push('first'), first.promise),
        () => (started.push('second'), second.promise),
      ],
      new AbortController().signal,
    );
    expect(started).toEqual(['first']);
    first.fail();
    await Promise.resolve();
    await Promise.resolve();
    expect(started).toEqual(['first', 'second']);
    second.finish();
    await expect(done).resolves.toBeUndefined();
  });

  it('starts no load once aborted: the one in flight is the last', async () => {
    const first = manualLoad();
    const started: string[] = [];
    const controller = new AbortController();
    const done = loadInOrder(
      [
        () => (started.push('first'), first.promise),
        () => (started.push('second'), Promise.resolve()),
      ],
      controller.signal,
    );
    controller.abort();
    first.finish();
    await done;
    expect(started).toEqual(['first']);
  });
});

describe('pageLoadsSettled', () => {
  it('waits for every tracked load, failed ones included, and for loads they start', async () => {
    const outer = manualLoad();
    const inner = manualLoad();
    let innerTracked = false;
    void trackPageLoad(outer.promise).then(() => {
      innerTracked = true;
      void trackPageLoad(inner.promise).catch(() => undefined);
    });
    let settled = false;
    const waiting = pageLoadsSettled().then(() => {
      settled = true;
    });
    outer.finish();
    await outer.promise;
    await Promise.resolve();
    expect(innerTracked).toBe(true);
    expect(settled).toBe(false);
    inner.fail();
    await waiting;
    expect(settled).toBe(true);
  });
});
