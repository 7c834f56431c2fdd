import type { EventChannel, EventPayload, InvokeChannel, InvokeRequest, InvokeResponse } from '../../../shared/ipc/contract';
import type { LightdockApi } from '../../../shared/ipc/lightdock-api';
import { IpcError, toIpcError } from './ipc-error';

function bridge(): LightdockApi {
  const api = window.lightdock;
  if (api === undefined) throw new IpcError('UNAVAILABLE', 'Lightdock is not connected: no bridge was installed.');
  return api;
}

/** Sends one request and returns its value; a failure envelope (or a broken bridge) throws an IpcError. */
export function invoke<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<InvokeResponse<C>> {
  return invokeOn(window.lightdock, channel, request);
}

/** invoke() over a given bridge rather than the current one (for state kept per bridge); undefined means no bridge. */
export async function invokeOn<C extends InvokeChannel>(api: LightdockApi | undefined, channel: C, request: InvokeRequest<C>): Promise<InvokeResponse<C>> {
  let result;
  try {
    result = await (api ?? bridge()).invoke(channel, request);
  } catch (error) {
    throw toIpcError(error);
  }
  if (result.ok) return result.value;
  throw new IpcError(result.error.code, result.error.message, result.error.details);
}

/** Subscribes to one push channel and returns the unsubscribe function. */
export function onEvent<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void {
  return bridge().on(channel, listener);
}

/** Tells the host the renderer has subscribed and may receive pushes. */
export function signalReady(): void {
  bridge().ready();
}
