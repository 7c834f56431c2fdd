import { afterEach, describe, expect, it, vi } from 'vitest';
import { invoke, whenInvokesSettled } from '../../../renderer/src/ipc/ipc-client';
import { FakeLightdock } from '../fake-lightdock';

afterEach(() => {
  vi.useRealTimers();
  delete window.lightdock;
});

describe('whenInvokesSettled', () => {
  it('runs at once when no invoke waits for its answer', () => {
    window.lightdock = new FakeLightdock();
    const work = vi.fn();
    whenInvokesSettled(work, 5_000);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('waits until every invoke in flight has its answer (a failure counts), then runs once', async () => {
    const host = new FakeLightdock();
    window.lightdock = host;
    host.failWith('compose:cli', { code: 'UNAVAILABLE', message: 'No Compose here.' });
    const releaseList = host.hold('containers:list');
    const releaseCli = host.hold('compose:cli');
    const list = invoke('containers:list', {});
    const cli = invoke('compose:cli', {}).catch(() => 'failed');
    const work = vi.fn();
    whenInvokesSettled(work, 5_000);
    releaseList();
    await list;
    expect(work).not.toHaveBeenCalled();
    releaseCli();
    expect(await cli).toBe('failed');
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs after the limit when an answer takes longer, and a cancelled wait never runs', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const host = new FakeLightdock();
    window.lightdock = host;
    const release = host.hold('containers:list');
    const list = invoke('containers:list', {});
    const late = vi.fn();
    const cancelled = vi.fn();
    whenInvokesSettled(late, 5_000);
    const cancel = whenInvokesSettled(cancelled, 5_000);
    cancel();
    vi.advanceTimersByTime(4_999);
    expect(late).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(late).toHaveBeenCalledTimes(1);
    release();
    await list;
    expect(late).toHaveBeenCalledTimes(1);
    expect(cancelled).not.toHaveBeenCalled();
  });
});
