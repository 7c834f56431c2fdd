import { EVENT_CHANNELS } from '../../../shared/ipc/channels';
import type { EventChannel } from '../../../shared/ipc/contract';
import type { LightdockApi } from '../../../shared/ipc/lightdock-api';
import type { IpcResult } from '../../../shared/ipc/result';
import { WEB_IPC_PATH, WEB_TOKEN_PARAM } from '../../../shared/ipc/web-endpoint';
import type { WebClientFrame } from '../../../shared/ipc/web-protocol';
import { connectionStore as appConnectionStore, type ConnectionStore } from './connection-store';
import { readServerFrame } from './read-server-frame';

/** The envelope every request gets when the socket drops before its answer arrives, or while it is down. */
export const CONNECTION_LOST: IpcResult<never> = { ok: false, error: { code: 'UNAVAILABLE', message: 'Lost the connection to Lightdock; reconnecting.' } };

/** The subset of the browser WebSocket the bridge uses, so tests can hand in any conforming client. */
export interface BridgeSocket {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(): void;
}

/** How the bridge connects: the endpoint, a socket factory, the store it reports to, and the backoff bounds. */
export interface WebBridgeOptions {
  url: string;
  connect?: (url: string) => BridgeSocket;
  store?: ConnectionStore;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

/** A LightdockApi over the browser host's WebSocket, plus `close()` to stop it for good. */
export interface WebBridge extends LightdockApi {
  close(): void;
}

const OPEN = 1;

/** The endpoint for a page location: same host, ws or wss to match the page, with the page's `token` parameter. */
export function webIpcUrl(location: Pick<Location, 'protocol' | 'host' | 'search'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const token = new URLSearchParams(location.search).get(WEB_TOKEN_PARAM);
  const query = token === null ? '' : `?${WEB_TOKEN_PARAM}=${encodeURIComponent(token)}`;
  return `${scheme}//${location.host}${WEB_IPC_PATH}${query}`;
}

const EVENT_CHANNEL_SET: ReadonlySet<string> = new Set(EVENT_CHANNELS);

function isEventChannel(channel: string): channel is EventChannel {
  return EVENT_CHANNEL_SET.has(channel);
}

/**
 * Implements LightdockApi over the web protocol: invokes sent before the first open are queued; a drop answers
 * every unanswered invoke with CONNECTION_LOST, reconnects with doubling backoff, and re-sends `ready` once back.
 * Malformed frames and pushes on unknown channels are ignored; payloads are not re-validated here, because the host
 * validates every push against the contract before it sends it (a 1,000-container list would cost a parse per push).
 */
export function createWebBridge(options: WebBridgeOptions): WebBridge {
  const connect = options.connect ?? ((url: string): BridgeSocket => new WebSocket(url) as BridgeSocket);
  const store = options.store ?? appConnectionStore;
  const initialBackoffMs = options.initialBackoffMs ?? 250;
  const maxBackoffMs = options.maxBackoffMs ?? 5000;

  const pending = new Map<number, (result: IpcResult<unknown>) => void>();
  const queue: WebClientFrame[] = [];
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  let nextId = 0;
  let readyRequested = false;
  let backoffMs = initialBackoffMs;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let socket: BridgeSocket;

  function send(frame: WebClientFrame): void {
    socket.send(JSON.stringify(frame));
  }

  function receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let raw: unknown;
    try {
      raw = JSON.parse(data);
    } catch {
      return;
    }
    const frame = readServerFrame(raw);
    if (frame === null) return;
    if (frame.type === 'result') {
      const resolve = pending.get(frame.id);
      pending.delete(frame.id);
      resolve?.(frame.result as IpcResult<unknown>);
      return;
    }
    const { channel } = frame;
    if (!isEventChannel(channel)) return;
    for (const listener of [...(listeners.get(channel) ?? [])]) listener(frame.payload);
  }

  function dropped(): void {
    for (const resolve of pending.values()) resolve(CONNECTION_LOST);
    pending.clear();
    queue.length = 0;
    if (closed) return;
    store.set('reconnecting');
    retryTimer = setTimeout(open, backoffMs);
    backoffMs = Math.min(backoffMs * 2, maxBackoffMs);
  }

  function open(): void {
    retryTimer = undefined;
    socket = connect(options.url);
    socket.onopen = () => {
      backoffMs = initialBackoffMs;
      for (const frame of queue.splice(0)) send(frame);
      if (readyRequested) send({ type: 'ready' });
      store.set('open');
    };
    socket.onmessage = (event) => receive(event.data);
    socket.onclose = dropped;
    socket.onerror = () => undefined;
  }

  store.set('connecting');
  open();

  return {
    invoke(channel, request) {
      if (closed || store.get().state === 'reconnecting') return Promise.resolve(CONNECTION_LOST);
      const id = nextId++;
      const frame: WebClientFrame = { type: 'invoke', id, channel, request };
      return new Promise((resolve) => {
        pending.set(id, resolve as (result: IpcResult<unknown>) => void);
        if (socket.readyState === OPEN) send(frame);
        else queue.push(frame);
      });
    },
    on(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
    ready() {
      readyRequested = true;
      if (socket.readyState === OPEN) send({ type: 'ready' });
    },
    close() {
      closed = true;
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      socket.close();
    },
  };
}

/** Installs the bridge as `window.lightdock` for the browser host, connecting to the page's own origin. */
export function installWebBridge(): LightdockApi {
  const bridge = createWebBridge({ url: webIpcUrl(window.location) });
  window.lightdock = bridge;
  return bridge;
}
