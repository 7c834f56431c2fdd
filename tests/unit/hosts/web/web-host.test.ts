import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Services } from '../../../../electron/hosts/common/compose-services';
import { startWebHost, type WebHost } from '../../../../electron/hosts/web/web-host';
import { composeTestServices } from '../../../helpers/compose-test-services';
import { makeTempDir } from '../../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let services: Services;
let host: WebHost;

beforeEach(async () => {
  temp = makeTempDir();
  const rendererDir = path.join(temp.dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Lightdock</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(temp.dir, 'secret.txt'), 'do not serve');
  const composed = composeTestServices(path.join(temp.dir, 'data'));
  services = composed.services;
  host = await startWebHost({ dispatch: composed.dispatch, events: services.events, rendererDir, logger: composed.logger, port: 0 });
});
afterEach(async () => {
  await host.close();
  services.dispose();
  temp.cleanup();
});

function connect(origin = `http://127.0.0.1:${host.port}`, token = host.token): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/ipc?token=${token}`, { origin });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Sends raw bytes to the host and collects everything it answers until it closes the connection. */
function rawHttp(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(host.port, '127.0.0.1', () => socket.end(request));
    let reply = '';
    socket.on('data', (chunk: Buffer) => (reply += chunk.toString('latin1')));
    socket.on('close', () => resolve(reply));
    socket.on('error', reject);
  });
}

function nextFrame(socket: WebSocket, type: string): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const frame = JSON.parse(String(data)) as Record<string, unknown>;
      if (frame['type'] === type) {
        socket.off('message', onMessage);
        resolve(frame);
      }
    };
    socket.on('message', onMessage);
  });
}

describe('the browser host', () => {
  it('binds to 127.0.0.1 and prints a URL with the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the renderer with the token and the CSP, and never sets a cookie (other ports on 127.0.0.1 would get it)', async () => {
    const res = await fetch(host.url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Lightdock</title>');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('set-cookie')).toBeNull();
    const asset = await fetch(`http://127.0.0.1:${host.port}/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('set-cookie')).toBeNull();
  });

  it.each(['/', '/index.html', '/index.html/', '/%69ndex.html', '/assets/../index.html', '/assets/missing.js', '/?token=', `/?token=x`])(
    'refuses %s without the token (documents and anything not found need it)',
    async (path) => {
      const res = await fetch(`http://127.0.0.1:${host.port}${path}`);
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain('Lightdock</title>');
    },
  );

  it('serves static files other than documents without the token, on our Host only', async () => {
    const res = await fetch(`http://127.0.0.1:${host.port}/assets/app.js`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('console.log(1)');
    const rebound = await rawHttp(`GET /assets/app.js HTTP/1.1\r\nHost: evil.example:${host.port}\r\nConnection: close\r\n\r\n`);
    expect(rebound).toMatch(/^HTTP\/1.1 421 /);
  });

  it('answers a request line no URL parser takes with 400 and keeps serving', async () => {
    const reply = await rawHttp(`GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`);
    expect(reply).toMatch(/^HTTP\/1.1 400 /);
    expect((await fetch(host.url)).status).toBe(200);
  });

  it('serves nothing outside the renderer folder', async () => {
    const res = await fetch(`http://127.0.0.1:${host.port}/..%2fsecret.txt?token=${host.token}`);
    expect(res.status).toBe(400);
  });

  it('refuses a WebSocket without the token or from another origin', async () => {
    await expect(connect(undefined, 'wrong')).rejects.toThrow(/403/);
    await expect(connect('http://evil.example')).rejects.toThrow(/403/);
  });

  it('answers invokes and validates them', async () => {
    const socket = await connect();
    socket.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'distros:start', request: { name: 'Debian' } }));
    expect(await nextFrame(socket, 'result')).toMatchObject({ id: 1, result: { ok: true, value: { name: 'Debian', state: 'Running' } } });
    socket.send(JSON.stringify({ type: 'invoke', id: 2, channel: 'distros:start', request: { name: 'rm -rf /' } }));
    expect(await nextFrame(socket, 'result')).toMatchObject({ id: 2, result: { ok: false, error: { code: 'VALIDATION' } } });
    socket.send(JSON.stringify({ type: 'invoke', id: 3, channel: 'host:format', request: {} }));
    expect(await nextFrame(socket, 'result')).toMatchObject({ id: 3, result: { ok: false, error: { code: 'UNKNOWN_CHANNEL' } } });
    socket.send(JSON.stringify({ type: 'invoke', id: 4, channel: 5 }));
    expect(await nextFrame(socket, 'result')).toMatchObject({ id: 4, result: { ok: false, error: { code: 'VALIDATION' } } });
    socket.close();
  });

  it('pushes distros:changed after the renderer said ready', async () => {
    const socket = await connect();
    socket.send(JSON.stringify({ type: 'ready' }));
    const pushed = nextFrame(socket, 'event');
    await services.wsl.start('Debian');
    expect(await pushed).toMatchObject({ channel: 'distros:changed' });
    socket.close();
  });

  it('closes a socket that sends garbage without an id', async () => {
    const socket = await connect();
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send('not json');
    expect(await closed).toBe(1008);
  });
});
