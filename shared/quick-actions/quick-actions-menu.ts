import type { InvokeChannel, InvokeRequest } from '../ipc/contract';
import type { ContainerRow } from '../model/container';
import type { Distro } from '../model/distro';
import type { EngineStatus } from '../model/engine';
import type { EngineLifecycle, EngineLifecycleState } from '../model/engine-lifecycle';
import type { VmSummary } from '../model/vm';

/** Running containers listed one by one; past this many the Containers submenu collapses into "Show all containers…". */
export const MAX_LISTED_CONTAINERS = 15;

/** A request to one contract channel, sent exactly as the renderer would send it. */
export type InvokeAction = { [C in InvokeChannel]: { channel: C; request: InvokeRequest<C> } }[InvokeChannel];

/** What an item does: call a channel, move the window to a route, open a local URL, or an app-level step (tray only). */
export type MenuAction = InvokeAction | { navigate: string } | { openUrl: string } | { app: 'open' | 'quit' | 'quit-and-stop-engine' };

/** One item: its label says what it does; a disabled item says why in `disabledReason`. */
export interface MenuItem {
  id: string;
  label: string;
  enabled: boolean;
  disabledReason?: string;
  action?: MenuAction;
  submenu?: MenuEntry[];
}

/** A line between groups of items. */
export interface MenuSeparator {
  id: string;
  separator: true;
}

/** An item or a separator. */
export type MenuEntry = MenuItem | MenuSeparator;

/** The icon's state at a glance: the engine's, with stopping shown as a transition like starting. */
export type TrayIconState = 'running' | 'stopped' | 'starting' | 'error';

/** The whole quick-actions menu, plus the tray's icon state and tooltip, all from one state. */
export interface MenuModel {
  items: MenuEntry[];
  icon: TrayIconState;
  tooltip: string;
}

/** What the menu is built from; null where that part is not known yet. */
export interface QuickActionsState {
  engine: EngineStatus | null;
  lifecycle: EngineLifecycle | null;
  vm: VmSummary | null;
  distros: readonly Distro[] | null;
  containers: readonly ContainerRow[] | null;
}

/** Where the menu is shown: the tray also gets Open and Quit; the app bar of a window does not need them. */
export type MenuSurface = 'tray' | 'app-bar';

/** True for a separator entry. */
export function isSeparator(entry: MenuEntry): entry is MenuSeparator {
  return 'separator' in entry;
}

const separator = (id: string): MenuSeparator => ({ id, separator: true });

function item(id: string, label: string, action: MenuAction | undefined, disabledReason: string | null): MenuItem {
  const entry: MenuItem = { id, label, enabled: disabledReason === null };
  if (action !== undefined) entry.action = action;
  if (disabledReason !== null) entry.disabledReason = disabledReason;
  return entry;
}

function submenu(id: string, label: string, entries: MenuEntry[]): MenuItem {
  return { id, label, enabled: true, submenu: entries };
}

/** The lifecycle as shown: the one reported, else what the connection status implies. */
function lifecycleState(state: QuickActionsState): EngineLifecycleState | null {
  if (state.lifecycle !== null) return state.lifecycle.state;
  if (state.engine === null) return null;
  if (state.engine.state === 'connected') return 'running';
  return state.engine.state === 'reconnecting' ? 'error' : 'stopped';
}

function distroEntries(distros: readonly Distro[] | null): MenuEntry[] {
  if (distros === null) return [item('distros:loading', 'Loading distros…', undefined, 'The distro list has not arrived yet.')];
  if (distros.length === 0) {
    return [
      item('distros:none', 'No distros installed', undefined, 'WSL has no distros yet.'),
      item('distros:install', 'Install a distro…', { navigate: '#/distros' }, null),
    ];
  }
  return distros.map((distro) => {
    const name = distro.name;
    const busy = distro.state !== 'Running' && distro.state !== 'Stopped' ? `${name} is ${distro.state.toLowerCase()}; wait until it finishes.` : null;
    const words = `${distro.state}${distro.isDefault ? ', default' : ''}`;
    return submenu(`distro:${name}`, `${name} (${words})`, [
      item(`distro:${name}:start`, `Start ${name}`, { channel: 'distros:start', request: { name } }, busy ?? (distro.state === 'Running' ? `${name} is already running.` : null)),
      item(`distro:${name}:terminate`, `Terminate ${name}`, { channel: 'distros:terminate', request: { name } }, busy ?? (distro.state === 'Stopped' ? `${name} is not running.` : null)),
      item(
        `distro:${name}:set-default`,
        `Make ${name} the default distro`,
        { channel: 'distros:set-default', request: { name } },
        distro.isDefault ? `${name} is already the default distro.` : null,
      ),
      item(`distro:${name}:show`, `Show ${name} in Lightdock`, { navigate: `#/distro/${encodeURIComponent(name)}` }, null),
    ]);
  });
}

function containerEntries(container: ContainerRow): MenuEntry[] {
  const { id, name } = container;
  const entries: MenuEntry[] = [
    item(`container:${id}:stop`, `Stop ${name}`, { channel: 'containers:act', request: { ids: [id], action: 'stop' } }, null),
    item(`container:${id}:restart`, `Restart ${name}`, { channel: 'containers:act', request: { ids: [id], action: 'restart' } }, null),
  ];
  const ports = new Set<number>();
  for (const port of container.ports) {
    if (port.type === 'tcp' && port.publicPort !== null && port.publicPort > 0) ports.add(port.publicPort);
  }
  for (const port of [...ports].sort((a, b) => a - b)) {
    const url = `http://127.0.0.1:${port}/`;
    entries.push(item(`container:${id}:open:${port}`, `Open ${url} in the browser`, { openUrl: url }, null));
  }
  entries.push(item(`container:${id}:logs`, `Show the logs of ${name}`, { navigate: `#/container/${encodeURIComponent(id)}` }, null));
  return entries;
}

const SHOW_ALL: MenuAction = { navigate: '#/containers' };

function containersSection(state: QuickActionsState, engineState: EngineLifecycleState | null): MenuEntry[] {
  if (engineState !== 'running') {
    const why = engineState === null ? 'The engine status has not arrived yet.' : `The Docker engine is ${engineState}.`;
    return [item('containers:unavailable', 'No containers to show', undefined, why)];
  }
  if (state.containers === null) return [item('containers:loading', 'Loading containers…', undefined, 'The container list has not arrived yet.')];
  const running = state.containers.filter((container) => container.state === 'running');
  if (running.length === 0) {
    return [
      item('containers:none', 'No running containers', undefined, 'No container is running.'),
      item('containers:all', 'Show all containers…', SHOW_ALL, null),
    ];
  }
  if (running.length > MAX_LISTED_CONTAINERS) return [item('containers:all', `Show all containers… (${running.length} running)`, SHOW_ALL, null)];
  const byProject = new Map<string, ContainerRow[]>();
  const loose: ContainerRow[] = [];
  for (const container of running) {
    if (container.composeProject === null) loose.push(container);
    else byProject.set(container.composeProject, [...(byProject.get(container.composeProject) ?? []), container]);
  }
  const byName = (a: ContainerRow, b: ContainerRow): number => a.name.localeCompare(b.name);
  const entries: MenuEntry[] = [];
  for (const project of [...byProject.keys()].sort((a, b) => a.localeCompare(b))) {
    const members = (byProject.get(project) ?? []).sort(byName);
    entries.push(
      submenu(`project:${project}`, `Compose project ${project} (${members.length} running)`, [
        item(`project:${project}:stop`, `Stop every container of ${project}`, { channel: 'containers:act', request: { ids: members.map((c) => c.id), action: 'stop' } }, null),
        separator(`project:${project}:sep`),
        ...members.map((container) => submenu(`container:${container.id}`, container.name, containerEntries(container))),
      ]),
    );
  }
  for (const container of loose.sort(byName)) entries.push(submenu(`container:${container.id}`, container.name, containerEntries(container)));
  entries.push(separator('containers:sep'), item('containers:all', 'Show all containers…', SHOW_ALL, null));
  return entries;
}

function engineItem(state: QuickActionsState, engineState: EngineLifecycleState | null): MenuItem {
  const notManaged = state.lifecycle !== null && !state.lifecycle.manageable ? (state.lifecycle.reason ?? 'Lightdock cannot manage this engine.') : null;
  switch (engineState) {
    case 'running':
      return item('engine:stop', 'Stop the Docker engine', { channel: 'engine:stop', request: {} }, notManaged);
    case 'starting':
      return item('engine:start', 'Start the Docker engine', { channel: 'engine:start', request: {} }, 'The Docker engine is starting.');
    case 'stopping':
      return item('engine:stop', 'Stop the Docker engine', { channel: 'engine:stop', request: {} }, 'The Docker engine is stopping.');
    case null:
      return item('engine:start', 'Start the Docker engine', { channel: 'engine:start', request: {} }, 'The engine status has not arrived yet.');
    default:
      return item('engine:start', 'Start the Docker engine', { channel: 'engine:start', request: {} }, notManaged);
  }
}

function shutdownItem(vm: VmSummary | null): MenuItem {
  const reason = vm === null ? 'The VM state has not arrived yet.' : vm.state === 'Stopped' ? 'WSL is not running: the VM is stopped.' : null;
  return item('wsl:shutdown', 'Shut down WSL (stops every distro and the VM)', { channel: 'wsl:shutdown', request: {} }, reason);
}

function reclaimItem(vm: VmSummary | null): MenuItem {
  const reason = vm === null ? 'The VM state has not arrived yet.' : vm.state !== 'Running' ? `The WSL VM is ${vm.state.toLowerCase()}, so it holds no page cache to give back.` : null;
  return item('memory:reclaim', 'Reclaim VM memory (give the page cache back to Windows)', { channel: 'memory:reclaim', request: {} }, reason);
}

function quitAndStopItem(state: QuickActionsState, engineState: EngineLifecycleState | null): MenuItem {
  let reason: string | null = null;
  if (state.lifecycle !== null && !state.lifecycle.manageable) reason = state.lifecycle.reason ?? 'Lightdock cannot manage this engine.';
  else if (engineState !== 'running') reason = engineState === null ? 'The engine status has not arrived yet.' : `The Docker engine is ${engineState}.`;
  return item('app:quit-and-stop-engine', 'Quit Lightdock and stop the Docker engine', { app: 'quit-and-stop-engine' }, reason);
}

const ICONS: Record<EngineLifecycleState, TrayIconState> = { running: 'running', stopped: 'stopped', starting: 'starting', stopping: 'starting', error: 'error' };

function tooltipOf(state: QuickActionsState, engineState: EngineLifecycleState | null): string {
  const kind = state.engine?.kind === 'simulated' ? ' (simulated)' : '';
  const engine = engineState === null ? 'Docker engine: checking' : `Docker engine ${engineState}${kind}`;
  const vm = state.vm === null ? 'WSL VM: checking' : `WSL VM ${state.vm.state.toLowerCase()}`;
  return `Lightdock: ${engine}, ${vm}`;
}

/**
 * The quick-actions menu as data, from the app's state alone (no I/O, no clock): the tray and the app bar's
 * "Quick actions" button both render it. Every label says what the item does; a disabled item says why.
 */
export function buildQuickActionsMenu(state: QuickActionsState, surface: MenuSurface = 'tray'): MenuModel {
  const engineState = lifecycleState(state);
  const items: MenuEntry[] = [];
  if (surface === 'tray') items.push(item('app:open', 'Open Lightdock', { app: 'open' }, null), separator('sep:open'));
  items.push(
    submenu('distros', 'Distros', distroEntries(state.distros)),
    submenu('containers', 'Containers', containersSection(state, engineState)),
    separator('sep:engine'),
    engineItem(state, engineState),
    shutdownItem(state.vm),
    reclaimItem(state.vm),
    separator('sep:app'),
    item('app:setup', 'Check setup…', { navigate: '#/setup' }, null),
    item('app:settings', 'Settings…', { navigate: '#/settings' }, null),
  );
  if (surface === 'tray') {
    items.push(separator('sep:quit'), item('app:quit', 'Quit Lightdock', { app: 'quit' }, null), quitAndStopItem(state, engineState));
  }
  return { items, icon: engineState === null ? 'starting' : ICONS[engineState], tooltip: tooltipOf(state, engineState) };
}
