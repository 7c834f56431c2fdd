import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventHub } from '../../../../electron/services/event-hub';
import { startWebHost, type WebHost } from '../../../../electron/hosts/web/web-host';
import { fail } from '../../../../shared/ipc/result';
import { encodeFrame, freshClientAnswers, rawUpgrade } from '../../../helpers/raw-websocket';
import { RecordingLogger } from '../../../helpers/recording';
import { makeTempDir } from '../../../helpers/temp-dir';

// Pushes that cannot be paused (broadcasts, results) to a client that never reads: the host pauses its sources at
// one bound and drops the client at the last, so what it holds for that client never passes the close bound.
const bounds = { pauseAboveBytes: 256 * 1024, resumeBelowBytes: 64 * 1024, closeAboveBytes: 1024 * 1024 };
const CHUNK = 'y'.repeat(64 * 1024);

let temp: ReturnType<typeof makeTempDir>;
let events: EventHub;
let host: WebHost;
let flow: Array<[string, boolean]>;
let gone: string[];

beforeEach(async () => {
  temp = makeTempDir();
  fs.writeFileSync(path.join(temp.dir, 'index.html'), '<!doctype html>');
  events = new EventHub();
  // Each host reports into its own arrays: a previous host's late close events cannot land in this test's.
  const flowed: Array<[string, boolean]> = [];
  const left: string[] = [];
  flow = flowed;
  gone = left;
  host = await startWebHost({
    dispatch: async (channel) => (channel === 'distros:list' ? { ok: true, value: [] } : fail('UNKNOWN_CHANNEL', 'no')),
    events,
    rendererDir: temp.dir,
    logger: new RecordingLogger(),
    port: 0,
    flowBounds: bounds,
    onClientFlow: (clientId, flowing) => flowed.push([clientId, flowing]),
    onClientGone: (clientId) => left.push(clientId),
  });
});
afterEach(async () => {
  await host.close();
  temp.cleanup();
});

const ready = encodeFrame({ opcode: 1, payload: Buffer.from('{"type":"ready"}') });

describe('socket flow bounds', () => {
  it('reports the client held past the pause bound, then drops it past the close bound; others keep answering', async () => {
    const client = await rawUpgrade(host.port, host.token);
    client.socket.pause();
    client.socket.write(ready);
    await new Promise((resolve) => setImmediate(resolve));
    let most = 0;
    for (let i = 0; i < 10_000 && gone.length === 0; i++) {
      events.emit('exec:printed', { sessionId: 'exec-1', data: CHUNK });
      most = Math.max(most, host.bufferedBytes());
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(gone).toHaveLength(1);
    expect(flow).toEqual([[gone[0], false]]);
    expect(most).toBeGreaterThan(bounds.pauseAboveBytes);
    expect(most).toBeLessThanOrEqual(bounds.closeAboveBytes + CHUNK.length + 64);
    expect(host.bufferedBytes()).toBe(0);
    client.socket.resume();
    await client.closed;
    expect(await freshClientAnswers(host.port, host.token)).toEqual({ ok: true, value: [] });
  });

  it('resumes the client once what it holds drains below the resume bound', async () => {
    const client = await rawUpgrade(host.port, host.token);
    client.socket.pause();
    client.socket.write(ready);
    await new Promise((resolve) => setImmediate(resolve));
    while (flow.length === 0) {
      events.emit('exec:printed', { sessionId: 'exec-1', data: CHUNK });
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(host.bufferedBytes()).toBeLessThanOrEqual(bounds.closeAboveBytes);
    client.socket.resume();
    await new Promise<void>((resolve) => {
      const check = (): void => (flow.length >= 2 ? resolve() : void setImmediate(check));
      check();
    });
    expect(flow.map(([, flowing]) => flowing)).toEqual([false, true]);
    expect(gone).toEqual([]);
    client.socket.destroy();
    await client.closed;
  });

  it('closes a client that lets 1,000 pushes pile up without ever saying ready', async () => {
    const client = await rawUpgrade(host.port, host.token);
    const first = new Promise<Buffer>((resolve) => client.socket.once('data', resolve));
    for (let i = 0; i < 1000; i++) events.emit('exec:printed', { sessionId: 'exec-1', data: 'x' });
    expect(gone).toEqual([]);
    events.emit('exec:printed', { sessionId: 'exec-1', data: 'x' });
    const frame = await first;
    expect(frame[0]).toBe(0x88);
    expect(frame.readUInt16BE(2)).toBe(1008);
    client.socket.destroy();
    await client.closed;
    await new Promise<void>((resolve) => {
      const check = (): void => (gone.length === 1 ? resolve() : void setImmediate(check));
      check();
    });
    expect(gone).toHaveLength(1);
  });
});
