import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS, RENDERER_READY_CHANNEL } from '../../../../shared/ipc/channels';
import type { Services } from '../../../../electron/hosts/common/compose-services';
import type { InvokeDispatcher } from '../../../../electron/hosts/common/invoke-dispatcher';
import { registerInvokeHandlers } from '../../../../electron/main/ipc/register-invoke-handlers';
import { TrustedSenderRegistry, isTrustedSender } from '../../../../electron/main/security/trusted-senders';
import { composeTestServices } from '../../../helpers/compose-test-services';
import type { RecordingLogger } from '../../../helpers/recording';
import { makeTempDir } from '../../../helpers/temp-dir';
import { FakeContents, FakeIpcMain, senderEvent } from '../fake-electron';

const trusted = senderEvent(1, 'app://bundle/index.html');

let temp: ReturnType<typeof makeTempDir>;
let services: Services;
let logger: RecordingLogger;
let ipcMain: FakeIpcMain;
let dispatched: unknown[][];
let readySenders: number[];
let dispose: () => void;

beforeEach(() => {
  temp = makeTempDir();
  let dispatch: InvokeDispatcher;
  ({ services, dispatch, logger } = composeTestServices(temp.dir));
  const registry = new TrustedSenderRegistry();
  registry.add(new FakeContents(1));
  ipcMain = new FakeIpcMain();
  dispatched = [];
  readySenders = [];
  dispose = registerInvokeHandlers({
    ipcMain,
    dispatch: (channel, request, client) => {
      dispatched.push([channel, request]);
      expect(client.id).toMatch(/^window-\d+$/);
      return dispatch(channel, request, client);
    },
    isTrustedSender: (event) => isTrustedSender(event, registry),
    onRendererReady: (id) => readySenders.push(id),
    logger,
  });
});
afterEach(() => {
  services.dispose();
  temp.cleanup();
});

describe('registerInvokeHandlers', () => {
  it('binds exactly the contract channels and nothing else', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(ipcMain.handlers.has('evil:channel')).toBe(false);
    expect(ipcMain.handlers.has(RENDERER_READY_CHANNEL)).toBe(false);
    expect(ipcMain.listenerCount(RENDERER_READY_CHANNEL)).toBe(1);
  });

  it('lets a valid call from the app window reach the service', async () => {
    const result = await ipcMain.invoke('distros:start', trusted, { name: 'Debian' });
    expect(result).toEqual({ ok: true, value: { name: 'Debian', state: 'Running', version: 2, isDefault: false } });
    expect((await services.wsl.list()).find((d) => d.name === 'Debian')?.state).toBe('Running');
  });

  it('answers list and info calls with the contract shapes', async () => {
    expect(await ipcMain.invoke('distros:list', trusted, {})).toMatchObject({ ok: true, value: expect.arrayContaining([expect.objectContaining({ name: 'Ubuntu-24.04' })]) });
    expect(await ipcMain.invoke('app:info', trusted)).toMatchObject({ ok: true, value: { backend: 'simulated', simulated: true } });
  });

  it.each([
    ['a null sender frame', senderEvent(1, null)],
    ['a sub-frame', senderEvent(1, 'app://bundle/index.html', { url: 'app://bundle/index.html' })],
    ['a foreign origin', senderEvent(1, 'https://example.com/')],
    ['an unknown web contents', senderEvent(99, 'app://bundle/index.html')],
  ])('refuses %s with UNTRUSTED_SENDER and never calls the service', async (_label, event) => {
    const start = vi.spyOn(services.wsl, 'start');
    const result = await ipcMain.invoke('distros:start', event, { name: 'Debian' });
    expect(result).toEqual({ ok: false, error: { code: 'UNTRUSTED_SENDER', message: expect.stringContaining('distros:start') } });
    expect(dispatched).toEqual([]);
    expect(start).not.toHaveBeenCalled();
    expect((await services.wsl.list()).find((d) => d.name === 'Debian')?.state).toBe('Stopped');
    expect(logger.lines).toContainEqual({ level: 'warn', message: expect.stringContaining('untrusted sender') });
  });

  it('checks the sender before validating: an untrusted, invalid request is still UNTRUSTED_SENDER', async () => {
    const result = await ipcMain.invoke('distros:start', senderEvent(1, 'https://example.com/'), { name: 'x;rm -rf /' });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
  });

  it.each([{ name: 'a b' }, { name: 'x;rm -rf /' }, { name: '$(reboot)' }, { name: 7 }, {}, 'Debian', { name: 'Debian', extra: true }])(
    'refuses the request %j with VALIDATION before any service code runs',
    async (request) => {
      const start = vi.spyOn(services.wsl, 'start');
      const result = await ipcMain.invoke('distros:start', trusted, request);
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(start).not.toHaveBeenCalled();
    },
  );

  it('passes service errors through as data', async () => {
    expect(await ipcMain.invoke('distros:terminate', trusted, { name: 'Fedora' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('forwards the ready signal of a trusted window and ignores an untrusted one', () => {
    ipcMain.send(RENDERER_READY_CHANNEL, senderEvent(99, 'app://bundle/index.html'));
    ipcMain.send(RENDERER_READY_CHANNEL, senderEvent(1, 'https://example.com/'));
    expect(readySenders).toEqual([]);
    ipcMain.send(RENDERER_READY_CHANNEL, trusted);
    expect(readySenders).toEqual([1]);
  });

  it('unbinds every channel and the ready signal when disposed', () => {
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
    expect(ipcMain.listenerCount(RENDERER_READY_CHANNEL)).toBe(0);
  });
});
