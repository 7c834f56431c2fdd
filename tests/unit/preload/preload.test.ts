import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS, RENDERER_READY_CHANNEL } from '../../../shared/ipc/channels';
import type { LightdockApi } from '../../../shared/ipc/lightdock-api';
import type { Distro } from '../../../shared/model/distro';

type Listener = (event: unknown, ...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  return {
    listeners,
    exposed: [] as { key: string; api: unknown }[],
    invoked: [] as unknown[][],
    sent: [] as unknown[][],
    contextBridge: {
      exposeInMainWorld(key: string, api: unknown): void {
        electron.exposed.push({ key, api });
      },
    },
    ipcRenderer: {
      invoke(...args: unknown[]): Promise<unknown> {
        electron.invoked.push(args);
        return Promise.resolve({ ok: true, value: 'from main' });
      },
      send(...args: unknown[]): void {
        electron.sent.push(args);
      },
      on(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
        const set = listeners.get(channel) ?? new Set();
        set.add(listener);
        listeners.set(channel, set);
        return electron.ipcRenderer;
      },
      removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
        listeners.get(channel)?.delete(listener);
        return electron.ipcRenderer;
      },
    },
  };
});

vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

function setContextIsolated(value: boolean | undefined): void {
  Object.defineProperty(process, 'contextIsolated', { value, configurable: true, writable: true });
}

/** Loads the preload afresh (as a new renderer would) and returns what it exposed. */
async function loadPreload(): Promise<LightdockApi> {
  vi.resetModules();
  await import('../../../electron/preload/index');
  const last = electron.exposed.at(-1);
  if (!last) throw new Error('the preload exposed nothing');
  return last.api as LightdockApi;
}

/** Delivers a push from main as Electron does: an IpcRendererEvent first, then the payload. */
function pushFromMain(channel: string, payload: unknown): void {
  const fakeEvent = { sender: { send: () => undefined }, ports: [], senderId: 0 };
  for (const listener of electron.listeners.get(channel) ?? []) (listener as Listener)(fakeEvent, payload);
}

const ubuntu: Distro = { name: 'Ubuntu-24.04', state: 'Running', version: 2, isDefault: true };

beforeEach(() => {
  electron.exposed.length = 0;
  electron.invoked.length = 0;
  electron.sent.length = 0;
  electron.listeners.clear();
  setContextIsolated(true);
});
afterEach(() => {
  Reflect.deleteProperty(process, 'contextIsolated');
});

describe('the preload', () => {
  it('exposes exactly one object, window.lightdock, with invoke, on and ready', async () => {
    const api = await loadPreload();
    expect(electron.exposed).toHaveLength(1);
    expect(electron.exposed[0]?.key).toBe('lightdock');
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on', 'ready']);
  });

  it('forwards a contract channel and its request to ipcRenderer.invoke', async () => {
    const api = await loadPreload();
    await expect(api.invoke('distros:start', { name: 'Debian' })).resolves.toEqual({ ok: true, value: 'from main' });
    expect(electron.invoked).toEqual([['distros:start', { name: 'Debian' }]]);
  });

  it('lets every contract channel through', async () => {
    const api = await loadPreload();
    for (const channel of INVOKE_CHANNELS) await api.invoke(channel as never, {} as never);
    expect(electron.invoked.map(([channel]) => channel)).toEqual([...INVOKE_CHANNELS]);
  });

  it.each(['evil:channel', 'electron-store-get-data', RENDERER_READY_CHANNEL, 'distros:changed', '__proto__', ''])(
    'rejects the unknown channel %j without reaching ipcRenderer.invoke',
    async (channel) => {
      const api = await loadPreload();
      await expect(api.invoke(channel as never, {} as never)).rejects.toThrow(/Unknown channel/);
      expect(electron.invoked).toEqual([]);
    },
  );

  it('gives a listener the payload as its only argument, never the IpcRendererEvent', async () => {
    const api = await loadPreload();
    const calls: unknown[][] = [];
    api.on('distros:changed', (...args: unknown[]) => calls.push(args));
    pushFromMain('distros:changed', [ubuntu]);
    expect(calls).toEqual([[[ubuntu]]]);
  });

  it('returns a disposer that removes the listener from ipcRenderer', async () => {
    const api = await loadPreload();
    const calls: unknown[] = [];
    const off = api.on('vm:changed', (payload) => calls.push(payload));
    expect(electron.listeners.get('vm:changed')?.size).toBe(1);
    off();
    expect(electron.listeners.get('vm:changed')?.size).toBe(0);
    pushFromMain('vm:changed', { state: 'Running', runningDistros: 1 });
    expect(calls).toEqual([]);
  });

  it.each(['evil:event', 'distros:start', RENDERER_READY_CHANNEL])('refuses to subscribe to the unknown event %j', async (channel) => {
    const api = await loadPreload();
    expect(() => api.on(channel as never, () => undefined)).toThrow(/Unknown event/);
    expect(electron.listeners.size).toBe(0);
  });

  it('subscribes to every contract event', async () => {
    const api = await loadPreload();
    for (const channel of EVENT_CHANNELS) api.on(channel, () => undefined);
    expect([...electron.listeners.keys()]).toEqual([...EVENT_CHANNELS]);
  });

  it('sends the ready signal on its own channel with no arguments', async () => {
    const api = await loadPreload();
    api.ready();
    expect(electron.sent).toEqual([[RENDERER_READY_CHANNEL]]);
  });

  it.each([false, undefined])('throws and exposes nothing when process.contextIsolated is %s', async (value) => {
    setContextIsolated(value);
    await expect(loadPreload()).rejects.toThrow(/contextIsolation must be enabled/);
    expect(electron.exposed).toEqual([]);
  });
});
