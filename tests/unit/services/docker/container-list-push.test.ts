import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContainerSummary } from '../../../../shared/model/container';
import type { ContainerEngine } from '../../../../electron/services/docker/container-engine';
import { ContainerListPush } from '../../../../electron/services/docker/container-list-push';
import { silentLogger } from '../../../../electron/services/ports';
import { RecordingEventSink } from '../../../helpers/recording';

function row(id: string, state: ContainerSummary['state']): ContainerSummary {
  return { id, name: id, image: 'alpine', imageId: 'sha256:1', command: 'sh', state, status: state, created: 0, ports: [], composeProject: null, composeService: null, labels: {}, networks: [], mounts: [] };
}

/** An engine whose listContainers answers are released by the test, one at a time, in order. */
function heldEngine(): { engine: ContainerEngine; answer: (rows: ContainerSummary[]) => void; asked: () => number } {
  const waiting: ((rows: ContainerSummary[]) => void)[] = [];
  let asked = 0;
  const engine = {
    listContainers: () => {
      asked += 1;
      return new Promise<ContainerSummary[]>((resolve) => waiting.push(resolve));
    },
  } as unknown as ContainerEngine;
  return { engine, answer: (rows) => waiting.shift()?.(rows), asked: () => asked };
}

function pushOver(engine: ContainerEngine, current = { session: 1 }) {
  const sink = new RecordingEventSink();
  const push = new ContainerListPush({ source: { engine: () => engine, isCurrent: (session) => session === current.session }, events: sink, logger: silentLogger });
  const lists = (): ContainerSummary[][] => sink.events.filter((e) => e.channel === 'containers:changed').map((e) => e.payload as ContainerSummary[]);
  return { push, lists, current };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('ContainerListPush', () => {
  it('pushes the state an event implies at once, and drops a list that was asked for before that event', async () => {
    const held = heldEngine();
    const { push, lists } = pushOver(held.engine);
    const first = push.relist(1);
    held.answer([row('a', 'exited')]);
    await first;
    const stale = push.relist(1);
    push.onEvent({ type: 'container', action: 'start', id: 'a', time: 1 }, 1);
    push.cancel();
    held.answer([row('a', 'exited')]);
    await stale;
    expect(lists().map((list) => list.map((c) => c.state))).toEqual([['exited'], ['running']]);
  });

  it('pushes each container as a row, without the labels, networks and mounts the engine listed', async () => {
    const held = heldEngine();
    const { push, lists } = pushOver(held.engine);
    const relist = push.relist(1);
    held.answer([{ ...row('a', 'running'), labels: { team: 'web' }, networks: [{ name: 'bridge', ipAddress: null, gateway: null, macAddress: null }] }]);
    await relist;
    expect(lists()).toEqual([[{ id: 'a', name: 'a', image: 'alpine', imageId: 'sha256:1', command: 'sh', state: 'running', status: 'running', created: 0, ports: [], composeProject: null, composeService: null }]]);
  });

  it('drops the list of a session that ended while it was asked for', async () => {
    const held = heldEngine();
    const { push, lists, current } = pushOver(held.engine);
    const relist = push.relist(1);
    current.session = 2;
    held.answer([row('a', 'running')]);
    await relist;
    expect(lists()).toEqual([]);
  });

  it('answers a burst of events with one re-list, and quiet actions with none', async () => {
    vi.useFakeTimers();
    const held = heldEngine();
    const { push } = pushOver(held.engine);
    push.onEvent({ type: 'container', action: 'exec_start', id: 'a', time: 1 }, 1);
    await vi.runAllTimersAsync();
    expect(held.asked()).toBe(0);
    for (const action of ['create', 'start', 'die']) push.onEvent({ type: 'container', action, id: 'a', time: 1 }, 1);
    push.onEvent({ type: 'network', action: 'connect', id: 'n', time: 1 }, 1);
    await vi.runAllTimersAsync();
    expect(held.asked()).toBe(1);
    held.answer([]);
  });
});
