import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../../electron/hosts/common/compose-services';
import { createInvokeDispatcher, type InvokeDispatcher } from '../../../../electron/hosts/common/invoke-dispatcher';
import { createInvokeHandlers, type InvokeHandlers } from '../../../../electron/hosts/common/invoke-handlers';
import { ServiceError } from '../../../../electron/services/errors';
import type { Logger } from '../../../../electron/services/ports';
import { RecordingLogger } from '../../../helpers/recording';
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
      value: { backend: 'simulated', simulated: true, scenario: 'ready', platform: 'linux', appVersion: '0.1.0', canPickPaths: false },
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

  it.each(['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'])(
    'answers UNKNOWN_CHANNEL for the prototype name %s, which is no channel',
    async (name) => {
      const result = await dispatch(name, {}, client);
      expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `There is no channel named ${JSON.stringify(name)}.` } });
    },
  );

  it.each([
    ['a number', 7],
    ['null', null],
    ['an object whose toString throws', { toString: (): string => { throw new Error('boom'); } }],
    ['a symbol', Symbol('app:info')],
  ])('answers UNKNOWN_CHANNEL for a channel that is %s, without running its code', async (_what, channel) => {
    const result = await dispatch(channel, {}, client);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it.each([
    [7, 'number'],
    [null, 'null'],
    [undefined, 'undefined'],
    [{ channel: 'app:info' }, 'object'],
    [Symbol('app:info'), 'symbol'],
  ])('names a non-string channel %s only by its type', async (channel, type) => {
    expect(await dispatch(channel, {}, client)).toStrictEqual({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', message: `There is no channel named of type ${type}.` },
    });
  });

  it('says which field is invalid, with its path, and carries the issues as details', async () => {
    const field = await dispatch('distros:start', { name: 'Ubuntu 24.04' }, client);
    if (field.ok) throw new Error('expected a VALIDATION error');
    const issues = field.error.details as { path: unknown[]; message: string }[];
    expect(issues[0]?.path).toEqual(['name']);
    expect(field.error.message).toBe(`Invalid request for distros:start (name): ${issues[0]?.message ?? ''}`);
    expect(issues[0]?.message.length).toBeGreaterThan(0);

    const nested = await dispatch('containers:act', { ids: ['web', 'a/b'], action: 'stop' }, client);
    if (nested.ok) throw new Error('expected a VALIDATION error');
    expect(nested.error.message).toBe(
      'Invalid request for containers:act (ids.1): A container is named by its id or by a name of letters, digits, "_", "." and "-".',
    );

    const whole = await dispatch('distros:start', 'Debian', client);
    if (whole.ok) throw new Error('expected a VALIDATION error');
    expect((whole.error.details as { path: unknown[] }[])[0]?.path).toEqual([]);
    expect(whole.error.message).toMatch(/^Invalid request for distros:start: \S/);
    expect(whole.error.message).not.toMatch(/: invalid$/);
  });
});

/** A dispatcher over the real handlers with `app:info` replaced, and a logger that keeps what it is given. */
function dispatcherWith(appInfo: () => unknown, logger: Logger = new RecordingLogger()): InvokeDispatcher {
  const handlers = { ...createInvokeHandlers(services), 'app:info': appInfo } as unknown as InvokeHandlers;
  return createInvokeDispatcher(handlers, logger);
}

describe('the invoke dispatcher when a handler fails', () => {
  it('answers INTERNAL without the thrown text for a plain Error, and logs it', async () => {
    const logger = new RecordingLogger();
    const result = await dispatcherWith(() => Promise.reject(new Error('secret path /x')), logger)('app:info', {}, client);
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'app:info failed unexpectedly; the log has the details.' } });
    expect(JSON.stringify(result)).not.toMatch(/secret|\/x/);
    expect(logger.lines).toEqual([{ level: 'error', message: 'app:info failed' }]);
  });

  it('answers INTERNAL for a handler that throws synchronously, and for a thrown non-Error', async () => {
    const sync = await dispatcherWith(() => {
      throw new TypeError('secret path /x');
    })('app:info', {}, client);
    expect(sync).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(sync)).not.toMatch(/secret/);
    const thrownString = await dispatcherWith(() => Promise.reject('secret path /x'))('app:info', {}, client);
    expect(thrownString).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(thrownString)).not.toMatch(/secret/);
  });

  it('keeps the code and sentence of a ServiceError, and does not log it', async () => {
    const logger = new RecordingLogger();
    const result = await dispatcherWith(() => Promise.reject(new ServiceError('NOT_FOUND', 'No such container: web')), logger)('app:info', {}, client);
    expect(result).toStrictEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No such container: web' } });
    expect(logger.lines).toEqual([]);
  });

  it('keeps the details of a ServiceError that has them', async () => {
    const result = await dispatcherWith(() => Promise.reject(new ServiceError('CONFLICT', 'busy', { statusCode: 409 })))('app:info', {}, client);
    expect(result).toStrictEqual({ ok: false, error: { code: 'CONFLICT', message: 'busy', details: { statusCode: 409 } } });
  });

  it('still answers when the logger itself throws', async () => {
    const failingLogger: Logger = {
      info: () => undefined,
      warn: () => undefined,
      error: () => {
        throw new Error('disk full');
      },
    };
    const result = await dispatcherWith(() => Promise.reject(new Error('secret')), failingLogger)('app:info', {}, client);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('answers with an error, not a rejection, for a request whose properties throw when read', async () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('secret getter');
        },
        ownKeys: () => {
          throw new Error('secret keys');
        },
        getPrototypeOf: () => {
          throw new Error('secret prototype');
        },
      },
    );
    const result = await dispatch('distros:start', hostile, client);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toMatch(/secret/);
  });
});

