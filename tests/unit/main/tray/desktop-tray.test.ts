import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../../electron/hosts/common/compose-services';
import type { InvokeDispatcher } from '../../../../electron/hosts/common/invoke-dispatcher';
import { openDesktopPreferences } from '../../../../electron/main/tray/desktop-preferences';
import { installDesktopTray, type DesktopTray, type TrayWindow } from '../../../../electron/main/tray/install-tray';
import { drawTrayIcon } from '../../../../electron/main/tray/tray-icon';
import { silentLogger, systemClock } from '../../../../electron/services/ports';
import type { ContainerSummary } from '../../../../shared/model/container';
import { composeTestServices } from '../../../helpers/compose-test-services';
import { eventually } from '../../../helpers/docker-engine';
import { makeTempDir } from '../../../helpers/temp-dir';
import type { FakeNativeImage} from '../fake-electron';
import { FakeMenuModule, FakeNativeTheme, FakeNotification, FakeTray, fakeNativeImage, type FakeMenuItemOptions } from '../fake-electron';

/** A main window that records what the tray did to it and lets a test close it. */
class FakeWindow implements TrayWindow {
  readonly calls: string[] = [];
  readonly loaded: string[] = [];
  minimized = false;
  private readonly closeListeners: ((event: { preventDefault(): void }) => void)[] = [];
  readonly webContents = {
    loadURL: async (url: string): Promise<void> => {
      this.loaded.push(url);
    },
  };
  on(_event: 'close', listener: (event: { preventDefault(): void }) => void): this {
    this.closeListeners.push(listener);
    return this;
  }
  hide(): void {
    this.calls.push('hide');
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.calls.push('restore');
  }
  show(): void {
    this.calls.push('show');
  }
  focus(): void {
    this.calls.push('focus');
  }
  /** Plays the user closing the window; true when something prevented it. */
  close(): boolean {
    let prevented = false;
    for (const listener of this.closeListeners) listener({ preventDefault: () => (prevented = true) });
    return prevented;
  }
}

class FakeApp {
  quits = 0;
  private readonly listeners = new Map<string, Set<() => void>>();
  quit(): void {
    this.quits += 1;
    for (const listener of this.listeners.get('before-quit') ?? []) listener();
  }
  on(event: string, listener: () => void): this {
    this.listeners.set(event, (this.listeners.get(event) ?? new Set()).add(listener));
    return this;
  }
  removeListener(event: string, listener: () => void): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }
  listenerCount(event: string): number {
    return this.listeners.get(event)?.size ?? 0;
  }
}

let temp: ReturnType<typeof makeTempDir>;
let services: Services;
let dispatch: InvokeDispatcher;
let calls: { channel: unknown; request: unknown; client: string }[];
let window: FakeWindow;
let app: FakeApp;
let theme: FakeNativeTheme;
let opened: string[];
let desktop: DesktopTray;

function trayNow(): FakeTray {
  const tray = FakeTray.instances.at(-1);
  if (tray === undefined) throw new Error('no tray');
  return tray;
}
function item(id: string): FakeMenuItemOptions {
  const menu = trayNow().menu;
  if (menu === null) throw new Error('no menu yet');
  return menu.item(id);
}
function click(id: string): void {
  const entry = item(id);
  expect(entry.enabled, `${id} is enabled`).toBe(true);
  if (entry.click === undefined) throw new Error(`${id} has no click`);
  entry.click();
}

beforeEach(async () => {
  temp = makeTempDir();
  FakeTray.instances.length = 0;
  FakeMenuModule.built.length = 0;
  FakeNotification.shown.length = 0;
  const composed = composeTestServices(temp.dir, { LIGHTDOCK_ENGINE: 'simulated' });
  services = composed.services;
  calls = [];
  dispatch = (channel, request, client) => {
    calls.push({ channel, request, client: client.id });
    return composed.dispatch(channel, request, client);
  };
  window = new FakeWindow();
  app = new FakeApp();
  theme = new FakeNativeTheme();
  opened = [];
  desktop = installDesktopTray({
    electron: {
      Tray: FakeTray as never,
      Menu: FakeMenuModule as never,
      nativeImage: fakeNativeImage as never,
      nativeTheme: theme as never,
      Notification: FakeNotification,
      shell: { openExternal: async (url: string) => void opened.push(url) },
    },
    app: app as never,
    subscribe: (listener) => services.events.subscribe(listener),
    dispatch,
    window: () => window,
    preferences: openDesktopPreferences(temp.dir, systemClock, silentLogger),
    logger: silentLogger,
    debounceMs: 20,
  });
  desktop.manageWindow(window);
  await eventually(() => expect(item('distro:Debian').label).toBe('Debian (Stopped)'));
});

afterEach(() => {
  desktop.dispose();
  services.dispose();
  temp.cleanup();
});

describe('the desktop tray over the real services', () => {
  it('is built from the loaded state: icon by engine state (16/24/32 px), tooltip in words, the quick-actions menu', () => {
    const tray = trayNow();
    expect(tray.toolTip).toBe('Lightdock: Docker engine running (simulated), WSL VM stopped');
    expect(tray.menu?.labels()).toEqual([
      'Open Lightdock',
      '---',
      'Distros',
      'Containers',
      '---',
      'Stop the Docker engine',
      'Shut down WSL (stops every distro and the VM)',
      'Reclaim VM memory (give the page cache back to Windows)',
      '---',
      'Check setup…',
      'Settings…',
      '---',
      'Quit Lightdock',
      'Quit Lightdock and stop the Docker engine',
    ]);
    expect(item('wsl:shutdown')).toMatchObject({ enabled: false, toolTip: 'WSL is not running: the VM is stopped.' });
    const image = tray.image as FakeNativeImage;
    expect([...image.representations.keys()]).toEqual([1, 1.5, 2]);
    expect(image.representations.get(2)).toEqual(drawTrayIcon('running', 'light', 32));
    expect(calls.every((call) => call.client === 'tray')).toBe(true);
  });

  it('rebuilds once, debounced, for a burst of state pushes, and never for stats samples', async () => {
    const before = desktop.controller.menuBuilds;
    const containers = (await services.engine.list()).map((c): ContainerSummary => ({ ...c, state: 'running' }));
    services.events.emit('stats:sampled', { subscriptionId: 'stats-1', samples: [] });
    for (let i = 1; i <= 5; i += 1) services.events.emit('containers:changed', containers.slice(0, i));
    await eventually(() => expect(desktop.controller.menuBuilds).toBe(before + 1));
    expect(desktop.controller.model.items.find((entry) => entry.id === 'containers')).toMatchObject({
      submenu: expect.arrayContaining([expect.objectContaining({ label: 'Show all containers…' })]) as unknown,
    });
    // A stats tick on its own: the next state push is the only thing that rebuilds.
    services.events.emit('stats:sampled', { subscriptionId: 'stats-1', samples: [] });
    services.events.emit('containers:changed', []);
    await eventually(() => expect(desktop.controller.menuBuilds).toBe(before + 2));
  });

  it('each item calls the right service: distros start, terminate, set default; the engine stops and starts', async () => {
    click('distro:Debian:start');
    await eventually(async () => expect((await services.wsl.list()).find((d) => d.name === 'Debian')?.state).toBe('Running'));
    expect(calls.filter((c) => c.channel === 'distros:start')).toEqual([{ channel: 'distros:start', request: { name: 'Debian' }, client: 'tray' }]);
    click('distro:Debian:set-default');
    await eventually(async () => expect((await services.wsl.list()).find((d) => d.isDefault)?.name).toBe('Debian'));
    await eventually(() => expect(item('distro:Debian').label).toBe('Debian (Running, default)'));
    click('distro:Debian:terminate');
    await eventually(async () => expect((await services.wsl.list()).find((d) => d.name === 'Debian')?.state).toBe('Stopped'));

    click('engine:stop');
    await eventually(() => expect(trayNow().toolTip).toBe('Lightdock: Docker engine stopped (simulated), WSL VM running'));
    expect((trayNow().image as FakeNativeImage).representations.get(1)).toEqual(drawTrayIcon('stopped', 'light', 16));
    expect(item('containers:unavailable').toolTip).toBe('The Docker engine is stopped.');
    click('engine:start');
    await eventually(() => expect(item('engine:stop').enabled).toBe(true));
    expect((await services.engine.lifecycle()).state).toBe('running');
  });

  it('the icon click and Open show the window; Check setup and Settings navigate; a port opens through the safe opener', async () => {
    trayNow().click();
    expect(window.calls).toEqual(['show', 'focus']);
    window.minimized = true;
    click('app:open');
    expect(window.calls.slice(2)).toEqual(['restore', 'show', 'focus']);
    click('app:setup');
    click('app:settings');
    expect(window.loaded).toEqual(['app://bundle/index.html#/setup', 'app://bundle/index.html#/settings']);
    desktop.controller.perform({ openUrl: 'http://127.0.0.1:8080/' }, 'Open');
    desktop.controller.perform({ openUrl: 'file:///etc/passwd' }, 'Open');
    await eventually(() => expect(opened).toEqual(['http://127.0.0.1:8080/']));
  });

  it('Quit quits; Quit and stop the engine stops it first', async () => {
    click('app:quit-and-stop-engine');
    await eventually(() => expect(app.quits).toBe(1));
    expect(calls.some((c) => c.channel === 'engine:stop')).toBe(true);
    expect((await services.engine.lifecycle()).state).toBe('stopped');
  });

  it('closing the window keeps Lightdock in the tray with a notification once; quitting closes it for real', () => {
    expect(window.close()).toBe(true);
    expect(window.close()).toBe(true);
    expect(window.calls).toEqual(['hide', 'hide']);
    expect(FakeNotification.shown).toEqual([
      { title: 'Lightdock is still running', body: 'It keeps running in the tray; use Quit Lightdock in the tray menu to end it.' },
    ]);
    click('app:quit');
    expect(window.close()).toBe(false);
  });

  it('follows the taskbar theme and leaves nothing behind when disposed', () => {
    theme.setDark(true);
    expect((trayNow().image as FakeNativeImage).representations.get(1)).toEqual(drawTrayIcon('running', 'dark', 16));
    desktop.dispose();
    expect(trayNow().destroyed).toBe(true);
    expect(theme.listenerCount()).toBe(0);
    expect(app.listenerCount('before-quit')).toBe(0);
  });
});
