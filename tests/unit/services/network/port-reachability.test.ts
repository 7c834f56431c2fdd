import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CHECK_ADDRESS, mapBounded, probeTcpPort } from '../../../../electron/services/network/port-reachability';

const servers: net.Server[] = [];
const sockets = new Set<net.Socket>();

/** A server on 127.0.0.1 (a free port) that runs `onConnection` for every client; closed after each test. */
async function serve(onConnection: (socket: net.Socket) => void): Promise<number> {
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    onConnection(socket);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, CHECK_ADDRESS, resolve));
  return (server.address() as net.AddressInfo).port;
}

/** A port on 127.0.0.1 nobody listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, CHECK_ADDRESS, resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

describe('probeTcpPort on 127.0.0.1', () => {
  it('a listener that accepts and keeps the connection open is listening', async () => {
    const port = await serve(() => undefined);
    expect(await probeTcpPort(port, { settleMs: 150 })).toEqual({ state: 'listening', message: `Something answers on 127.0.0.1:${port}.` });
  });

  it('a listener that accepts and closes at once (the engine proxy with nothing behind it) is nothing-listening', async () => {
    const port = await serve((socket) => socket.end());
    const outcome = await probeTcpPort(port, { settleMs: 400 });
    expect(outcome.state).toBe('nothing-listening');
    expect(outcome.message).toMatch(/drops it at once/);
  });

  it('a listener that resets the connection at once is nothing-listening too', async () => {
    const port = await serve((socket) => socket.resetAndDestroy());
    expect((await probeTcpPort(port, { settleMs: 400 })).state).toBe('nothing-listening');
  });

  it('a listener that talks first (a banner), then closes, is listening', async () => {
    const port = await serve((socket) => socket.end('220 ready\r\n'));
    expect((await probeTcpPort(port, { settleMs: 400 })).state).toBe('listening');
  });

  it('a port nobody listens on is closed', async () => {
    const port = await closedPort();
    expect(await probeTcpPort(port)).toEqual({ state: 'closed', message: `Nothing accepts connections on 127.0.0.1:${port}.` });
  });

  it('reads no more than the first chunk of a peer that floods', async () => {
    let written = 0;
    const port = await serve((socket) => {
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = (): void => {
        while (!socket.destroyed && written < 64 * 1024 * 1024 && socket.write(chunk)) written += chunk.length;
      };
      socket.on('drain', pump);
      pump();
    });
    expect((await probeTcpPort(port, { settleMs: 400 })).state).toBe('listening');
    expect(written).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses a number that is not a port without connecting', async () => {
    expect((await probeTcpPort(0)).state).toBe('closed');
    expect((await probeTcpPort(70_000)).state).toBe('closed');
  });
});

describe('mapBounded', () => {
  it('answers in order and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapBounded([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3, async (n) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
      return n * 2;
    });
    expect(results).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    expect(most).toBe(3);
  });

  it('answers an empty list without running anything', async () => {
    expect(await mapBounded([], 8, async () => 1)).toEqual([]);
  });
});
