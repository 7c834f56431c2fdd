import type { EventChannel, EventPayload, InvokeChannel, InvokeRequest, InvokeResponse } from './contract';
import type { IpcResult } from './result';

/** The one object the preload (desktop) or the WebSocket bridge (browser) installs as `window.lightdock`. */
export interface LightdockApi {
  /** Sends one request; resolves to the envelope and never rejects for a service error. */
  invoke<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<IpcResult<InvokeResponse<C>>>;
  /** Subscribes to one push channel; the listener gets the payload only. Returns the unsubscribe function. */
  on<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void;
  /** Tells the host the renderer has subscribed and can receive pushes. */
  ready(): void;
}
