import { describe, expect, it } from 'vitest';
import { checkRequest } from '../../../../electron/hosts/web/request-guard';
import { resolveStaticPath } from '../../../../electron/hosts/web/static-files';
import { parsePort } from '../../../../electron/hosts/web/parse-port';

const policy = { token: 'secret-token', port: 47821 };
const url = (path: string): URL => new URL(path, 'http://127.0.0.1');

describe('checkRequest', () => {
  it('lets through the token in the query or the cookie, on a loopback Host', () => {
    expect(checkRequest(url('/?token=secret-token'), { host: '127.0.0.1:47821' }, policy, false)).toBeNull();
    expect(checkRequest(url('/assets/x.js'), { host: 'localhost:47821', cookie: 'a=b; lightdock_token=secret-token' }, policy, false)).toBeNull();
  });

  it.each([
    ['no token', '/', { host: '127.0.0.1:47821' }, 403],
    ['a wrong token', '/?token=guess', { host: '127.0.0.1:47821' }, 403],
    ['a foreign Host (DNS rebinding)', '/?token=secret-token', { host: 'evil.example:47821' }, 421],
    ['another port in Host', '/?token=secret-token', { host: '127.0.0.1:1' }, 421],
    ['a foreign Origin', '/?token=secret-token', { host: '127.0.0.1:47821', origin: 'http://evil.example' }, 403],
  ])('refuses %s', (_what, path, headers, status) => {
    expect(checkRequest(url(path), headers, policy, false)?.status).toBe(status);
  });

  it('requires our Origin when asked (WebSocket upgrades)', () => {
    expect(checkRequest(url('/ipc?token=secret-token'), { host: '127.0.0.1:47821' }, policy, true)?.status).toBe(403);
    expect(checkRequest(url('/ipc?token=secret-token'), { host: '127.0.0.1:47821', origin: 'http://127.0.0.1:47821' }, policy, true)).toBeNull();
  });
});

describe('resolveStaticPath', () => {
  it('serves index.html for / and files inside the folder', () => {
    expect(resolveStaticPath('/', '/srv/r')).toMatchObject({ kind: 'file', filePath: '/srv/r/index.html', contentType: 'text/html; charset=utf-8' });
    expect(resolveStaticPath('/assets/a.js', '/srv/r')).toMatchObject({ kind: 'file', filePath: '/srv/r/assets/a.js' });
  });

  it.each(['/../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fetc', '/%00', '/%E0%A4%A'])('refuses %s', (p) => {
    expect(resolveStaticPath(p, '/srv/r').kind).toBe('bad-path');
  });
});

describe('parsePort', () => {
  it('prefers --port, then LIGHTDOCK_PORT, then the default', () => {
    expect(parsePort([], {}, 47821)).toBe(47821);
    expect(parsePort([], { LIGHTDOCK_PORT: '9000' }, 47821)).toBe(9000);
    expect(parsePort(['--port', '0'], { LIGHTDOCK_PORT: '9000' }, 47821)).toBe(0);
    expect(parsePort(['--port=8123'], {}, 47821)).toBe(8123);
  });

  it.each(['-1', '70000', 'abc', '80; rm'])('refuses %j', (raw) => {
    expect(() => parsePort(['--port', raw], {}, 47821)).toThrow(/whole number/);
  });
});
