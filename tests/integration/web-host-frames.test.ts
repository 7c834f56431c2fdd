import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../electron/hosts/common/compose-services';
import { startWebHost, type WebHost } from '../../electron/hosts/web/web-host';
import { composeTestServices } from '../helpers/compose-test-services';
import { encodeFrame, freshClientAnswers, rawUpgrade, type RawFrame } from '../helpers/raw-websocket';
import type { RecordingLogger } from '../helpers/recording';
import { makeTempDir } from '../helpers/temp-dir';

// Frames and clients: every malformed frame closes only the client that sent it; the host keeps answering.
let temp: ReturnType<typeof makeTempDir>;
let services: Services;
let logger: RecordingLogger;
let host: WebHost;

beforeAll(async () => {
  temp = makeTempDir();
  const rendererDir = path.join(temp.dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Lightdock</title>');
  const composed = composeTestServices(path.join(temp.dir, 'data'));
  services = composed.services;
  logger = composed.logger;
  host = await startWebHost({ dispatch: composed.dispatch, events: services.events, rendererDir, logger, port: 0 });
});
afterAll(async () => {
  await host.close();
  services.dispose();
  temp.cleanup();
});

const text = (s: string): Buffer => Buffer.from(s, 'utf8');
const closeCode = (code: number): Buffer => {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(code);
  return b;
};

const MALFORMED: Array<[string, Buffer]> = [
  ['a text frame over 1 MiB (announced)', encodeFrame({ opcode: 1, payload: text('x'.repeat(16)), announcedLength: 1048577n })],
  ['an unmasked frame', encodeFrame({ opcode: 1, mask: false, payload: text('{"type":"ready"}') })],
  ['reserved opcode 3', encodeFrame({ opcode: 3, payload: text('x') })],
  ['reserved control opcode 0xB', encodeFrame({ opcode: 0xb })],
  ['RSV1 without an extension', encodeFrame({ opcode: 1, rsv: 4, payload: text('x') })],
  ['RSV2 and RSV3', encodeFrame({ opcode: 1, rsv: 3, payload: text('x') })],
  ['a 2^63 length', encodeFrame({ opcode: 2, announcedLength: 2n ** 63n })],
  ['a 2^64-1 length', encodeFrame({ opcode: 1, announcedLength: 2n ** 64n - 1n })],
  ['invalid UTF-8 text', encodeFrame({ opcode: 1, payload: Buffer.from([0xff, 0xfe, 0xfd]) })],
  ['an overlong UTF-8 encoding', encodeFrame({ opcode: 1, payload: Buffer.from([0xc0, 0xaf]) })],
  ['close code 999', encodeFrame({ opcode: 8, payload: closeCode(999) })],
  ['close code 1005 (reserved)', encodeFrame({ opcode: 8, payload: closeCode(1005) })],
  ['a one-byte close payload', encodeFrame({ opcode: 8, payload: Buffer.from([3]) })],
  ['a close reason in invalid UTF-8', encodeFrame({ opcode: 8, payload: Buffer.concat([closeCode(1000), Buffer.from([0xff])]) })],
  ['a fragmented ping', encodeFrame({ opcode: 9, fin: false })],
  ['a ping over 125 bytes', encodeFrame({ opcode: 9, payload: Buffer.alloc(126) })],
  ['a continuation with nothing to continue', encodeFrame({ opcode: 0, payload: text('x') })],
  ['a new message inside a fragmented one', Buffer.concat([encodeFrame({ opcode: 1, fin: false, payload: text('a') }), encodeFrame({ opcode: 1, payload: text('b') })])],
  [
    'fragments adding up to over 1 MiB',
    Buffer.concat([encodeFrame({ opcode: 1, fin: false, payload: Buffer.alloc(600_000, 0x61) }), encodeFrame({ opcode: 0, payload: Buffer.alloc(600_000, 0x61) })]),
  ],
];

describe('the browser host under malformed frames', () => {
  it.each(MALFORMED)('closes the client that sends %s and keeps answering others', async (_what, bytes) => {
    const client = await rawUpgrade(host.port, host.token);
    client.socket.write(bytes);
    await client.closed;
    expect(await freshClientAnswers(host.port, host.token)).toMatchObject({ ok: true });
  });

  it('closes the client whose socket resets mid-frame, and keeps answering', async () => {
    const client = await rawUpgrade(host.port, host.token);
    client.socket.write(encodeFrame({ opcode: 1, payload: Buffer.alloc(1000) }).subarray(0, 100));
    client.socket.resetAndDestroy();
    await client.closed;
    expect(await freshClientAnswers(host.port, host.token)).toMatchObject({ ok: true });
  });

  it('survives a reset during the upgrade and garbage instead of HTTP', async () => {
    await new Promise<void>((resolve) => {
      const socket = net.connect(host.port, '127.0.0.1', () => {
        socket.write(`GET /ipc?token=${host.token} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n`);
        socket.resetAndDestroy();
      });
      socket.on('error', () => undefined);
      socket.on('close', () => resolve());
    });
    const garbage = await new Promise<string>((resolve) => {
      const socket = net.connect(host.port, '127.0.0.1', () => socket.write(Buffer.from([0x16, 0x03, 0x01, 0x00, 0xff, 0x0d, 0x0a, 0x0d, 0x0a])));
      let reply = '';
      socket.on('data', (chunk: Buffer) => (reply += chunk.toString('latin1')));
      socket.on('error', () => undefined);
      socket.on('close', () => resolve(reply));
    });
    expect(garbage).toMatch(/^HTTP\/1.1 400 /);
    expect(await freshClientAnswers(host.port, host.token)).toMatchObject({ ok: true });
  });

  it('keeps answering after 300 generated frames, valid or not, each on its own connection', async () => {
    const frame: fc.Arbitrary<RawFrame> = fc.record({
      fin: fc.boolean(),
      rsv: fc.integer({ min: 0, max: 7 }),
      opcode: fc.integer({ min: 0, max: 15 }),
      mask: fc.boolean(),
      payload: fc.oneof(
        fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
        fc.string({ maxLength: 200 }).map((s) => Buffer.from(s)),
        fc.constantFrom(closeCode(999), closeCode(1000), closeCode(4999), closeCode(5000), Buffer.from('{"type":"invoke","id":1}')),
      ),
      announcedLength: fc.option(fc.constantFrom(0n, 125n, 126n, 65535n, 65536n, 1048577n, 2n ** 53n, 2n ** 63n, 2n ** 64n - 1n), { nil: undefined }),
    });
    const sequences = fc.array(frame, { minLength: 1, maxLength: 4 });
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(sequences, async (frames) => {
        const client = await rawUpgrade(host.port, host.token);
        client.socket.write(Buffer.concat(frames.map(encodeFrame)));
        const result = await freshClientAnswers(host.port, host.token);
        client.socket.destroy();
        await client.closed;
        expect(result).toMatchObject({ ok: true });
        answered += 1;
      }),
      { numRuns: 300 },
    );
    expect(answered).toBeGreaterThanOrEqual(300);
    expect(logger.lines.some((e) => /Browser socket web-\d+ failed/.test(e.message))).toBe(true);
  }, 60_000);
});
