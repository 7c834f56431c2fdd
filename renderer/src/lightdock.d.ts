import type { LightdockApi } from '../../shared/ipc/lightdock-api';

declare global {
  /** The bridge object: installed by the preload (desktop) or by the WebSocket bridge (browser host). */
  interface Window {
    lightdock?: LightdockApi;
  }
}
