import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../../electron/hosts/common/compose-services';
import type { InvokeDispatcher } from '../../../../electron/hosts/common/invoke-dispatcher';
import { openSimulatedPower } from '../../../../electron/services/docker/engine-lifecycle';
import { EventHub } from '../../../../electron/services/event-hub';
import { silentLogger, systemClock } from '../../../../electron/services/ports';
import { NotificationService } from '../../../../electron/services/notifications/notification-service';
import { INSPECT_QUEUE_LIMIT, attachNotificationSources, setupStepDone } from '../../../../electron/services/notifications/notification-sources';
import type { ContainerDetail, ContainerSummary } from '../../../../shared/model/container';
import type { EngineStatus } from '../../../../shared/model/engine';
import { GeneralSettings } from '../../../../shared/model/general-settings';
import type { VmInfo } from '../../../../shared/model/vm';
import { composeTestServices } from '../../../helpers/compose-test-services';
import { eventually } from '../../../helpers/docker-engine';
import { ManualClock, RecordingLogger } from '../../../helpers/recording';
import { makeTempDir } from '../../../helpers/temp-dir';
import { vmInfo } from '../../../helpers/vm-info';

const NOW_S = 1_800_000_000;

function summary(id: string, state: ContainerSummary['state'], created = NOW_S - 3_600): ContainerSummary {
  return {
    id,
    name: `name-${id}`,
    image: 'busybox',
    imageId: 'sha256:1',
    command: 'sh',
    state,
    status: state,
    created,
    ports: [],
    composeProject: null,
    composeService: null,
    labels: {},
    networks: [],
    mounts: [],
  };
}

function detail(id: string, exitCode: number | null, oomKilled = false): ContainerDetail {
  return {
    ...summary(id, 'exited'),
    pid: null,
    tty: false,
    startedAt: null,
    finishedAt: '2026-12-01T22:00:00Z',
    exitCode,
    restartCount: 0,
    namespaces: {} as ContainerDetail['namespaces'],
    cgroup: {} as ContainerDetail['cgroup'],
    inspect: { State: { OOMKilled: oomKilled } },
  };
}

function status(state: EngineStatus['state'], since = 1): EngineStatus {
  return { kind: 'docker', state, endpoint: 'unix:///var/run/docker.sock', context: null, serverVersion: null, apiVersion: null, os: null, message: state === 'connected' ? null : 'Lost the connection to Docker.', since };
}

/** A hub, the service and the sources over an inspect whose answers the test sets (and can hold). */
function rig(): {
  hub: EventHub;
  service: NotificationService;
  exits: Map<string, ContainerDetail>;
  inspected: string[];
  logger: RecordingLogger;
  release: () => void;
  hold: () => void;
  detach: () => void;
} {
  const hub = new EventHub();
  const logger = new RecordingLogger();
  const service = new NotificationService({ events: hub, clock: new ManualClock(), logger, toggles: () => GeneralSettings.parse({}).notifications });
  const exits = new Map<string, ContainerDetail>();
  const inspected: string[] = [];
  let gate: Promise<void> | null = null;
  let open = (): void => undefined;
  const detach = attachNotificationSources({
    subscribe: (listener) => hub.subscribe(listener),
    notifications: service,
    logger,
    nowSeconds: () => NOW_S,
    inspect: async (id) => {
      inspected.push(id);
      if (gate !== null) await gate;
      const found = exits.get(id);
      if (found === undefined) throw new Error('No such container');
      return found;
    },
  });
  return {
    hub,
    service,
    exits,
    inspected,
    logger,
    detach,
    hold: () => {
      gate = new Promise((resolve) => (open = resolve));
    },
    release: () => {
      gate = null;
      open();
    },
  };
}

const titles = (service: NotificationService): string[] => service.list().items.map((item) => item.title);

describe('container exits', () => {
  it('notifies once for a running container that exits non-zero, however many pushes say so', async () => {
    const { hub, service, exits, inspected, detach } = rig();
    hub.emit('containers:changed', [summary('a', 'running'), summary('b', 'exited')]);
    exits.set('a', detail('a', 2));
    hub.emit('containers:changed', [summary('a', 'exited'), summary('b', 'exited')]);
    hub.emit('containers:changed', [summary('a', 'exited'), summary('b', 'exited')]);
    await eventually(() => expect(titles(service)).toEqual(['name-a exited with code 2']));
    expect(inspected).toEqual(['a']);
    detach();
  });

  it('does not notify for the first list, an exit with 0, or an old exited container seen for the first time', async () => {
    const { hub, service, exits, inspected, detach } = rig();
    hub.emit('containers:changed', [summary('a', 'running'), summary('z', 'running')]);
    exits.set('a', detail('a', 0));
    exits.set('z', detail('z', 1));
    hub.emit('containers:changed', [summary('a', 'exited'), summary('z', 'running'), summary('old', 'exited', NOW_S - 86_400)]);
    await eventually(() => expect(inspected).toEqual(['a']));
    hub.emit('containers:changed', [summary('a', 'exited'), summary('z', 'exited'), summary('old', 'exited', NOW_S - 86_400)]);
    await eventually(() => expect(titles(service)).toEqual(['name-z exited with code 1']));
    expect(inspected).toEqual(['a', 'z']);
    detach();
  });

  it('says out of memory for an OOM-killed container, and notifies a container created and ended since the first list', async () => {
    const { hub, service, exits, detach } = rig();
    hub.emit('containers:changed', []);
    exits.set('new', detail('new', 137, true));
    hub.emit('containers:changed', [summary('new', 'exited', NOW_S)]);
    await eventually(() => expect(titles(service)).toEqual(['name-new was killed: out of memory']));
    detach();
  });

  it('takes a new engine list as a new baseline, not as a wave of exits', () => {
    const { hub, service, inspected, detach } = rig();
    hub.emit('engine:status-changed', status('connected'));
    hub.emit('containers:changed', [summary('a', 'running')]);
    hub.emit('engine:status-changed', { ...status('connected'), kind: 'simulated', endpoint: 'simulated://' });
    hub.emit('containers:changed', [summary('a', 'exited')]);
    expect(inspected).toEqual([]);
    expect(service.list().items).toEqual([]);
    detach();
  });

  it(`queues at most ${INSPECT_QUEUE_LIMIT} exits while inspections run, and logs the rest`, async () => {
    const { hub, inspected, logger, hold, release, service, exits, detach } = rig();
    const ids = Array.from({ length: INSPECT_QUEUE_LIMIT + 20 }, (_, n) => `c${n}`);
    hub.emit('containers:changed', ids.map((id) => summary(id, 'running')));
    for (const id of ids) exits.set(id, detail(id, 1));
    hold();
    hub.emit('containers:changed', ids.map((id) => summary(id, 'exited')));
    expect(inspected.length).toBeLessThanOrEqual(4);
    expect(logger.lines.filter((line) => line.message.startsWith('Too many containers ended at once'))).toHaveLength(20);
    release();
    await eventually(() => expect(service.list().items).toHaveLength(INSPECT_QUEUE_LIMIT));
    detach();
  });
});

describe('engine stopped unexpectedly', () => {
  it('notifies once when a connected engine is lost, through reconnecting and unreachable', () => {
    const { hub, service, detach } = rig();
    hub.emit('engine:status-changed', status('connected', 10));
    hub.emit('engine:status-changed', status('reconnecting'));
    hub.emit('engine:status-changed', status('unreachable'));
    expect(titles(service)).toEqual(['The Docker engine stopped unexpectedly']);
    hub.emit('engine:status-changed', status('connected', 20));
    hub.emit('engine:status-changed', status('reconnecting'));
    expect(service.list().items).toHaveLength(2);
    detach();
  });

  it('stays quiet when Lightdock itself stops the engine', () => {
    const { hub, service, detach } = rig();
    hub.emit('engine:status-changed', status('connected'));
    hub.emit('engine:lifecycle-changed', { state: 'stopping', manageable: true, reason: null, message: null, since: 2 });
    hub.emit('engine:status-changed', status('unreachable'));
    expect(service.list().items).toEqual([]);
    detach();
  });
});

describe('VM near its memory limit', () => {
  const vm = (usedRatio: number, bootTime = 1): VmInfo => {
    const base = vmInfo('Running', 1);
    return { ...base, state: 'Running', bootTime, memory: { ...base.memory, limitBytes: 1_000_000, usedBytes: Math.round(usedRatio * 1_000_000) } };
  };

  it('notifies at 90 % once per climb, again only after falling below 80 %', () => {
    const { hub, service, detach } = rig();
    hub.emit('vm:changed', vm(0.89));
    expect(service.list().items).toEqual([]);
    hub.emit('vm:changed', vm(0.9));
    hub.emit('vm:changed', vm(0.95));
    hub.emit('vm:changed', vm(0.85));
    hub.emit('vm:changed', vm(0.92));
    expect(titles(service)).toEqual(['The WSL VM is near its memory limit (90 %)']);
    hub.emit('vm:changed', vm(0.5));
    hub.emit('vm:changed', vm(0.97));
    expect(titles(service)).toEqual(['The WSL VM is near its memory limit (97 %)', 'The WSL VM is near its memory limit (90 %)']);
    detach();
  });

  it('takes a push without live figures (nobody watches the VM) as telling nothing: no re-arm, no alert', () => {
    const { hub, service, detach } = rig();
    hub.emit('vm:changed', vm(0.95));
    hub.emit('vm:changed', { ...vm(0), live: false });
    hub.emit('vm:changed', vm(0.96));
    expect(titles(service)).toEqual(['The WSL VM is near its memory limit (95 %)']);
    detach();
  });

  it('ignores a stopped VM', () => {
    const { hub, service, detach } = rig();
    hub.emit('vm:changed', { ...vm(0.99), state: 'Stopped' });
    expect(service.list().items).toEqual([]);
    detach();
  });
});

describe('setup steps', () => {
  it('notifies each completion of a step once', () => {
    const { service, detach } = rig();
    service.notify(setupStepDone({ id: 'install-wsl', title: 'Install WSL', completedAt: 1 }));
    service.notify(setupStepDone({ id: 'install-wsl', title: 'Install WSL', completedAt: 1 }));
    service.notify(setupStepDone({ id: 'install-wsl', title: 'Install WSL', completedAt: 2 }));
    expect(titles(service)).toEqual(['Setup: Install WSL done', 'Setup: Install WSL done']);
    detach();
  });

  it('notifies a setup fix that succeeded, once, and nothing for a running or failed one or another kind of operation', () => {
    const { hub, service, detach } = rig();
    const fix = { id: 'setup-1', kind: 'setup' as const, target: 'the Windows features', progress: 0, message: 'Setting up the Windows features' };
    hub.emit('operations:progressed', { ...fix, state: 'running' });
    hub.emit('operations:progressed', { ...fix, state: 'failed', message: 'declined', error: { code: 'CONFLICT', message: 'declined' } });
    hub.emit('operations:progressed', { ...fix, id: 'install-1', kind: 'install', state: 'succeeded', progress: 1, message: 'Done.' });
    expect(service.list().items).toEqual([]);
    hub.emit('operations:progressed', { ...fix, state: 'succeeded', progress: 1, message: 'Done.' });
    hub.emit('operations:progressed', { ...fix, state: 'succeeded', progress: 1, message: 'Done.' });
    expect(titles(service)).toEqual(['Setup: the Windows features done']);
    detach();
  });
});

describe('with the simulated engine, through the composed services', () => {
  let temp: ReturnType<typeof makeTempDir> | null = null;
  let services: Services | null = null;
  afterEach(() => {
    services?.dispose();
    temp?.cleanup();
    services = null;
    temp = null;
  });

  const act = async (dispatch: InvokeDispatcher, ids: string[], action: 'kill' | 'start'): Promise<void> => {
    const result = await dispatch('containers:act', { ids, action }, { id: 'test' });
    expect(result.ok).toBe(true);
  };

  it('stopping the engine from Lightdock notifies nothing; the engine lost by itself does', async () => {
    temp = makeTempDir();
    const composed = composeTestServices(temp.dir, { LIGHTDOCK_ENGINE: 'simulated' });
    services = composed.services;
    const seen: string[] = [];
    services.events.subscribe((channel, payload) => {
      if (channel === 'engine:status-changed') seen.push((payload as EngineStatus).state);
    });
    services.watch();
    await eventually(() => expect(seen).toContain('connected'));
    const stopped = await composed.dispatch('engine:stop', {}, { id: 'test' });
    expect(stopped.ok).toBe(true);
    await eventually(() => expect(seen.at(-1)).toBe('unreachable'));
    expect(services.notifications.list().items).toEqual([]);
    // The engine comes back, then its power goes off behind Lightdock's back (another process, a crash).
    expect((await composed.dispatch('engine:start', {}, { id: 'test' })).ok).toBe(true);
    await eventually(() => expect(seen.at(-1)).toBe('connected'));
    const power = openSimulatedPower(temp.dir, systemClock, silentLogger);
    power.write({ running: false });
    await eventually(() => expect(services?.notifications.list().items.map((item) => item.kind)).toEqual(['engine-stopped']), 15_000);
  });

  it('a killed container produces exactly one notification, with its exit code', async () => {
    temp = makeTempDir();
    const composed = composeTestServices(temp.dir, { LIGHTDOCK_ENGINE: 'simulated' });
    services = composed.services;
    const { dispatch } = composed;
    const listed = await services.engine.list();
    const firstList = new Promise<void>((resolve) => {
      const stop = services!.events.subscribe((channel) => {
        if (channel !== 'containers:changed') return;
        stop();
        resolve();
      });
    });
    services.watch();
    await firstList;
    const [first, second] = listed.filter((container) => container.state === 'running');
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    await act(dispatch, [first!.id], 'kill');
    await eventually(() => expect(services?.notifications.list().items.map((item) => item.title)).toEqual([`${first!.name} exited with code 137`]));
    // A second exit is the positive signal that every push about the first one was handled.
    await act(dispatch, [second!.id], 'kill');
    await eventually(() => expect(services?.notifications.list().items).toHaveLength(2));
    expect(services.notifications.list().items.map((item) => item.title)).toEqual([`${second!.name} exited with code 137`, `${first!.name} exited with code 137`]);
  });
});
