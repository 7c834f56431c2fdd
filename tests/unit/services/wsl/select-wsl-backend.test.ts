import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../../electron/services/errors';
import { Settings } from '../../../../electron/services/settings/settings';
import { selectWslBackend } from '../../../../electron/services/wsl/select-wsl-backend';

const defaults = Settings.parse({});

describe('selectWslBackend', () => {
  it('defaults to cli on Windows and simulated elsewhere', () => {
    expect(selectWslBackend({}, defaults, 'win32').kind).toBe('cli');
    expect(selectWslBackend({}, defaults, 'linux').kind).toBe('simulated');
    expect(selectWslBackend({}, defaults, 'darwin').kind).toBe('simulated');
  });

  it('lets settings override the platform default, and the environment override settings', () => {
    const settings = Settings.parse({ wsl: { backend: 'simulated', scenario: 'empty' } });
    expect(selectWslBackend({}, settings, 'win32')).toEqual({ kind: 'simulated', scenario: 'empty', scenarioExplicit: false });
    expect(selectWslBackend({ LIGHTDOCK_WSL_BACKEND: 'cli', LIGHTDOCK_SCENARIO: 'ready' }, settings, 'linux')).toEqual({
      kind: 'cli',
      scenario: 'ready',
      scenarioExplicit: true,
    });
  });

  it.each([
    [{ LIGHTDOCK_WSL_BACKEND: 'hyperv' }, 'LIGHTDOCK_WSL_BACKEND'],
    [{ LIGHTDOCK_SCENARIO: 'chaos' }, 'LIGHTDOCK_SCENARIO'],
  ])('refuses %j with a message naming the variable', (env, variable) => {
    let caught: unknown;
    try {
      selectWslBackend(env, defaults, 'linux');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ServiceError);
    expect((caught as ServiceError).code).toBe('VALIDATION');
    expect((caught as ServiceError).message).toContain(variable);
  });
});
