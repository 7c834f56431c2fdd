import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { composeServices, type PickPathRequest, type Services } from '../../../../electron/hosts/common/compose-services';
import { createInvokeDispatcher } from '../../../../electron/hosts/common/invoke-dispatcher';
import { createInvokeHandlers } from '../../../../electron/hosts/common/invoke-handlers';
import type { HostInfo } from '../../../../shared/model/host';
import { systemClock } from '../../../../electron/services/ports';
import { RecordingLogger } from '../../../helpers/recording';
import { makeTempDir } from '../../../helpers/temp-dir';

const opened: { services: Services; cleanup: () => void }[] = [];

function open(pickPath?: (request: PickPathRequest) => Promise<string | null>) {
  const temp = makeTempDir();
  const logger = new RecordingLogger();
  const services = composeServices({
    env: { LIGHTDOCK_DATA_DIR: temp.dir, LIGHTDOCK_WSL_BACKEND: 'simulated', LIGHTDOCK_ENGINE: 'simulated' },
    platform: 'linux',
    clock: systemClock,
    logger,
    openSettingsStore: (dir, name) => new Conf<Record<string, unknown>>({ cwd: dir, configName: name }),
    ...(pickPath === undefined ? {} : { pickPath }),
  });
  opened.push({ services, cleanup: temp.cleanup });
  return { services, dispatch: createInvokeDispatcher(createInvokeHandlers(services), logger) };
}

afterEach(() => {
  for (const { services, cleanup } of opened.splice(0)) {
    services.dispose();
    cleanup();
  }
});

describe('dialog:pick-path', () => {
  it('is UNAVAILABLE on a host without a picker, which says so in app:info', async () => {
    const { dispatch } = open();
    const info = await dispatch('app:info', {}, { id: 'test' });
    expect(info.ok && (info.value as HostInfo).canPickPaths).toBe(false);
    const answer = await dispatch('dialog:pick-path', { purpose: 'folder', title: 'Context folder' }, { id: 'test' });
    expect(answer).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: 'This host has no file picker; type the path instead.' } });
  });

  it('passes the validated request to the host picker and answers its choice', async () => {
    const asked: PickPathRequest[] = [];
    const { dispatch } = open(async (request) => {
      asked.push(request);
      return '/home/alex/app';
    });
    const info = await dispatch('app:info', {}, { id: 'test' });
    expect(info.ok && (info.value as HostInfo).canPickPaths).toBe(true);
    const answer = await dispatch('dialog:pick-path', { purpose: 'save-file', title: 'Save the tar', defaultPath: '/tmp/x.tar' }, { id: 'test' });
    expect(answer).toEqual({ ok: true, value: { path: '/home/alex/app' } });
    expect(asked).toEqual([{ purpose: 'save-file', title: 'Save the tar', defaultPath: '/tmp/x.tar' }]);
  });

  it('refuses a malformed request before the picker opens', async () => {
    const asked: PickPathRequest[] = [];
    const { dispatch } = open(async (request) => {
      asked.push(request);
      return null;
    });
    const answer = await dispatch('dialog:pick-path', { purpose: 'anything', title: '' }, { id: 'test' });
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.code).toBe('VALIDATION');
    expect(asked).toEqual([]);
  });
});
