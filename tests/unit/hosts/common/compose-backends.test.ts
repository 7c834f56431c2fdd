import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { composeServices, type Services } from '../../../../electron/hosts/common/compose-services';
import { silentLogger, systemClock } from '../../../../electron/services/ports';
import { SETTINGS_NAME } from '../../../../electron/services/settings/settings';
import { SIMULATED_HOST_FILE } from '../../../../electron/services/wsl/simulated/simulated-wsl-backend';
import { makeTempDir } from '../../../helpers/temp-dir';

const temps: ReturnType<typeof makeTempDir>[] = [];
const opened: Services[] = [];

function compose(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, settings?: unknown): { dataDir: string; open: () => Services } {
  const temp = makeTempDir();
  temps.push(temp);
  if (settings !== undefined) fs.writeFileSync(path.join(temp.dir, `${SETTINGS_NAME}.json`), JSON.stringify(settings));
  const open = (): Services => {
    const services = composeServices({
      env: { LIGHTDOCK_DATA_DIR: temp.dir, ...env },
      platform,
      homeDir: temp.dir,
      clock: systemClock,
      logger: silentLogger,
      openSettingsStore: (dir, name) => new Conf<Record<string, unknown>>({ cwd: dir, configName: name }),
    });
    opened.push(services);
    return services;
  };
  return { dataDir: temp.dir, open };
}

afterEach(() => {
  for (const services of opened.splice(0)) services.dispose();
  for (const temp of temps.splice(0)) temp.cleanup();
});

describe('composeServices and the backend factories', () => {
  it('reads both backends from settings over the platform default', async () => {
    const { dataDir, open } = compose({}, 'win32', { wsl: { backend: 'simulated', scenario: 'empty' }, engine: { kind: 'simulated' } });
    const services = open();
    expect(fs.existsSync(path.join(dataDir, SIMULATED_HOST_FILE))).toBe(true);
    expect(services.hostInfo.backend).toBe('simulated');
    expect(services.hostInfo.scenario).toBe('empty');
    expect((await services.engine.status()).kind).toBe('simulated');
  });

  it('reads both backends from the environment over settings', async () => {
    const { open } = compose({ LIGHTDOCK_WSL_BACKEND: 'simulated', LIGHTDOCK_ENGINE: 'simulated' }, 'linux', { wsl: { backend: 'cli' }, engine: { kind: 'docker' } });
    const services = open();
    expect(services.hostInfo.backend).toBe('simulated');
    expect((await services.engine.status()).kind).toBe('simulated');
  });

  it.each([
    [{ LIGHTDOCK_WSL_BACKEND: 'simulated', LIGHTDOCK_ENGINE: 'podman' }, 'LIGHTDOCK_ENGINE must be "auto", "docker" or "simulated", not "podman".'],
    [{ LIGHTDOCK_WSL_BACKEND: 'hyperv', LIGHTDOCK_ENGINE: 'simulated' }, 'LIGHTDOCK_WSL_BACKEND must be "cli" or "simulated", not "hyperv".'],
  ])('refuses %j in one sentence before building either backend', (env, message) => {
    const { dataDir, open } = compose(env, 'linux');
    expect(open).toThrow(message);
    expect(fs.existsSync(path.join(dataDir, SIMULATED_HOST_FILE))).toBe(false);
  });
});
