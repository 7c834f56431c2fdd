import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineService } from '../../../electron/services/docker/engine-service';
import { silentLogger, systemClock } from '../../../electron/services/ports';
import { Settings } from '../../../electron/services/settings/settings';
import { testDockerHost } from '../../helpers/docker-engine';
import { RecordingEventSink } from '../../helpers/recording';
import { runLightdock } from '../../helpers/run-cli';
import { rejection } from '../../helpers/service-error';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let engine: EngineService;
let sink: RecordingEventSink;

beforeAll(() => {
  temp = makeTempDir();
  sink = new RecordingEventSink();
  engine = new EngineService({
    env: { DOCKER_HOST: testDockerHost(), LIGHTDOCK_ENGINE: 'docker' },
    platform: process.platform,
    homeDir: temp.dir,
    dataDir: path.join(temp.dir, 'data'),
    settings: Settings.parse({}),
    clock: systemClock,
    logger: silentLogger,
    events: sink,
  });
});
afterAll(() => {
  engine.dispose();
  temp.cleanup();
});

describe('engine start/stop against the private test dockerd (an engine Lightdock did not start)', () => {
  const reason = (): string => `Lightdock did not start the Docker engine at ${testDockerHost()}, so it cannot start or stop it; use the tool that runs it.`;

  it('reports it running and not manageable, with the reason in one sentence', async () => {
    expect(await engine.lifecycle()).toMatchObject({ state: 'running', manageable: false, reason: reason(), message: null });
  });

  it('refuses stop and start with that sentence and changes nothing: the engine still answers', async () => {
    for (const attempt of [engine.stopEngine(), engine.startEngine()]) {
      const error = await rejection(attempt);
      expect([error.code, error.message]).toEqual(['CONFLICT', reason()]);
    }
    expect((await engine.status()).state).toBe('connected');
    const states = sink.events.filter((e) => e.channel === 'engine:lifecycle-changed').map((e) => (e.payload as { state: string }).state);
    expect(states).toEqual(['running']);
  });

  it('`lightdock engine stop` prints the sentence and exits 1', async () => {
    const { code, stderr } = await runLightdock(['engine', 'stop'], {
      PATH: process.env['PATH'],
      HOME: temp.dir,
      LIGHTDOCK_DATA_DIR: path.join(temp.dir, 'cli'),
      LIGHTDOCK_WSL_BACKEND: 'simulated',
      LIGHTDOCK_ENGINE: 'docker',
      DOCKER_HOST: testDockerHost(),
    });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(`lightdock: ${reason()}`);
  });
});
