import { randomBytes } from 'node:crypto';
import net from 'node:net';
import WebSocket from 'ws';

/** One hand-built WebSocket frame; every field can be wrong on purpose. */
export interface RawFrame {
  fin?: boolean;
  /** The three reserved bits, 0–7 (RSV1 is 4). */
  rsv?: number;
  opcode: number;
  /** Mask the payload (clients must); a fixed key keeps failures reproducible. */
  mask?: boolean;
  payload?: Buffer;
  /** Announce this length instead of the payload's (for lengths nobody would send, such as 2^63). */
  announcedLength?: bigint;
}

/** Encodes a frame byte by byte (RFC 6455 §5.2), without checking anything. */
export function encodeFrame(frame: RawFrame): Buffer {
  const payload = frame.payload ?? Buffer.alloc(0);
  const length = frame.announcedLength ?? BigInt(payload.length);
  const mask = frame.mask ?? true;
  const first = ((frame.fin ?? true) ? 0x80 : 0) | (((frame.rsv ?? 0) & 7) << 4) | (frame.opcode & 0x0f);
  let header: Buffer;
  if (length < 126n) {
    header = Buffer.from([first, (mask ? 0x80 : 0) | Number(length)]);
  } else if (length < 65536n) {
    header = Buffer.alloc(4);
    header.writeUInt8(first, 0);
    header.writeUInt8((mask ? 0x80 : 0) | 126, 1);
    header.writeUInt16BE(Number(length), 2);
  } else {
    header = Buffer.alloc(10);
    header.writeUInt8(first, 0);
    header.writeUInt8((mask ? 0x80 : 0) | 127, 1);
    header.writeBigUInt64BE(length, 2);
  }
  if (!mask) return Buffer.concat([header, payload]);
  const key = Buffer.from([0x12, 0x34, 0x56, 0x78]);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ (key[i % 4] ?? 0)));
  return Buffer.concat([header, key, masked]);
}

/** A TCP connection that completed a WebSocket handshake by hand, and resolves `closed` when the host hangs up. */
export interface RawClient {
  socket: net.Socket;
  closed: Promise<void>;
}

/** Opens a TCP connection to the host and performs the upgrade request by hand; rejects unless the answer is 101. */
export function rawUpgrade(port: number, token: string): Promise<RawClient> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let closedResolve: () => void = () => undefined;
    const closed = new Promise<void>((done) => (closedResolve = done));
    socket.on('close', () => closedResolve());
    socket.on('error', () => socket.destroy());
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onData);
      const status = head.subarray(0, end).toString('latin1').split('\r\n')[0] ?? '';
      if (!status.startsWith('HTTP/1.1 101')) {
        socket.destroy();
        reject(new Error(`upgrade refused: ${status}`));
        return;
      }
      socket.on('data', () => undefined);
      resolve({ socket, closed });
    };
    socket.on('data', onData);
    socket.once('close', () => reject(new Error('closed during the upgrade')));
    socket.write(
      [
        `GET /ipc?token=${token} HTTP/1.1`,
        `Host: 127.0.0.1:${port}`,
        `Origin: http://127.0.0.1:${port}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
        'Sec-WebSocket-Version: 13',
        '',
        '',
      ].join('\r\n'),
    );
  });
}

/** Opens a real client, asks `distros:list`, and resolves the envelope: proof that the host still answers. */
export async function freshClientAnswers(port: number, token: string): Promise<unknown> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/ipc?token=${token}`, { origin: `http://127.0.0.1:${port}` });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const answer = new Promise<unknown>((resolve) => {
      socket.on('message', (data) => {
        const frame = JSON.parse(String(data)) as { type: string; id?: number; result?: unknown };
        if (frame.type === 'result' && frame.id === 1) resolve(frame.result);
      });
    });
    socket.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'distros:list', request: {} }));
    return await answer;
  } finally {
    socket.terminate();
  }
}
