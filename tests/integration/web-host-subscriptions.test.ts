import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Services } from '../../electron/hosts/common/compose-services';
import { startWebHost, type WebHost } from '../../electron/hosts/web/web-host';
import { composeTestServices } from '../helpers/compose-test-services';
import { eventually } from '../helpers/docker-engine';
import { makeTempDir } from '../helpers/temp-dir';

// Frames and clients: a flood of subscriptions over the browser host meets the stated caps (32 per client, 256 per
// host) with a typed CONFLICT, and every place is free again once the clients go; a flood of 500 clients leaves
// memory within a stated bound of where it started.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
/** Generous bound on heap + external + array buffers left behind by 500 clients that came and went. */
const LEFT_BEHIND_BOUND_BYTES = 16 * 1024 * 1024;

function memory(): number {
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external + usage.arrayBuffers;
}
let temp: ReturnType<typeof makeTempDir>;
let services: Services;
let host: WebHost;
const gone: string[] = [];

beforeAll(async () => {
  temp = makeTempDir();
  const rendererDir = path.join(temp.dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
  const composed = composeTestServices(path.join(temp.dir, 'data'), { LIGHTDOCK_ENGINE: 'simulated' });
  services = composed.services;
  host = await startWebHost({
    dispatch: composed.dispatch,
    events: services.events,
    rendererDir,
    logger: composed.logger,
    port: 0,
    onClientGone: (clientId) => {
      gone.push(clientId);
      services.releaseClient(clientId);
    },
  });
});
afterAll(async () => {
  await host.close();
  services.dispose();
  temp.cleanup();
});

interface Client {
  socket: WebSocket;
  invoke(channel: string, request: unknown): Promise<{ ok: boolean; error?: { code: string; details?: unknown } }>;
}

async function connect(): Promise<Client> {
  const socket = new WebSocket(`ws://127.0.0.1:${host.port}/ipc?token=${host.token}`, { origin: `http://127.0.0.1:${host.port}` });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const waiting = new Map<number, (result: never) => void>();
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data)) as { type: string; id: number; result: never };
    if (frame.type === 'result') waiting.get(frame.id)?.(frame.result);
  });
  let nextId = 0;
  return {
    socket,
    invoke: (channel, request) =>
      new Promise((resolve) => {
        const id = nextId++;
        waiting.set(id, resolve);
        socket.send(JSON.stringify({ type: 'invoke', id, channel, request }));
      }),
  };
}

const watch = (client: Client, i: number): ReturnType<Client['invoke']> => client.invoke('stats:watch', { ids: [`c${i}`] });

describe('subscription caps over the browser host', () => {
  it('answers 200 stats:watch on one socket with 32 subscriptions and 168 typed CONFLICTs, then the host cap, then frees them', async () => {
    const first = await connect();
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => watch(first, i)));
    expect(results.filter((r) => r.ok)).toHaveLength(32);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(168);
    for (const r of refused) expect(r.error).toMatchObject({ code: 'CONFLICT', details: { limit: 32, scope: 'client' } });

    const others = await Promise.all(Array.from({ length: 7 }, () => connect()));
    for (const other of others) {
      const opened = await Promise.all(Array.from({ length: 32 }, (_, i) => watch(other, i)));
      expect(opened.every((r) => r.ok)).toBe(true);
    }
    const late = await connect();
    expect(await watch(late, 0)).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { limit: 256, scope: 'host' } } });

    for (const client of [first, ...others]) client.socket.close();
    await eventually(() => expect(gone).toHaveLength(8));
    const again = await Promise.all(Array.from({ length: 32 }, (_, i) => watch(late, i)));
    expect(again.every((r) => r.ok)).toBe(true);
    late.socket.close();
    await eventually(() => expect(gone).toHaveLength(9));
  }, 30_000);

  it('serves a flood of 500 clients with subscriptions, and memory returns near its start once they go', async () => {
    const before = gone.length;
    const start = memory();
    const clients = await Promise.all(Array.from({ length: 500 }, () => connect()));
    const answers = await Promise.all(clients.map((client, i) => Promise.all([client.invoke('distros:list', {}), watch(client, i), watch(client, i + 1)])));
    expect(answers.every(([listed]) => listed.ok)).toBe(true);
    const opened = answers.flatMap(([, a, b]) => [a, b]).filter((r) => r.ok).length;
    expect(opened).toBe(256);
    const peak = memory() - start;
    for (const client of clients) client.socket.close();
    await eventually(() => expect(gone.length - before).toBe(500), 20_000);
    const left = memory() - start;
    console.info(`500 clients: memory +${(peak / 1048576).toFixed(1)} MiB while connected, +${(left / 1048576).toFixed(1)} MiB after they left`);
    expect(left).toBeLessThan(LEFT_BEHIND_BOUND_BYTES);
    const fresh = await connect();
    expect(await watch(fresh, 0)).toMatchObject({ ok: true });
    fresh.socket.close();
  }, 60_000);
});
