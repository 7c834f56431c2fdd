import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { EventChannel, EventPayload } from '../../../../shared/ipc/contract';
import { ok } from '../../../../shared/ipc/result';
import { startWebHost, type WebHost } from '../../../../electron/hosts/web/web-host';
import { EventHub } from '../../../../electron/services/event-hub';
import { RecordingLogger } from '../../../helpers/recording';
import { makeTempDir } from '../../../helpers/temp-dir';

// A dispatcher that throws and a push that breaks the contract cost one answer or one push, never the socket.
let temp: ReturnType<typeof makeTempDir>;
let events: EventHub;
let logger: RecordingLogger;
let host: WebHost;

beforeEach(async () => {
  temp = makeTempDir();
  fs.writeFileSync(path.join(temp.dir, 'index.html'), '<!doctype html>');
  events = new EventHub();
  logger = new RecordingLogger();
  host = await startWebHost({
    dispatch: async (channel) => {
      if (channel === 'distros:list') throw new Error('secret internals');
      return ok({});
    },
    events,
    rendererDir: temp.dir,
    logger,
    port: 0,
  });
});
afterEach(async () => {
  await host.close();
  temp.cleanup();
});

function connect(): Promise<{ socket: WebSocket; frames: Array<Record<string, unknown>>; next(): Promise<Record<string, unknown>> }> {
  const socket = new WebSocket(`ws://127.0.0.1:${host.port}/ipc?token=${host.token}`, { origin: `http://127.0.0.1:${host.port}` });
  const frames: Array<Record<string, unknown>> = [];
  let wake: () => void = () => undefined;
  socket.on('message', (data) => {
    frames.push(JSON.parse(String(data)) as Record<string, unknown>);
    wake();
  });
  const next = async (): Promise<Record<string, unknown>> => {
    while (frames.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    return frames.shift() ?? {};
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, frames, next }));
    socket.once('error', reject);
  });
}

describe('the browser host when something inside fails', () => {
  it('answers INTERNAL without the thrown text when the dispatcher throws, and keeps the socket', async () => {
    const client = await connect();
    client.socket.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'distros:list', request: {} }));
    const answer = await client.next();
    expect(answer).toEqual({ type: 'result', id: 1, result: { ok: false, error: { code: 'INTERNAL', message: 'Lightdock failed to handle the request.' } } });
    client.socket.send(JSON.stringify({ type: 'invoke', id: 2, channel: 'app:info', request: {} }));
    expect(await client.next()).toEqual({ type: 'result', id: 2, result: { ok: true, value: {} } });
    expect(logger.lines.some((l) => l.level === 'error' && l.message.includes('secret internals'))).toBe(true);
    client.socket.close();
  });

  it('skips a push that does not match the contract and still delivers the next one', async () => {
    const client = await connect();
    client.socket.send(JSON.stringify({ type: 'ready' }));
    client.socket.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'app:info', request: {} }));
    await client.next();
    const emit = events.emit.bind(events) as (channel: EventChannel, payload: unknown) => void;
    emit('exec:printed', { sessionId: 5 });
    events.emit('exec:printed', { sessionId: 'exec-1', data: 'ok' } satisfies EventPayload<'exec:printed'>);
    expect(await client.next()).toEqual({ type: 'event', channel: 'exec:printed', payload: { sessionId: 'exec-1', data: 'ok' } });
    expect(logger.lines).toContainEqual({ level: 'error', message: 'Push on exec:printed does not match the contract; not sent.' });
    client.socket.close();
  });

  it('skips a push on a channel outside the contract, and one that cannot be written as JSON, and keeps pushing', async () => {
    const client = await connect();
    client.socket.send(JSON.stringify({ type: 'ready' }));
    client.socket.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'app:info', request: {} }));
    await client.next();
    const emit = events.emit.bind(events) as (channel: string, payload: unknown) => void;
    emit('nope:nothing', {});
    const failed: EventPayload<'operations:progressed'> = {
      id: 'op-1',
      kind: 'export',
      target: 'Debian',
      state: 'failed',
      progress: null,
      message: 'Export failed',
      error: { code: 'INTERNAL', message: 'x', details: { size: 1n } },
    };
    events.emit('operations:progressed', failed);
    events.emit('exec:printed', { sessionId: 'exec-1', data: 'still here' });
    expect(await client.next()).toEqual({ type: 'event', channel: 'exec:printed', payload: { sessionId: 'exec-1', data: 'still here' } });
    expect(logger.lines).toContainEqual({ level: 'error', message: 'Push on nope:nothing, a channel not in the contract; not sent.' });
    expect(logger.lines.some((l) => l.level === 'error' && l.message.startsWith('Push on operations:progressed cannot be written as JSON'))).toBe(true);
    client.socket.close();
  });

  it('keeps the subscription when the logger itself fails on an invalid push', async () => {
    const client = await connect();
    client.socket.send(JSON.stringify({ type: 'ready' }));
    client.socket.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'app:info', request: {} }));
    await client.next();
    const failing = logger.error.bind(logger);
    logger.error = (message: string): void => {
      failing(message);
      throw new Error('disk full');
    };
    const emit = events.emit.bind(events) as (channel: EventChannel, payload: unknown) => void;
    emit('exec:printed', { sessionId: 5 });
    events.emit('exec:printed', { sessionId: 'exec-1', data: 'ok' });
    expect(await client.next()).toEqual({ type: 'event', channel: 'exec:printed', payload: { sessionId: 'exec-1', data: 'ok' } });
    expect(logger.lines).toContainEqual({ level: 'error', message: 'Push on exec:printed does not match the contract; not sent.' });
    client.socket.close();
  });
});
