import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../electron/hosts/common/compose-services';
import { startWebHost, type WebHost } from '../../electron/hosts/web/web-host';
import { DEFAULT_FLOW_BOUNDS } from '../../electron/hosts/web/socket-flow';
import { composeTestServices } from '../helpers/compose-test-services';
import { TEST_IMAGE, docker, eventually, testDockerHost } from '../helpers/docker-engine';
import { encodeFrame, rawUpgrade } from '../helpers/raw-websocket';
import { makeTempDir } from '../helpers/temp-dir';

// Frames and clients: a client that stops reading a terminal running `yes` (real engine) holds the host to a
// stated bound: the exec stream is paused at 4 MiB unsent, resumed once drained, and everything is freed when it goes.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const name = `ld-backpressure-${process.pid}`;
/** What the host may hold for the stalled client beyond the pause bound: the chunks already read when it paused. */
const HELD_BOUND_BYTES = DEFAULT_FLOW_BOUNDS.pauseAboveBytes + 4 * 1024 * 1024;
/** Generous bound on heap + external + array buffers growth, against 1.1 GB in 30 s before the fix. */
const MEMORY_BOUND_BYTES = 64 * 1024 * 1024;

let temp: ReturnType<typeof makeTempDir>;
let services: Services;
let host: WebHost;
const flow: Array<[string, boolean]> = [];
const gone: string[] = [];
let printed = 0;

function memory(): number {
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external + usage.arrayBuffers;
}

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

beforeAll(async () => {
  temp = makeTempDir();
  const rendererDir = path.join(temp.dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Lightdock</title>');
  await docker('rm', '-f', name).catch(() => undefined);
  await docker('run', '-d', '--name', name, TEST_IMAGE, 'sleep', '3600');
  const dataDir = path.join(temp.dir, 'data');
  const composed = composeTestServices(dataDir, { HOME: dataDir, LIGHTDOCK_ENGINE: 'docker', DOCKER_HOST: testDockerHost() });
  services = composed.services;
  services.events.subscribe((channel, payload) => {
    if (channel === 'exec:printed') printed += (payload as { data: string }).data.length;
  });
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
    onClientFlow: (clientId, flowing) => {
      flow.push([clientId, flowing]);
      services.streams.setFlow(clientId, flowing);
    },
  });
}, 60_000);

afterAll(async () => {
  await host.close();
  services.dispose();
  await docker('rm', '-f', name).catch(() => undefined);
  temp.cleanup();
});

/** Resolves once `read()` gives the same value on two readings 250 ms apart: the source has stopped. */
async function plateau(read: () => number): Promise<number> {
  let last = read();
  return eventually(async () => {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = read();
    const settled = now === last;
    last = now;
    expect(settled).toBe(true);
    return now;
  }, 20_000, 0);
}

describe('a client that stops reading a fast terminal', () => {
  it('pauses the exec stream at the bound, resumes it when drained, and frees everything when the client goes', async () => {
    const start = memory();
    const client = await rawUpgrade(host.port, host.token);
    client.socket.pause();
    const invoke = { type: 'invoke', id: 1, channel: 'exec:open', request: { id: name, cols: 80, rows: 24, command: ['yes'] } };
    client.socket.write(encodeFrame({ opcode: 1, payload: Buffer.from(JSON.stringify({ type: 'ready' })) }));
    client.socket.write(encodeFrame({ opcode: 1, payload: Buffer.from(JSON.stringify(invoke)) }));

    await eventually(() => expect(flow.some(([, flowing]) => !flowing)).toBe(true), 30_000);
    const clientId = flow[0]?.[0] ?? '';
    const stalledAt = await plateau(() => printed);
    const held = host.bufferedBytes();
    const grown = memory() - start;
    console.info(`stalled client: ${mib(stalledAt)} printed, ${mib(held)} held unsent, memory +${mib(grown)}`);
    // The bound counts bytes of JSON frames, where each `y\n` printed takes 4 bytes (more with the frames' own
    // fields), so the characters printed before the pause are about half the bound, not the whole of it.
    expect(stalledAt).toBeGreaterThan(DEFAULT_FLOW_BOUNDS.pauseAboveBytes / 4);
    expect(held).toBeGreaterThan(DEFAULT_FLOW_BOUNDS.pauseAboveBytes);
    expect(held).toBeLessThanOrEqual(HELD_BOUND_BYTES);
    expect(grown).toBeLessThan(MEMORY_BOUND_BYTES);

    client.socket.resume();
    await eventually(() => expect(flow).toContainEqual([clientId, true]), 30_000);
    await eventually(() => expect(printed).toBeGreaterThan(stalledAt + 8 * 1024 * 1024), 30_000);

    client.socket.destroy();
    await eventually(() => expect(gone).toContain(clientId), 10_000);
    expect(host.bufferedBytes()).toBe(0);
    await eventually(async () => expect(await docker('top', name)).not.toMatch(/\byes\b/), 20_000);
    await plateau(() => printed);
    const after = memory() - start;
    console.info(`after the client left: memory +${mib(after)} from the start`);
    expect(after).toBeLessThan(16 * 1024 * 1024);
  }, 120_000);
});
