import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNELS, INVOKE_CHANNELS, RENDERER_READY_CHANNEL } from '../../shared/ipc/channels';
import type { LightdockApi } from '../../shared/ipc/lightdock-api';

// Fail closed: without context isolation the bridge below would hand ipcRenderer to the page.
if (!process.contextIsolated) throw new Error('Lightdock preload: contextIsolation must be enabled.');

const invokeAllowed: ReadonlySet<string> = new Set(INVOKE_CHANNELS);
const eventAllowed: ReadonlySet<string> = new Set(EVENT_CHANNELS);

/**
 * `window.lightdock`: requests on the contract's channels only, pushes on its event channels only
 * (the listener receives the payload, never the IpcRendererEvent), and the ready signal. Nothing else.
 * @see https://www.electronjs.org/docs/latest/tutorial/security#20-do-not-expose-electron-apis-to-untrusted-web-content
 */
const api: LightdockApi = {
  invoke(channel, request) {
    if (!invokeAllowed.has(channel)) return Promise.reject(new Error(`Unknown channel ${JSON.stringify(String(channel))}`));
    return ipcRenderer.invoke(channel, request);
  },
  on(channel, listener) {
    if (!eventAllowed.has(channel)) throw new Error(`Unknown event ${JSON.stringify(String(channel))}`);
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload as Parameters<typeof listener>[0]);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
  ready() {
    ipcRenderer.send(RENDERER_READY_CHANNEL);
  },
};

contextBridge.exposeInMainWorld('lightdock', api);
