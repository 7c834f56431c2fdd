import type { Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { decidePermission, installPermissionHandlers } from '../../../../electron/main/security/permissions';
import { RecordingLogger } from '../../../helpers/recording';

describe('decidePermission', () => {
  it.each([
    ['app://bundle', 'clipboard-sanitized-write', true],
    ['app://bundle/index.html', 'clipboard-sanitized-write', true],
    ['app://bundle', 'media', false],
    ['app://bundle', 'geolocation', false],
    ['app://bundle', 'notifications', false],
    ['app://bundle', 'openExternal', false],
    ['app://bundle', 'clipboard-read', false],
    ['app://bundle', 'hid', false],
    ['app://bundle', 'usb', false],
    ['app://bundle', 'serial', false],
    ['app://bundle', 'fileSystem', false],
    ['app://bundle', 'display-capture', false],
    ['app://bundle', 'unknown', false],
    ['https://example.com', 'clipboard-sanitized-write', false],
    ['https://app.bundle.attacker.com', 'clipboard-sanitized-write', false],
    ['app://other', 'clipboard-sanitized-write', false],
    ['file:///etc/passwd', 'clipboard-sanitized-write', false],
    ['', 'clipboard-sanitized-write', false],
    ['null', 'clipboard-sanitized-write', false],
  ])('%j asking for %s → %s', (origin, permission, granted) => {
    expect(decidePermission(origin, permission)).toBe(granted);
  });

  it('denies when either argument is not a string', () => {
    expect(decidePermission(undefined, 'media')).toBe(false);
    expect(decidePermission('app://bundle', undefined)).toBe(false);
  });
});

describe('installPermissionHandlers', () => {
  type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl: string }) => void;
  type CheckHandler = (contents: unknown, permission: string, origin: string) => boolean;

  function install() {
    const installed: { request?: RequestHandler; check?: CheckHandler; device?: () => boolean } = {};
    const session = {
      setPermissionRequestHandler: (h: RequestHandler) => (installed.request = h),
      setPermissionCheckHandler: (h: CheckHandler) => (installed.check = h),
      setDevicePermissionHandler: (h: () => boolean) => (installed.device = h),
    };
    const logger = new RecordingLogger();
    installPermissionHandlers(session as unknown as Session, logger);
    return { installed, logger };
  }

  it('answers requests, checks and device requests through the deny-by-default policy', () => {
    const { installed, logger } = install();
    const answers: boolean[] = [];
    installed.request?.(null, 'media', (g) => answers.push(g), { requestingUrl: 'app://bundle/index.html' });
    installed.request?.(null, 'clipboard-sanitized-write', (g) => answers.push(g), { requestingUrl: 'app://bundle/index.html' });
    expect(answers).toEqual([false, true]);
    expect(logger.lines).toEqual([{ level: 'warn', message: expect.stringContaining('"media"') }]);
    expect(installed.check?.(null, 'geolocation', 'app://bundle')).toBe(false);
    expect(installed.check?.(null, 'clipboard-sanitized-write', 'https://example.com')).toBe(false);
    expect(installed.device?.()).toBe(false);
  });
});
