import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../electron/hosts/common/compose-services';
import type { InvokeDispatcher } from '../../../electron/hosts/common/invoke-dispatcher';
import { DockerodeEngine } from '../../../electron/services/docker/dockerode/dockerode-engine';
import { ServiceError } from '../../../electron/services/errors';
import { silentLogger } from '../../../electron/services/ports';
import { composeTestServices } from '../../helpers/compose-test-services';
import { docker, eventually, TEST_IMAGE, testDockerHost } from '../../helpers/docker-engine';

// Issue 9, defect 2: a reference with `..` reached dockerd unencoded, dockerd answered 301 and docker-modem
// followed it to another local port (or crashed the host on the redirect's unhandled error). A listener on a
// 127.0.0.1 port stands for that other server: it must receive nothing but our own marker request.

const client = { id: 'refs' };
let listener: http.Server;
let port: number;
const received: string[] = [];
let dir: string;
let services: Services;
let dispatch: InvokeDispatcher;
let containerId: string;

beforeAll(async () => {
  const host = testDockerHost();
  listener = http.createServer((request, response) => {
    received.push(`${request.method ?? ''} ${request.url ?? ''}`);
    response.end('{}');
  });
  listener.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  port = (listener.address() as AddressInfo).port;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-refs-'));
  ({ services, dispatch } = composeTestServices(dir, { DOCKER_HOST: host, LIGHTDOCK_ENGINE: 'docker' }));
  containerId = (await docker('run', '-d', '--network', 'none', '--label', 'lightdock.test=refs', '--name', 'ld-refs-web', TEST_IMAGE, 'sleep', '600')).trim();
}, 60_000);

afterAll(async () => {
  services.dispose();
  await docker('rm', '-f', containerId).catch(() => undefined);
  await new Promise<void>((resolve) => listener.close(() => resolve()));
  fs.rmSync(dir, { recursive: true, force: true });
}, 60_000);

/** Sends a marker to the listener and waits until it arrives, then answers everything it received. */
async function receivedAfterMarker(marker: string): Promise<string[]> {
  await new Promise<void>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: `/${marker}`, agent: false }, (response) => {
        response.resume();
        response.on('end', resolve);
      })
      .on('error', reject);
  });
  await eventually(() => expect(received).toContain(`GET /${marker}`));
  return received.splice(0);
}

describe('engine references on a real dockerd', () => {
  it('answers VALIDATION for the hostile references of issue 9 on every engine channel, and the other port hears nothing', async () => {
    const hostile = [`x/../../127.0.0.1:${port}/pwned`, `probe/../../containers/${containerId}`, '../../_ping', 'x?force=true', 'x#y', 'x%2F..%2F..'];
    for (const bad of hostile) {
      const requests: [string, unknown][] = [
        ['images:remove', { id: bad, force: true }],
        ['containers:inspect', { id: bad }],
        ['containers:act', { ids: [bad], action: 'remove', force: true }],
        ['containers:stats', { ids: [bad] }],
        ['volumes:remove', { name: bad, force: true }],
        ['logs:follow', { id: bad, tail: 1, timestamps: false }],
        ['stats:watch', { ids: [bad] }],
        ['exec:open', { id: bad, cols: 80, rows: 24 }],
      ];
      for (const [channel, request] of requests) {
        const result = await dispatch(channel, request, client);
        expect(result, `${channel} ${bad}`).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      }
    }
    expect(await receivedAfterMarker('marker-1')).toEqual(['GET /marker-1']);
    expect((await docker('inspect', '--format', '{{.State.Running}}', containerId)).trim()).toBe('true');
  }, 60_000);

  it('refuses them at the engine too, whoever calls it, before any request is made', async () => {
    const engine = new DockerodeEngine({
      endpoint: { host: testDockerHost(), context: null, source: 'DOCKER_HOST', tls: null },
      env: {},
      platform: process.platform,
      logger: silentLogger,
    });
    try {
      const bad = `x/../../127.0.0.1:${port}/pwned`;
      const calls: (() => Promise<unknown>)[] = [
        () => engine.removeImage(bad, true),
        () => engine.inspectContainer(`probe/../../containers/${containerId}`),
        () => engine.act('../x', 'remove', { force: true }),
        () => engine.statsOnce('a/b'),
        () => engine.removeVolume('v/../..', true),
        () => engine.followLogs('a?b', { tail: 1, timestamps: false }, () => undefined, () => undefined),
        () => engine.openExec('a#b', { cols: 80, rows: 24 }, () => undefined, () => undefined),
      ];
      for (const call of calls) {
        const error = await call().then(
          () => null,
          (thrown: unknown) => thrown,
        );
        expect(error).toBeInstanceOf(ServiceError);
        expect((error as ServiceError).code).toBe('VALIDATION');
      }
      const ended = await new Promise<Error | undefined>((resolve) => engine.streamStats('a/../b', () => undefined, resolve));
      expect(ended).toBeInstanceOf(ServiceError);
      expect(await receivedAfterMarker('marker-2')).toEqual(['GET /marker-2']);
    } finally {
      engine.close();
    }
  }, 60_000);

  it('still reaches objects whose references hold "/", ":" and a leading "/" (encoded as one segment)', async () => {
    await docker('tag', TEST_IMAGE, 'lightdock-test/refs-extra:v1.0_rc-1');
    await docker('volume', 'create', 'ld-refs.volume_1');
    expect(await dispatch('containers:inspect', { id: '/ld-refs-web' }, client)).toMatchObject({ ok: true, value: { id: containerId, name: 'ld-refs-web' } });
    expect(await dispatch('containers:inspect', { id: containerId.slice(0, 12) }, client)).toMatchObject({ ok: true, value: { id: containerId } });
    expect(await dispatch('images:remove', { id: 'lightdock-test/refs-extra:v1.0_rc-1' }, client)).toMatchObject({ ok: true });
    expect((await docker('images', '-q', 'lightdock-test/refs-extra')).trim()).toBe('');
    expect(await dispatch('volumes:remove', { name: 'ld-refs.volume_1' }, client)).toMatchObject({ ok: true });
    expect((await docker('volume', 'ls', '-q', '--filter', 'name=ld-refs.volume_1')).trim()).toBe('');
  }, 60_000);
});

describe('an engine that answers with a redirect', () => {
  let fake: http.Server;
  let socketPath: string;
  let location = '';
  let fakeRequests = 0;

  beforeAll(async () => {
    socketPath = path.join(dir, 'redirecting.sock');
    fake = http.createServer((request, response) => {
      fakeRequests += 1;
      request.resume();
      response.writeHead(301, { Location: location, 'Content-Type': 'text/plain' });
      response.end('Moved Permanently');
    });
    await new Promise<void>((resolve) => fake.listen(socketPath, resolve));
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => fake.close(() => resolve()));
  });

  it.each([
    ['another local port', (): string => `http://127.0.0.1:${port}/pwned?force=true`],
    ['a relative path', (): string => `/127.0.0.1:${port}/pwned`],
    ['a name that does not resolve', (): string => 'http://no-such-host.invalid/pwned'],
    ['another protocol', (): string => 'ftp://127.0.0.1/pwned'],
  ])('is never followed to %s: the call fails with a typed error and nothing else is asked', async (_what, target) => {
    location = target();
    const before = fakeRequests;
    const engine = new DockerodeEngine({
      endpoint: { host: `unix://${socketPath}`, context: null, source: 'DOCKER_HOST', tls: null },
      env: {},
      platform: process.platform,
      logger: silentLogger,
    });
    try {
      const error = await engine.removeImage('busybox:latest', true).then(
        () => null,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(ServiceError);
      expect((error as ServiceError).code).toBe('INTERNAL');
      const listed = await engine.listContainers().then(
        () => null,
        (thrown: unknown) => thrown,
      );
      expect(listed).toBeInstanceOf(ServiceError);
      expect(fakeRequests - before).toBe(2);
      expect(await receivedAfterMarker(`marker-redirect-${fakeRequests}`)).toEqual([`GET /marker-redirect-${fakeRequests}`]);
    } finally {
      engine.close();
    }
  });
});
