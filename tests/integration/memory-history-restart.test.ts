import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../electron/hosts/common/compose-services';
import type { InvokeDispatcher } from '../../electron/hosts/common/invoke-dispatcher';
import { eventContract } from '../../shared/ipc/contract';
import { MemoryHistory } from '../../shared/model/memory';
import { composeTestServices } from '../helpers/compose-test-services';
import { eventually } from '../helpers/docker-engine';
import { makeTempDir } from '../helpers/temp-dir';

// The memory history over the real composition (simulated WSL host and engine, the real memory report): sampled
// through the contract while a window watches, pushed only to that window, and the same after the host process's
// services are composed again on the same data directory.
let temp: ReturnType<typeof makeTempDir>;
let dataDir: string;
let open: Array<{ services: Services; stop: () => void }>;

function compose(): { services: Services; dispatch: InvokeDispatcher; pushes: Array<{ target: string | undefined; payload: unknown }> } {
  const { services, dispatch } = composeTestServices(dataDir, { LIGHTDOCK_ENGINE: 'simulated' });
  const pushes: Array<{ target: string | undefined; payload: unknown }> = [];
  const stop = services.events.subscribe((channel, payload, target) => {
    if (channel === 'memory:sampled') pushes.push({ target, payload });
  });
  open.push({ services, stop });
  return { services, dispatch, pushes };
}

async function history(dispatch: InvokeDispatcher, resolution: '1s' | '1m'): Promise<MemoryHistory> {
  const answer = await dispatch('memory:history', { resolution }, { id: 'window-1' });
  if (!answer.ok) throw new Error(`memory:history failed: ${JSON.stringify(answer)}`);
  return MemoryHistory.parse(answer.value);
}

beforeEach(() => {
  temp = makeTempDir();
  dataDir = path.join(temp.dir, 'data');
  open = [];
});
afterEach(() => {
  for (const { services, stop } of open) {
    stop();
    services.dispose();
  }
  temp.cleanup();
});

describe('memory history across a restart', () => {
  it('samples while a window watches, pushes valid samples to it only, and keeps the history after a restart', async () => {
    const first = compose();
    expect(await first.dispatch('distros:start', { name: 'Ubuntu-24.04' }, { id: 'window-1' })).toMatchObject({ ok: true });
    const watched = await first.dispatch('memory:watch', {}, { id: 'window-1' });
    expect(watched.ok).toBe(true);
    const { subscriptionId } = (watched as { ok: true; value: { subscriptionId: string } }).value;
    expect(subscriptionId).toMatch(/^[a-z]+-\d{1,12}$/);

    await eventually(() => expect(first.pushes.length).toBeGreaterThanOrEqual(3), 15_000);
    for (const push of first.pushes) {
      expect(push.target).toBe('window-1');
      const payload = eventContract['memory:sampled'].parse(push.payload);
      expect(payload.subscriptionId).toBe(subscriptionId);
      expect(payload.sample.vmAssignedBytes).toBeGreaterThan(0);
      expect(payload.sample.containers['shop-api-1']).toBeGreaterThan(0);
      expect(payload.sample.vmUsedBytes).toBeGreaterThanOrEqual(payload.sample.distros['Ubuntu-24.04'] ?? Number.POSITIVE_INFINITY);
    }

    const stranger = await first.dispatch('memory:unwatch', { subscriptionId }, { id: 'window-2' });
    expect(stranger).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await first.dispatch('memory:unwatch', { subscriptionId }, { id: 'window-1' })).toMatchObject({ ok: true });

    const before = await history(first.dispatch, '1s');
    expect(before.samples.length).toBeGreaterThanOrEqual(3);
    first.services.dispose();

    const second = compose();
    const after = await history(second.dispatch, '1s');
    expect(after).toEqual(before);

    const again = await second.dispatch('memory:watch', {}, { id: 'cli' });
    expect(again.ok).toBe(true);
    await eventually(() => expect(second.pushes.length).toBeGreaterThanOrEqual(1), 15_000);
    const grown = await history(second.dispatch, '1s');
    expect(grown.samples.slice(0, before.samples.length)).toEqual(before.samples);
    expect(grown.samples.length).toBeGreaterThan(before.samples.length);
  });

  it('stops sampling while the only watching window is hidden', async () => {
    const { dispatch, pushes } = compose();
    await dispatch('memory:watch', {}, { id: 'window-1' });
    await eventually(() => expect(pushes.length).toBeGreaterThanOrEqual(1), 15_000);
    await dispatch('app:visibility', { visible: false }, { id: 'window-1' });
    const stored = (await history(dispatch, '1s')).samples.length;
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect((await history(dispatch, '1s')).samples.length).toBeLessThanOrEqual(stored + 1);
    await dispatch('app:visibility', { visible: true }, { id: 'window-1' });
    const resumedFrom = pushes.length;
    await eventually(() => expect(pushes.length).toBeGreaterThan(resumedFrom), 15_000);
  });
});
