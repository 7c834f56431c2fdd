import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planEngineService } from '../../../../electron/services/docker/engine-factory';
import type { EngineService } from '../../../../electron/services/docker/engine-service';
import { ServiceError } from '../../../../electron/services/errors';
import { silentLogger, systemClock } from '../../../../electron/services/ports';
import { Settings } from '../../../../electron/services/settings/settings';
import { RecordingEventSink } from '../../../helpers/recording';
import { makeTempDir } from '../../../helpers/temp-dir';

const temps: ReturnType<typeof makeTempDir>[] = [];
const built: EngineService[] = [];

function options(env: NodeJS.ProcessEnv, settings: unknown = {}, platform: NodeJS.Platform = 'linux') {
  const temp = makeTempDir();
  temps.push(temp);
  const dataDir = path.join(temp.dir, 'data');
  return { env, platform, homeDir: temp.dir, dataDir, settings: Settings.parse(settings), clock: systemClock, logger: silentLogger, events: new RecordingEventSink() };
}

function refusal(run: () => unknown): ServiceError {
  try {
    run();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

afterEach(() => {
  for (const engine of built.splice(0)) engine.dispose();
  for (const temp of temps.splice(0)) temp.cleanup();
});

describe('planEngineService', () => {
  it('defaults to auto on every platform', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) expect(planEngineService(options({}, {}, platform)).kind).toBe('auto');
  });

  it('takes the setting over the platform default, and the environment over the setting', () => {
    expect(planEngineService(options({}, { engine: { kind: 'docker' } })).kind).toBe('docker');
    expect(planEngineService(options({ LIGHTDOCK_ENGINE: 'simulated' }, { engine: { kind: 'docker' } })).kind).toBe('simulated');
    expect(planEngineService(options({ LIGHTDOCK_ENGINE: '' }, { engine: { kind: 'simulated' } })).kind).toBe('simulated');
  });

  it('builds a service that serves the engine it read (the environment beating a docker setting)', async () => {
    const engine = planEngineService(options({ LIGHTDOCK_ENGINE: 'simulated' }, { engine: { kind: 'docker' } })).build();
    built.push(engine);
    const status = await engine.status();
    expect(status.kind).toBe('simulated');
    expect(status.state).toBe('connected');
  });

  it('refuses an unknown value with a sentence naming the variable and the accepted values, before any plan exists', () => {
    const error = refusal(() => planEngineService(options({ LIGHTDOCK_ENGINE: 'podman' })));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('LIGHTDOCK_ENGINE must be "auto", "docker" or "simulated", not "podman".');
  });
});
