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

/** How many invokes wait for their answer, and who waits for there to be none. */
let inFlight = 0;
const settledWaiters = new Set<() => void>();

function settledOne(): void {
  inFlight -= 1;
  if (inFlight > 0) return;
  for (const waiter of [...settledWaiters]) waiter();
}

/**
 * Runs `work` once no invoke waits for its answer (at once if none does), or after `limitMs` at the latest (a long
 * operation's invoke may wait for an hour); returns a cancel. Work that can wait for what a page asked for to arrive,
 * such as preloading the other pages, starts here rather than in the idle time while the page waits for its answers.
 */
export function whenInvokesSettled(work: () => void, limitMs: number): () => void {
  if (inFlight === 0) {
    work();
    return () => undefined;
  }
  const run = (): void => {
    cancel();
    work();
  };
  const timer = setTimeout(run, limitMs);
  const cancel = (): void => {
    clearTimeout(timer);
    settledWaiters.delete(run);
  };
  settledWaiters.add(run);
  return cancel;
}

/** invoke() over a given bridge rather than the current one (for state kept per bridge); undefined means no bridge. */
export async function invokeOn<C extends InvokeChannel>(api: LightdockApi | undefined, channel: C, request: InvokeRequest<C>): Promise<InvokeResponse<C>> {
  let result;
  inFlight += 1;
  try {
    result = await (api ?? bridge()).invoke(channel, request);
  } catch (error) {
    throw toIpcError(error);
  } finally {
    settledOne();
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
