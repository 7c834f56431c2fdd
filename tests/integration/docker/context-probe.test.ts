import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../electron/hosts/common/compose-services';
import { composeTestServices } from '../../helpers/compose-test-services';
import { dockerAt, dockerWithHome, testDockerHost } from '../../helpers/docker-engine';
import { rejection } from '../../helpers/service-error';
import { makeTempDir } from '../../helpers/temp-dir';
import { freePort } from '../../helpers/free-port';

// Probing a context builds a temporary engine at its endpoint, pings it and closes it, whichever engine Lightdock uses.

let temp: ReturnType<typeof makeTempDir>;
let home: string;
let closedPort: number;
const opened: Services[] = [];

function services(env: NodeJS.ProcessEnv): Services {
  const composed = composeTestServices(path.join(temp.dir, 'data'), { HOME: home, ...env }).services;
  opened.push(composed);
  return composed;
}

beforeAll(async () => {
  temp = makeTempDir();
  home = path.join(temp.dir, 'home');
  fs.mkdirSync(home);
  closedPort = await freePort();
  await dockerWithHome(home, ['context', 'create', 'ld-real', '--description', 'the test engine', '--docker', `host=${testDockerHost()}`], 30_000);
});
afterAll(() => {
  for (const composed of opened) composed.dispose();
  temp.cleanup();
});

describe('engine:probe-context on real endpoints', () => {
  it('answers connected with the server version for a unix:// context, even with the simulated engine in use', async () => {
    const version = (await dockerAt(testDockerHost(), ['version', '--format', '{{.Server.Version}}'])).trim();
    for (const engine of ['simulated', 'docker']) {
      const probe = await services({ LIGHTDOCK_ENGINE: engine }).engine.probeContext('ld-real');
      expect(probe).toEqual({ name: 'ld-real', endpoint: testDockerHost(), state: 'connected', serverVersion: version, message: null });
    }
  });

  it('answers unreachable with a sentence naming the endpoint for a closed tcp:// port, and a created context is probed the same way', async () => {
    const engine = services({ LIGHTDOCK_ENGINE: 'simulated' }).engine;
    const host = `tcp://127.0.0.1:${closedPort}`;
    await engine.createContext({ name: 'ld-closed', host });
    const probe = await engine.probeContext('ld-closed');
    expect(probe).toMatchObject({ name: 'ld-closed', endpoint: host, state: 'unreachable', serverVersion: null });
    expect(probe.message).toContain(`127.0.0.1:${closedPort}`);
    expect(await engine.removeContext('ld-closed')).toEqual({ removed: 'ld-closed' });
    expect((await rejection(engine.probeContext('ld-closed'))).code).toBe('NOT_FOUND');
  });

  it('probes default at DOCKER_HOST when it is set, as the contexts list shows it', async () => {
    const probe = await services({ LIGHTDOCK_ENGINE: 'docker', DOCKER_HOST: testDockerHost() }).engine.probeContext('default');
    expect(probe).toMatchObject({ name: 'default', endpoint: testDockerHost(), state: 'connected' });
    const none = `unix://${path.join(temp.dir, 'no-engine.sock')}`;
    expect(await services({ LIGHTDOCK_ENGINE: 'simulated', DOCKER_HOST: none }).engine.probeContext('default')).toMatchObject({ endpoint: none, state: 'unreachable' });
  });

  it('shares one probe between callers asking at once, and several contexts are probed together', async () => {
    const engine = services({ LIGHTDOCK_ENGINE: 'simulated' }).engine;
    const [a, b, c] = await Promise.all([engine.probeContext('ld-real'), engine.probeContext('ld-real'), engine.probeContext('default')]);
    expect(a).toEqual(b);
    expect(a.state).toBe('connected');
    expect(c.name).toBe('default');
  });
});
