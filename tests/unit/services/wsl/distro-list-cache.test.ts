import { describe, expect, it } from 'vitest';
import type { Distro, DistroDetail } from '../../../../shared/model/distro';
import { DISTRO_LIST_TTL_MS, DistroDetailCache, DistroListCache } from '../../../../electron/services/wsl/distro-list-cache';
import { ManualClock } from '../../../helpers/recording';

const UBUNTU: Distro = { name: 'Ubuntu', state: 'Stopped', version: 2, isDefault: true };

/** A list source the test answers by hand, counting reads. */
function source(): { load: () => Promise<Distro[]>; reads: () => number; answer: (distros: Distro[]) => void } {
  const pending: ((distros: Distro[]) => void)[] = [];
  let reads = 0;
  return {
    load: () => {
      reads += 1;
      return new Promise((resolve) => pending.push(resolve));
    },
    reads: () => reads,
    answer: (distros) => pending.shift()?.(distros),
  };
}

describe('DistroListCache', () => {
  it('answers from the list for its time to live, then reads again', async () => {
    const clock = new ManualClock();
    const src = source();
    const cache = new DistroListCache(src.load, clock);
    const first = cache.get();
    src.answer([UBUNTU]);
    expect(await first).toEqual([UBUNTU]);
    clock.advance(DISTRO_LIST_TTL_MS - 1);
    expect(await cache.get()).toEqual([UBUNTU]);
    expect(src.reads()).toBe(1);
    clock.advance(1);
    expect(cache.peek()).toBeNull();
    const again = cache.get();
    src.answer([]);
    expect(await again).toEqual([]);
    expect(src.reads()).toBe(2);
  });

  it('forgets the list on invalidate, and does not keep a list that was in flight across it', async () => {
    const clock = new ManualClock();
    const src = source();
    const cache = new DistroListCache(src.load, clock);
    cache.offer([UBUNTU]);
    expect(cache.peek()).toEqual([UBUNTU]);
    cache.invalidate();
    expect(cache.peek()).toBeNull();
    const inFlight = cache.refresh();
    cache.invalidate();
    src.answer([UBUNTU]);
    expect(await inFlight).toEqual([UBUNTU]);
    expect(cache.peek()).toBeNull();
  });

  it('peek never reads', () => {
    const src = source();
    const cache = new DistroListCache(src.load, new ManualClock());
    expect(cache.peek()).toBeNull();
    expect(src.reads()).toBe(0);
  });
});

describe('DistroDetailCache', () => {
  const detailOf = (row: Distro): DistroDetail => ({ ...row, id: null, basePath: null, disk: null, mounts: [], ip: null, osName: null, defaultUser: null, systemd: null });

  /** A detail loader that counts its reads. */
  function loader(): { load: (row: Distro) => () => Promise<DistroDetail>; reads: () => number } {
    let reads = 0;
    return {
      load: (row) => async () => {
        reads += 1;
        return detailOf(row);
      },
      reads: () => reads,
    };
  }

  it('reuses a detail for the same row within the time to live, and reads again after it', async () => {
    const clock = new ManualClock();
    const lists = new DistroListCache(async () => [UBUNTU], clock);
    const cache = new DistroDetailCache(lists, clock);
    const src = loader();
    expect(await cache.get(UBUNTU, src.load(UBUNTU))).toMatchObject({ name: 'Ubuntu', state: 'Stopped' });
    expect(await cache.get(UBUNTU, src.load(UBUNTU))).toMatchObject({ name: 'Ubuntu' });
    expect(src.reads()).toBe(1);
    clock.advance(DISTRO_LIST_TTL_MS);
    await cache.get(UBUNTU, src.load(UBUNTU));
    expect(src.reads()).toBe(2);
  });

  it('reads again when the row changed or one of our changes came since', async () => {
    const clock = new ManualClock();
    const lists = new DistroListCache(async () => [UBUNTU], clock);
    const cache = new DistroDetailCache(lists, clock);
    const src = loader();
    await cache.get(UBUNTU, src.load(UBUNTU));
    const running: Distro = { ...UBUNTU, state: 'Running' };
    expect(await cache.get(running, src.load(running))).toMatchObject({ state: 'Running' });
    expect(src.reads()).toBe(2);
    lists.invalidate();
    await cache.get(running, src.load(running));
    expect(src.reads()).toBe(3);
  });
});
