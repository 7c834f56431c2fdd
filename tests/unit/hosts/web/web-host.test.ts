import fs from 'node:fs';
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

  it('serves the renderer with the token and sets the CSP and a strict cookie', async () => {
    const res = await fetch(host.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
  });

  it('refuses a request without the token', async () => {
    const res = await fetch(`http://127.0.0.1:${host.port}/`);
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('Lightdock</title>');
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
