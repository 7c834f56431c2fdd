import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ContainerRow } from '../../../shared/model/container';
import type { EngineStatus } from '../../../shared/model/engine';
import { contextDirName } from '../../../electron/services/docker/endpoint/docker-config';
import { EngineService } from '../../../electron/services/docker/engine-service';
import { silentLogger, systemClock } from '../../../electron/services/ports';
import { Settings } from '../../../electron/services/settings/settings';
import { docker, eventually, TEST_IMAGE, testDockerHost } from '../../helpers/docker-engine';
import { RecordingEventSink } from '../../helpers/recording';
import { makeTempDir } from '../../helpers/temp-dir';

const run = Math.random().toString(36).slice(2, 8);
const label = `lightdock.test.run=${run}`;
const LOOP = ['sh', '-c', 'trap "exit 0" TERM; while :; do sleep 0.2; done'];
const name = (what: string): string => `ld-svc-${run}-${what}`;

let temp: ReturnType<typeof makeTempDir>;
const services: EngineService[] = [];

function service(env: NodeJS.ProcessEnv, sink = new RecordingEventSink()): { engine: EngineService; sink: RecordingEventSink } {
  const engine = new EngineService({
    env,
    platform: process.platform,
    homeDir: temp.dir,
    dataDir: path.join(temp.dir, 'data'),
    settings: Settings.parse({}),
    clock: systemClock,
    logger: silentLogger,
    events: sink,
  });
  services.push(engine);
  return { engine, sink };
}

const pushed = <T>(sink: RecordingEventSink, channel: string): T[] => sink.events.filter((e) => e.channel === channel).map((e) => e.payload as T);

beforeAll(() => {
  temp = makeTempDir();
});
afterEach(() => {
  for (const engine of services.splice(0)) engine.dispose();
});
afterAll(async () => {
  const leftovers = (await docker('ps', '-aq', '--filter', `label=${label}`)).split('\n').filter((s) => s !== '');
  if (leftovers.length > 0) await docker('rm', '-f', ...leftovers);
  temp.cleanup();
}, 60_000);

describe('EngineService on a real dockerd', () => {
  it('pushes connected, then containers:changed for a container started outside Lightdock', async () => {
    const { engine, sink } = service({ DOCKER_HOST: testDockerHost(), LIGHTDOCK_ENGINE: 'docker' });
    engine.watch();
    await eventually(() => expect(pushed<EngineStatus>(sink, 'engine:status-changed').at(-1)).toMatchObject({ kind: 'docker', state: 'connected', endpoint: testDockerHost() }));
    const status = await engine.status();
    expect(status.serverVersion).toBe((await docker('version', '--format', '{{.Server.Version}}')).trim());
    expect(status.apiVersion).toBe((await docker('version', '--format', '{{.Server.APIVersion}}')).trim());

    const id = (await docker('run', '-d', '--label', label, '--name', name('watched'), TEST_IMAGE, ...LOOP)).trim();
    await eventually(() => {
      const last = pushed<ContainerRow[]>(sink, 'containers:changed').at(-1);
      expect(last?.find((c) => c.id === id)).toMatchObject({ name: name('watched'), state: 'running' });
    }, 5_000, 10);
    await docker('pause', id);
    await eventually(() => {
      const last = pushed<ContainerRow[]>(sink, 'containers:changed').at(-1);
      expect(last?.find((c) => c.id === id)?.state).toBe('paused');
    }, 5_000, 10);
  });

  it('acts in bulk with one result per id, and samples stats for running containers only', async () => {
    const { engine } = service({ DOCKER_HOST: testDockerHost(), LIGHTDOCK_ENGINE: 'docker' });
    const a = (await docker('run', '-d', '--label', label, '--name', name('bulk-a'), TEST_IMAGE, ...LOOP)).trim();
    const b = (await docker('create', '--label', label, '--name', name('bulk-b'), TEST_IMAGE, ...LOOP)).trim();
    const missing = name('missing');
    const results = await engine.act([a, name('bulk-b'), missing], 'start', {});
    expect(results).toEqual([
      { id: a, ok: true },
      { id: name('bulk-b'), ok: true },
      { id: missing, ok: false, error: { code: 'NOT_FOUND', message: `No such container: ${missing}` } },
    ]);
    const samples = await engine.stats([a, name('bulk-b')]);
    expect(samples.map((s) => s.id).sort()).toEqual([a, b].sort());
    await expect(engine.stats([missing])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await engine.stats()).map((s) => s.id)).toEqual(expect.arrayContaining([a, b]));

    const removed = await engine.act([a, b], 'remove', {});
    expect(removed.map((r) => r.error?.code)).toEqual(['CONFLICT', 'CONFLICT']);
    expect(await engine.act([a, b], 'remove', { force: true })).toEqual([
      { id: a, ok: true },
      { id: b, ok: true },
    ]);
    expect((await engine.list()).map((c) => c.id)).not.toContain(a);
    await expect(engine.inspect(a)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lists images, volumes and networks of the engine', async () => {
    const { engine } = service({ DOCKER_HOST: testDockerHost(), LIGHTDOCK_ENGINE: 'docker' });
    const volume = name('vol');
    await docker('volume', 'create', '--label', label, volume);
    try {
      expect((await engine.images()).some((i) => i.tags.includes(TEST_IMAGE))).toBe(true);
      expect((await engine.volumes()).find((v) => v.name === volume)).toMatchObject({ driver: 'local', labels: { 'lightdock.test.run': run }, inUseBy: [] });
      expect((await engine.networks()).map((n) => n.name)).toEqual(expect.arrayContaining(['bridge', 'host', 'none']));
      expect(await engine.removeVolume(volume, false)).toEqual({ name: volume });
      await expect(engine.removeVolume(volume, false)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await docker('volume', 'rm', '-f', volume);
    }
  });

  it('says plainly when Docker is not running, and auto mode falls back to the simulated engine', async () => {
    const down = `unix://${path.join(temp.dir, 'nothing.sock')}`;
    const { engine, sink } = service({ DOCKER_HOST: down, LIGHTDOCK_ENGINE: 'docker' });
    const status = await engine.status();
    expect(status).toMatchObject({ kind: 'docker', state: 'unreachable', endpoint: down, message: `Docker is not running at ${down}; start it or pick another context.` });
    expect(pushed<EngineStatus>(sink, 'engine:status-changed').at(-1)?.state).toBe('unreachable');
    await expect(engine.list()).rejects.toMatchObject({ code: 'UNAVAILABLE', message: status.message });
    expect((await engine.act(['web'], 'stop', {}))[0]).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });

    const auto = service({ DOCKER_HOST: down }).engine;
    expect(await auto.status()).toMatchObject({ kind: 'simulated', state: 'connected' });
    expect((await auto.current()).kind).toBe('simulated');
    const real = service({ DOCKER_HOST: testDockerHost() }).engine;
    expect((await real.status()).kind).toBe('docker');
  });

  it('lists the Docker contexts and switches to one, rewriting config.json like `docker context use`', async () => {
    const configDir = path.join(temp.dir, 'docker-config');
    const metaDir = path.join(configDir, 'contexts', 'meta', contextDirName('it-engine'));
    fs.mkdirSync(metaDir, { recursive: true });
    fs.writeFileSync(path.join(metaDir, 'meta.json'), JSON.stringify({ Name: 'it-engine', Metadata: { Description: 'private test engine' }, Endpoints: { docker: { Host: testDockerHost() } } }));
    fs.writeFileSync(path.join(configDir, 'config.json'), JSON.stringify({ auths: {} }));
    const { engine, sink } = service({ DOCKER_CONFIG: configDir, LIGHTDOCK_ENGINE: 'docker' }, new RecordingEventSink());
    expect((await engine.contexts()).map((c) => [c.name, c.current])).toEqual([
      ['default', true],
      ['it-engine', false],
    ]);
    engine.watch();
    const status = await engine.useContext('it-engine');
    expect(status).toMatchObject({ kind: 'docker', state: 'connected', endpoint: testDockerHost(), context: 'it-engine' });
    expect(JSON.parse(fs.readFileSync(path.join(configDir, 'config.json'), 'utf8'))).toEqual({ auths: {}, currentContext: 'it-engine' });
    expect((await engine.contexts()).find((c) => c.current)?.name).toBe('it-engine');
    await eventually(() => expect(pushed<EngineStatus>(sink, 'engine:status-changed').at(-1)).toMatchObject({ state: 'connected', context: 'it-engine' }));
    await expect(engine.useContext('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
