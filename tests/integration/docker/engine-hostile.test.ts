import fs from 'node:fs';
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DockerodeEngine } from '../../../electron/services/docker/dockerode/dockerode-engine';
import { ServiceError } from '../../../electron/services/errors';
import { silentLogger } from '../../../electron/services/ports';
import { makeTempDir } from '../../helpers/temp-dir';

// An engine that misbehaves on the wire: streams cut mid-frame, a hijacked exec connection reset after a few
// bytes, answers that are not HTTP. Every call must end in a rejection or its onEnd/onExit, and nothing may
// surface as an uncaught exception or an unhandled rejection (vitest fails the run on either).

const ID = 'a'.repeat(64);
const EXEC_ID = 'b'.repeat(64);
let temp: ReturnType<typeof makeTempDir>;
let server: http.Server;
let socketPath: string;
let mode: 'cut' | 'garbage' = 'cut';

function json(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** Answers the headers of a stream, a fragment of its body, then resets the connection. */
function cutStream(response: http.ServerResponse, fragment: Buffer | string): void {
  response.writeHead(200, { 'Content-Type': 'application/octet-stream' });
  response.write(fragment, () => setImmediate(() => response.socket?.destroy()));
}

function handle(request: http.IncomingMessage, response: http.ServerResponse): void {
  request.resume();
  if (mode === 'garbage') {
    response.socket?.end('NOT HTTP AT ALL\r\n\r\n\x00\x01');
    return;
  }
  const url = request.url ?? '';
  if (url.startsWith('/version')) return json(response, 200, { Version: '99.0', ApiVersion: '9.99', Os: 'linux' });
  if (url.startsWith(`/containers/${ID}/json`) || url.startsWith('/containers/web/json')) {
    return json(response, 200, { Id: ID, Config: { Tty: false } });
  }
  if (url.startsWith(`/containers/${ID}/logs`)) return cutStream(response, Buffer.from([1, 0, 0, 0, 0, 0, 0, 10, 0x68, 0x69]));
  if (url.startsWith('/containers/web/stats')) return cutStream(response, '{"read":"2026-');
  if (url.startsWith('/events')) return cutStream(response, '{"Type":"container","Action":"sta');
  if (url.startsWith('/containers/web/exec')) return json(response, 201, { Id: EXEC_ID });
  if (url.startsWith(`/exec/${EXEC_ID}/json`)) return json(response, 200, { Running: false, ExitCode: 3 });
  if (url.startsWith(`/exec/${EXEC_ID}/resize`)) return json(response, 201, {});
  return json(response, 404, { message: `no route ${url}` });
}

/** `exec start` with `Upgrade: tcp`: switch protocols, send a few bytes, then reset the connection. */
function upgrade(_request: http.IncomingMessage, socket: Duplex): void {
  socket.on('error', () => socket.destroy());
  if (mode === 'garbage') {
    socket.end('NOT HTTP AT ALL\r\n\r\n');
    return;
  }
  socket.write('HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n');
  socket.write('$ half a prompt', () => setImmediate(() => socket.destroy()));
}

beforeAll(async () => {
  temp = makeTempDir('ld-hostile-');
  socketPath = `${temp.dir}/engine.sock`;
  server = http.createServer(handle);
  server.on('upgrade', upgrade);
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.rmSync(socketPath, { force: true });
  temp.cleanup();
});

function engine(): DockerodeEngine {
  return new DockerodeEngine({
    endpoint: { host: `unix://${socketPath}`, context: null, source: 'DOCKER_HOST', tls: null },
    env: {},
    platform: process.platform,
    logger: silentLogger,
  });
}

describe('an engine that cuts its streams', () => {
  it('ends a followed log, a stats stream and the event stream through their onEnd', async () => {
    mode = 'cut';
    const subject = engine();
    try {
      const lines: string[] = [];
      const logsEnded = new Promise<Error | undefined>((resolve) => {
        void subject.followLogs('web', { tail: 10, timestamps: false }, (batch) => lines.push(...batch.map((l) => l.text)), resolve);
      });
      const statsEnded = new Promise<Error | undefined>((resolve) => subject.streamStats('web', () => undefined, resolve));
      const eventsEnded = new Promise<Error | undefined>((resolve) => subject.events(null, () => undefined, resolve));
      await Promise.all([logsEnded, statsEnded, eventsEnded]);
      expect(lines).toEqual(['hi']);
    } finally {
      subject.close();
    }
  });

  it('ends a terminal whose hijacked connection is reset, with the output it got and the exit code', async () => {
    mode = 'cut';
    const subject = engine();
    try {
      let output = '';
      let exited: (code: number | null) => void = () => undefined;
      const exit = new Promise<number | null>((resolve) => (exited = resolve));
      const session = await subject.openExec('web', { cols: 80, rows: 24, command: ['sh'] }, (data) => (output += data), (code) => exited(code));
      expect(await exit).toBe(3);
      expect(output).toBe('$ half a prompt');
      session.write('ignored after the reset');
      session.close();
    } finally {
      subject.close();
    }
  });
});

describe('an engine that does not speak HTTP', () => {
  it('rejects every call and ends every stream, without an uncaught error', async () => {
    mode = 'garbage';
    const subject = engine();
    try {
      const calls: (() => Promise<unknown>)[] = [
        () => subject.ping(5_000),
        () => subject.listContainers(),
        () => subject.inspectContainer('web'),
        () => subject.act('web', 'stop', {}),
        () => subject.removeImage('busybox:latest', true),
        () => subject.followLogs('web', { tail: 1, timestamps: false }, () => undefined, () => undefined),
        () => subject.openExec('web', { cols: 80, rows: 24, command: ['sh'] }, () => undefined, () => undefined),
      ];
      for (const call of calls) {
        const error = await call().then(
          () => null,
          (thrown: unknown) => thrown,
        );
        expect(error).toBeInstanceOf(Error);
      }
      const pinged = await subject.ping(5_000).catch((thrown: unknown) => thrown);
      expect(pinged).toBeInstanceOf(ServiceError);
      expect((pinged as ServiceError).code).toBe('UNAVAILABLE');
      await new Promise<Error | undefined>((resolve) => subject.streamStats('web', () => undefined, resolve));
      const eventsEnd = await new Promise<Error | undefined>((resolve) => subject.events(null, () => undefined, resolve));
      expect(eventsEnd).toBeInstanceOf(Error);
    } finally {
      subject.close();
    }
  });
});
