import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import type { AddressInfo } from 'node:net';
import { createConnectionStore, type ConnectionStore } from '../../../renderer/src/ipc/connection-store';
import { CONNECTION_LOST, createWebBridge, webIpcUrl, type BridgeSocket, type WebBridge } from '../../../renderer/src/ipc/install-web-bridge';
import type { Distro } from '../../../shared/model/distro';

interface Peer {
  socket: ServerSocket;
  url: string;
  frames: unknown[];
}

/** A real WebSocket server that records each connection and the frames it receives. */
async function startServer(): Promise<{ server: WebSocketServer; port: number; peers: Peer[]; nextPeer: () => Promise<Peer> }> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const peers: Peer[] = [];
  const waiting: ((peer: Peer) => void)[] = [];
  server.on('connection', (socket, request) => {
    const peer: Peer = { socket, url: request.url ?? '', frames: [] };
    socket.on('message', (data) => peer.frames.push(JSON.parse(String(data))));
    peers.push(peer);
    waiting.shift()?.(peer);
  });
  const nextPeer = (): Promise<Peer> => new Promise((resolve) => waiting.push(resolve));
  return { server, port: (server.address() as AddressInfo).port, peers, nextPeer };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
}

/** Node's `ws` client: the same socket API a browser gives the bridge (jsdom has no working WebSocket here). */
const connect = (url: string): BridgeSocket => new WebSocket(url) as unknown as BridgeSocket;

const UBUNTU: Distro = { name: 'Ubuntu-24.04', state: 'Running', version: 2, isDefault: true };

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function setup(): Promise<{ bridge: WebBridge; store: ConnectionStore; peer: Peer; server: Awaited<ReturnType<typeof startServer>> }> {
  const server = await startServer();
  const store = createConnectionStore('open');
  const first = server.nextPeer();
  const bridge = createWebBridge({ url: `ws://127.0.0.1:${server.port}/ipc?token=t0k`, store, connect, initialBackoffMs: 10, maxBackoffMs: 40 });
  cleanups.push(() => {
    bridge.close();
    server.server.close();
  });
  return { bridge, store, peer: await first, server };
}

describe('webIpcUrl', () => {
  it('targets the page host on /ipc with the page token, ws for http and wss for https', () => {
    expect(webIpcUrl({ protocol: 'http:', host: '127.0.0.1:4173', search: '?token=a%2Bb&x=1' })).toBe('ws://127.0.0.1:4173/ipc?token=a%2Bb');
    expect(webIpcUrl({ protocol: 'https:', host: 'localhost', search: '' })).toBe('wss://localhost/ipc');
  });
});

describe('createWebBridge', () => {
  it('queues invokes until the socket opens, then resolves them with the server envelope', async () => {
    const server = await startServer();
    const store = createConnectionStore('open');
    const bridge = createWebBridge({ url: `ws://127.0.0.1:${server.port}/ipc?token=t0k`, store, connect });
    cleanups.push(() => {
      bridge.close();
      server.server.close();
    });
    expect(store.get().state).toBe('connecting');
    const answer = bridge.invoke('distros:start', { name: 'Ubuntu-24.04' });
    bridge.ready();
    const peer = await server.nextPeer();
    expect(peer.url).toBe('/ipc?token=t0k');
    await until(() => peer.frames.length === 2);
    expect(peer.frames).toEqual([
      { type: 'invoke', id: 0, channel: 'distros:start', request: { name: 'Ubuntu-24.04' } },
      { type: 'ready' },
    ]);
    expect(store.get()).toEqual({ state: 'open', epoch: 0 });
    peer.socket.send(JSON.stringify({ type: 'result', id: 0, result: { ok: true, value: UBUNTU } }));
    expect(await answer).toEqual({ ok: true, value: UBUNTU });
  });

  it('delivers pushes of known channels to subscribers and drops malformed frames and unknown channels', async () => {
    const { bridge, peer } = await setup();
    const received: Distro[][] = [];
    const unsubscribe = bridge.on('distros:changed', (distros) => received.push(distros));
    peer.socket.send(JSON.stringify({ type: 'event', channel: 'distros:exploded', payload: [UBUNTU] }));
    peer.socket.send(JSON.stringify({ type: 'evnt', channel: 'distros:changed', payload: [UBUNTU] }));
    peer.socket.send('not json');
    peer.socket.send(JSON.stringify({ type: 'event', channel: 'distros:changed', payload: [UBUNTU] }));
    await until(() => received.length === 1);
    unsubscribe();
    peer.socket.send(JSON.stringify({ type: 'event', channel: 'distros:changed', payload: [] }));
    const answer = bridge.invoke('app:info', {});
    await until(() => peer.frames.length === 1);
    peer.socket.send(JSON.stringify({ type: 'result', id: 0, result: { ok: false, error: { code: 'INTERNAL', message: 'x' } } }));
    await answer;
    expect(received).toEqual([[UBUNTU]]);
  });

  it('answers unanswered invokes with UNAVAILABLE on a drop, reconnects, re-sends ready and bumps the epoch', async () => {
    const { bridge, store, peer, server } = await setup();
    bridge.ready();
    await until(() => peer.frames.length === 1);
    const unanswered = bridge.invoke('distros:list', {});
    await until(() => peer.frames.length === 2);
    const second = server.nextPeer();
    peer.socket.terminate();
    expect(await unanswered).toEqual(CONNECTION_LOST);
    expect(CONNECTION_LOST).toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'Lost the connection to Lightdock; reconnecting.' },
    });
    expect(store.get().state).toBe('reconnecting');
    expect(await bridge.invoke('app:info', {})).toEqual(CONNECTION_LOST);
    const again = await second;
    await until(() => store.get().state === 'open');
    expect(store.get().epoch).toBe(1);
    await until(() => again.frames.length === 1);
    expect(again.frames).toEqual([{ type: 'ready' }]);
  });

  it('keeps retrying with backoff while the server is down', async () => {
    const { store, peer, server } = await setup();
    await new Promise<void>((resolve) => {
      server.server.close(() => resolve());
      peer.socket.terminate();
    });
    await until(() => store.get().state === 'reconnecting');
    const revived = new WebSocketServer({ host: '127.0.0.1', port: server.port });
    cleanups.push(() => revived.close());
    await until(() => store.get().state === 'open');
    expect(store.get().epoch).toBe(1);
  });
});
