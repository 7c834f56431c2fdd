import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../../electron/hosts/common/compose-services';
import type { InvokeDispatcher } from '../../../../electron/hosts/common/invoke-dispatcher';
import { composeTestServices } from '../../../helpers/compose-test-services';
import { makeTempDir } from '../../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let services: Services;
let dispatch: InvokeDispatcher;
const client = { id: 'test' };

beforeEach(() => {
  temp = makeTempDir();
  ({ services, dispatch } = composeTestServices(temp.dir));
});
afterEach(() => {
  services.dispose();
  temp.cleanup();
});

describe('the invoke dispatcher every host shares', () => {
  it('answers app:info with the simulated label', async () => {
    expect(await dispatch('app:info', {}, client)).toEqual({
      ok: true,
      value: { backend: 'simulated', simulated: true, scenario: 'ready', platform: 'linux', appVersion: '0.1.0' },
    });
  });

  it('refuses an unknown channel', async () => {
    const result = await dispatch('distros:format-c', {}, client);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it.each([
    ['a name with a space', { name: 'Ubuntu 24.04' }],
    ['a shell metacharacter', { name: 'Debian;reboot' }],
    ['the wrong type', { name: 7 }],
    ['a missing field', {}],
    ['not an object', 'Debian'],
  ])('refuses %s with VALIDATION before any service code runs', async (_what, request) => {
    const before = await services.wsl.list();
    const result = await dispatch('distros:start', request, client);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!result.ok) expect(result.error.message).toMatch(/^Invalid request for distros:start/);
    expect(await services.wsl.list()).toEqual(before);
  });

  it('passes service errors through with their code', async () => {
    const result = await dispatch('distros:terminate', { name: 'Fedora' }, client);
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('runs a valid call and returns the new row', async () => {
    expect(await dispatch('distros:start', { name: 'Debian' }, client)).toEqual({
      ok: true,
      value: { name: 'Debian', state: 'Running', version: 2, isDefault: false },
    });
  });

  it('summarises the host for lightdock status', async () => {
    await dispatch('distros:start', { name: 'Debian' }, client);
    const result = await dispatch('app:status', {}, client);
    expect(result).toMatchObject({
      ok: true,
      value: { vm: { state: 'Running', runningDistros: 1 }, distros: { total: 3, running: 1, defaultDistro: 'Ubuntu-24.04' } },
    });
  });
});
