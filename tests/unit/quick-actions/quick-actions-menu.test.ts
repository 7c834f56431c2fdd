import { describe, expect, it } from 'vitest';
import { invokeContract } from '../../../shared/ipc/contract';
import type { ContainerSummary } from '../../../shared/model/container';
import type { Distro } from '../../../shared/model/distro';
import type { EngineStatus } from '../../../shared/model/engine';
import type { EngineLifecycle, EngineLifecycleState } from '../../../shared/model/engine-lifecycle';
import type { VmState } from '../../../shared/model/vm';
import {
  MAX_LISTED_CONTAINERS,
  buildQuickActionsMenu,
  isSeparator,
  type MenuEntry,
  type MenuItem,
  type QuickActionsState,
} from '../../../shared/quick-actions/quick-actions-menu';

const status: EngineStatus = {
  kind: 'simulated',
  state: 'connected',
  endpoint: 'simulated://lightdock',
  context: null,
  serverVersion: '27.3.1',
  apiVersion: '1.47',
  os: 'linux',
  message: null,
  since: 0,
};
const lifecycle = (state: EngineLifecycleState, manageable = true): EngineLifecycle => ({
  state,
  manageable,
  reason: manageable ? null : 'Lightdock did not start the Docker engine at unix:///run/docker.sock, so it cannot start or stop it; use the tool that runs it.',
  message: null,
  since: 0,
});
const distro = (name: string, state: Distro['state'], isDefault = false): Distro => ({ name, state, version: 2, isDefault }) as Distro;
function container(index: number, project: string | null = null, ports: ContainerSummary['ports'] = []): ContainerSummary {
  return {
    id: index.toString(16).padStart(64, 'a'),
    name: `c${String(index).padStart(3, '0')}`,
    image: 'busybox',
    imageId: 'sha256:1',
    command: 'sh',
    state: 'running',
    status: 'Up',
    created: index,
    ports,
    composeProject: project,
    composeService: project === null ? null : 'web',
    labels: {},
    networks: [],
    mounts: [],
  };
}
function state(overrides: Partial<QuickActionsState> = {}): QuickActionsState {
  return {
    engine: status,
    lifecycle: lifecycle('running'),
    vm: { state: 'Running', runningDistros: 1 },
    distros: [distro('Ubuntu-24.04', 'Running', true), distro('Debian', 'Stopped')],
    containers: [],
    ...overrides,
  };
}

const items = (entries: readonly MenuEntry[]): MenuItem[] => entries.filter((e): e is MenuItem => !isSeparator(e));
function find(entries: readonly MenuEntry[], id: string): MenuItem {
  for (const entry of items(entries)) {
    if (entry.id === id) return entry;
    if (entry.submenu) {
      try {
        return find(entry.submenu, id);
      } catch {
        // not in this branch
      }
    }
  }
  throw new Error(`no item ${id}`);
}
function walk(entries: readonly MenuEntry[], visit: (item: MenuItem) => void): void {
  for (const entry of items(entries)) {
    visit(entry);
    if (entry.submenu) walk(entry.submenu, visit);
  }
}

/** Every item: a label that names an action or a thing, a reason when disabled, and a request the contract accepts. */
function expectWellFormed(entries: readonly MenuEntry[]): void {
  const ids = new Set<string>();
  walk(entries, (entry) => {
    expect(ids.has(entry.id), `duplicate id ${entry.id}`).toBe(false);
    ids.add(entry.id);
    expect(entry.label.length).toBeGreaterThan(2);
    if (!entry.enabled) expect(entry.disabledReason, `${entry.label} says why it is disabled`).toMatch(/\.$/);
    if (entry.action !== undefined && 'channel' in entry.action) {
      expect(invokeContract[entry.action.channel].request.safeParse(entry.action.request).success, entry.label).toBe(true);
      expect(entry.label).toMatch(/^(Start|Stop|Restart|Terminate|Make|Shut down|Reclaim)\b/);
    }
    if (entry.action !== undefined && 'openUrl' in entry.action) expect(entry.label).toBe(`Open ${entry.action.openUrl} in the browser`);
  });
}

describe('buildQuickActionsMenu: engine states', () => {
  const cases: [EngineLifecycleState, string, boolean, string][] = [
    ['running', 'engine:stop', true, 'running'],
    ['stopped', 'engine:start', true, 'stopped'],
    ['starting', 'engine:start', false, 'starting'],
    ['stopping', 'engine:stop', false, 'starting'],
    ['error', 'engine:start', true, 'error'],
  ];
  it.each(cases)('engine %s → %s (enabled %s), icon %s', (engineState, id, enabled, icon) => {
    const menu = buildQuickActionsMenu(state({ lifecycle: lifecycle(engineState) }));
    const engineItem = find(menu.items, id);
    expect(engineItem.enabled).toBe(enabled);
    expect(engineItem.label).toBe(id === 'engine:stop' ? 'Stop the Docker engine' : 'Start the Docker engine');
    expect(menu.icon).toBe(icon);
    expect(menu.tooltip).toBe(`Lightdock: Docker engine ${engineState} (simulated), WSL VM running`);
    expectWellFormed(menu.items);
  });

  it('an engine Lightdock cannot manage: start, stop and "quit and stop" are disabled with the reason', () => {
    const menu = buildQuickActionsMenu(state({ lifecycle: lifecycle('running', false), engine: { ...status, kind: 'docker' } }));
    const reason = lifecycle('running', false).reason;
    expect(find(menu.items, 'engine:stop')).toMatchObject({ enabled: false, disabledReason: reason });
    expect(find(menu.items, 'app:quit-and-stop-engine')).toMatchObject({ enabled: false, disabledReason: reason });
    expect(menu.tooltip).toBe('Lightdock: Docker engine running, WSL VM running');
  });

  it('without a lifecycle yet, the connection status stands in; with nothing, items wait and the icon shows starting', () => {
    expect(buildQuickActionsMenu(state({ lifecycle: null, engine: { ...status, state: 'unreachable' } })).icon).toBe('stopped');
    const empty = buildQuickActionsMenu({ engine: null, lifecycle: null, vm: null, distros: null, containers: null });
    expect(empty.icon).toBe('starting');
    expect(empty.tooltip).toBe('Lightdock: Docker engine: checking, WSL VM: checking');
    expect(find(empty.items, 'engine:start')).toMatchObject({ enabled: false, disabledReason: 'The engine status has not arrived yet.' });
    expect(find(empty.items, 'distros:loading').enabled).toBe(false);
    expect(find(empty.items, 'wsl:shutdown').enabled).toBe(false);
    expectWellFormed(empty.items);
  });

  it('a stopped engine has no containers to show and says why', () => {
    const menu = buildQuickActionsMenu(state({ lifecycle: lifecycle('stopped'), containers: [container(1)] }));
    expect(find(menu.items, 'containers').submenu).toEqual([
      { id: 'containers:unavailable', label: 'No containers to show', enabled: false, disabledReason: 'The Docker engine is stopped.' },
    ]);
  });
});

describe('buildQuickActionsMenu: VM and distros', () => {
  it.each<[VmState, boolean]>([
    ['Running', true],
    ['Starting', true],
    ['Stopping', true],
    ['Stopped', false],
  ])('VM %s: "Shut down WSL" enabled %s', (vmState, enabled) => {
    const menu = buildQuickActionsMenu(state({ vm: { state: vmState, runningDistros: 0 } }));
    const shutdown = find(menu.items, 'wsl:shutdown');
    expect(shutdown.enabled).toBe(enabled);
    expect(shutdown.action).toEqual({ channel: 'wsl:shutdown', request: {} });
    expect(menu.tooltip).toContain(`WSL VM ${vmState.toLowerCase()}`);
  });

  it.each<[VmState, boolean]>([
    ['Running', true],
    ['Starting', false],
    ['Stopped', false],
  ])('VM %s: "Reclaim VM memory" enabled %s, and it calls memory:reclaim', (vmState, enabled) => {
    const reclaim = find(buildQuickActionsMenu(state({ vm: { state: vmState, runningDistros: 1 } })).items, 'memory:reclaim');
    expect(reclaim.enabled).toBe(enabled);
    expect(reclaim.action).toEqual({ channel: 'memory:reclaim', request: {} });
    if (!enabled) expect(reclaim.disabledReason).toBe(`The WSL VM is ${vmState.toLowerCase()}, so it holds no page cache to give back.`);
  });

  it('each distro offers start, terminate, set default and show, enabled by its state', () => {
    const menu = buildQuickActionsMenu(state({ distros: [distro('Ubuntu-24.04', 'Running', true), distro('Debian', 'Stopped'), distro('Alpine', 'Exporting')] }));
    expect(find(menu.items, 'distro:Ubuntu-24.04').label).toBe('Ubuntu-24.04 (Running, default)');
    expect(find(menu.items, 'distro:Debian:start')).toMatchObject({ enabled: true, label: 'Start Debian', action: { channel: 'distros:start', request: { name: 'Debian' } } });
    expect(find(menu.items, 'distro:Debian:terminate')).toMatchObject({ enabled: false, disabledReason: 'Debian is not running.' });
    expect(find(menu.items, 'distro:Ubuntu-24.04:start')).toMatchObject({ enabled: false, disabledReason: 'Ubuntu-24.04 is already running.' });
    expect(find(menu.items, 'distro:Ubuntu-24.04:set-default')).toMatchObject({ enabled: false, disabledReason: 'Ubuntu-24.04 is already the default distro.' });
    expect(find(menu.items, 'distro:Debian:set-default')).toMatchObject({ enabled: true, label: 'Make Debian the default distro' });
    expect(find(menu.items, 'distro:Alpine:start')).toMatchObject({ enabled: false, disabledReason: 'Alpine is exporting; wait until it finishes.' });
    expect(find(menu.items, 'distro:Alpine:show').action).toEqual({ navigate: '#/distro/Alpine' });
    expectWellFormed(menu.items);
  });

  it('no distros: says so and offers to install one', () => {
    const menu = buildQuickActionsMenu(state({ distros: [] }));
    expect(items(find(menu.items, 'distros').submenu ?? []).map((i) => [i.label, i.enabled])).toEqual([
      ['No distros installed', false],
      ['Install a distro…', true],
    ]);
  });
});

describe('buildQuickActionsMenu: containers', () => {
  it('0 running containers: a disabled line and "Show all containers…"', () => {
    const menu = buildQuickActionsMenu(state({ containers: [{ ...container(1), state: 'exited' }] }));
    expect(items(find(menu.items, 'containers').submenu ?? []).map((i) => i.label)).toEqual(['No running containers', 'Show all containers…']);
  });

  it('1 running container: stop, restart, open each published TCP port, show logs', () => {
    const ports: ContainerSummary['ports'] = [
      { privatePort: 80, publicPort: 8080, ip: '127.0.0.1', type: 'tcp' },
      { privatePort: 80, publicPort: 8080, ip: '::', type: 'tcp' },
      { privatePort: 53, publicPort: 5353, ip: '127.0.0.1', type: 'udp' },
      { privatePort: 9000, publicPort: null, ip: null, type: 'tcp' },
    ];
    const only = container(1, null, ports);
    const menu = buildQuickActionsMenu(state({ containers: [only] }));
    const row = find(menu.items, `container:${only.id}`);
    expect(row.label).toBe('c001');
    expect(items(row.submenu ?? []).map((i) => i.label)).toEqual(['Stop c001', 'Restart c001', 'Open http://127.0.0.1:8080/ in the browser', 'Show the logs of c001']);
    expect(find(menu.items, `container:${only.id}:stop`).action).toEqual({ channel: 'containers:act', request: { ids: [only.id], action: 'stop' } });
    expect(find(menu.items, `container:${only.id}:open:8080`).action).toEqual({ openUrl: 'http://127.0.0.1:8080/' });
    expectWellFormed(menu.items);
  });

  it('15 running containers: all listed, grouped by Compose project, projects first with a stop-all item', () => {
    const containers = Array.from({ length: MAX_LISTED_CONTAINERS }, (_, i) => container(i, i < 5 ? 'shop' : i < 8 ? 'blog' : null));
    const menu = buildQuickActionsMenu(state({ containers }));
    const top = items(find(menu.items, 'containers').submenu ?? []);
    expect(top.map((i) => i.label)).toEqual([
      'Compose project blog (3 running)',
      'Compose project shop (5 running)',
      ...containers.slice(8).map((c) => c.name),
      'Show all containers…',
    ]);
    const shop = find(menu.items, 'project:shop:stop');
    expect(shop.label).toBe('Stop every container of shop');
    expect(shop.action).toEqual({ channel: 'containers:act', request: { ids: containers.slice(0, 5).map((c) => c.id), action: 'stop' } });
    let listed = 0;
    walk(menu.items, (entry) => {
      if (entry.id.startsWith('container:') && entry.submenu) listed += 1;
    });
    expect(listed).toBe(15);
    expectWellFormed(menu.items);
  });

  it('200 running containers collapse into "Show all containers…"', () => {
    const containers = Array.from({ length: 200 }, (_, i) => container(i, i % 2 === 0 ? 'big' : null));
    const menu = buildQuickActionsMenu(state({ containers }));
    expect(find(menu.items, 'containers').submenu).toEqual([
      { id: 'containers:all', label: 'Show all containers… (200 running)', enabled: true, action: { navigate: '#/containers' } },
    ]);
  });
});

describe('buildQuickActionsMenu: surfaces', () => {
  it('the tray has Open, Check setup, Settings, Quit and Quit-and-stop; the app bar leaves out Open and Quit', () => {
    const tray = items(buildQuickActionsMenu(state(), 'tray').items).map((i) => i.label);
    expect(tray).toEqual([
      'Open Lightdock',
      'Distros',
      'Containers',
      'Stop the Docker engine',
      'Shut down WSL (stops every distro and the VM)',
      'Reclaim VM memory (give the page cache back to Windows)',
      'Check setup…',
      'Settings…',
      'Quit Lightdock',
      'Quit Lightdock and stop the Docker engine',
    ]);
    expect(items(buildQuickActionsMenu(state(), 'app-bar').items).map((i) => i.label)).toEqual(tray.slice(1, 8));
    expect(find(buildQuickActionsMenu(state()).items, 'app:setup').action).toEqual({ navigate: '#/setup' });
  });

  it('is pure: the same state gives the same menu', () => {
    const input = state({ containers: [container(1, 'p')] });
    expect(buildQuickActionsMenu(input)).toEqual(buildQuickActionsMenu(structuredClone(input)));
  });
});
