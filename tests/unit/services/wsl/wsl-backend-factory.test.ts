import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../../electron/services/errors';
import { silentLogger, systemClock } from '../../../../electron/services/ports';
import { Settings } from '../../../../electron/services/settings/settings';
import { SIMULATED_HOST_FILE } from '../../../../electron/services/wsl/simulated/simulated-wsl-backend';
import { planWslBackend } from '../../../../electron/services/wsl/wsl-backend-factory';
import { makeTempDir } from '../../../helpers/temp-dir';

const temps: ReturnType<typeof makeTempDir>[] = [];

function options(env: NodeJS.ProcessEnv, settings: unknown = {}, platform: NodeJS.Platform = 'linux') {
  const temp = makeTempDir();
  temps.push(temp);
  return { env, platform, settings: Settings.parse(settings), dataDir: path.join(temp.dir, 'data'), clock: systemClock, logger: silentLogger };
}

afterEach(() => {
  for (const temp of temps.splice(0)) temp.cleanup();
});

describe('planWslBackend', () => {
  it('defaults to cli on Windows and simulated elsewhere', () => {
    expect(planWslBackend(options({}, {}, 'win32')).choice.kind).toBe('cli');
    expect(planWslBackend(options({}, {}, 'linux')).choice.kind).toBe('simulated');
    expect(planWslBackend(options({}, {}, 'darwin')).choice.kind).toBe('simulated');
  });

  it('takes the setting over the platform default, and the environment over the setting', () => {
    expect(planWslBackend(options({}, { wsl: { backend: 'simulated' } }, 'win32')).choice.kind).toBe('simulated');
    expect(planWslBackend(options({ LIGHTDOCK_WSL_BACKEND: 'cli' }, { wsl: { backend: 'simulated' } }, 'linux')).choice.kind).toBe('cli');
  });

  it('builds wsl.exe with the EngineHost that starts Docker in its distro, without running anything', () => {
    const { backend, scenario, engineHost } = planWslBackend(options({ LIGHTDOCK_WSL_BACKEND: 'cli', LIGHTDOCK_WSL_EXE: '/nonexistent/wsl.exe' })).build();
    expect(backend.kind).toBe('cli');
    expect(scenario).toBeNull();
    expect(engineHost).toBeDefined();
  });

  it('builds the simulated host seeded from the scenario asked for, with no EngineHost', async () => {
    const from = options({ LIGHTDOCK_SCENARIO: 'empty' }, { wsl: { backend: 'simulated', scenario: 'ready' } });
    const { backend, scenario, engineHost } = planWslBackend(from).build();
    expect(backend.kind).toBe('simulated');
    expect(scenario).toBe('empty');
    expect(engineHost).toBeUndefined();
    expect(await backend.listDistros()).toEqual([]);
  });

  it('refuses an unknown value with a sentence naming the variable and the accepted values, and builds nothing', () => {
    const from = options({ LIGHTDOCK_WSL_BACKEND: 'hyperv' });
    let caught: unknown;
    try {
      planWslBackend(from);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ServiceError);
    expect((caught as ServiceError).code).toBe('VALIDATION');
    expect((caught as ServiceError).message).toBe('LIGHTDOCK_WSL_BACKEND must be "cli" or "simulated", not "hyperv".');
    expect(fs.existsSync(path.join(from.dataDir, SIMULATED_HOST_FILE))).toBe(false);
  });
});
