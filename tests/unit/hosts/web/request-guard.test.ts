import { describe, expect, it } from 'vitest';
import { allowedHosts, checkRequest, fileNeedsToken, presentedToken, sameToken } from '../../../../electron/hosts/web/request-guard';
import { resolveStaticPath } from '../../../../electron/hosts/web/static-files';
import { parsePort } from '../../../../electron/hosts/web/parse-port';

const policy = { token: 'secret-token', port: 47821 };
const url = (path: string): URL => new URL(path, 'http://127.0.0.1');

const TOKEN_ONLY = { origin: false, token: true };
const ORIGIN_AND_TOKEN = { origin: true, token: true };
const HOST_ONLY = { origin: false, token: false };
const ours = { host: '127.0.0.1:47821' };

describe('checkRequest', () => {
  it('lets through exactly the token in the query, on a loopback Host', () => {
    expect(checkRequest(url('/?token=secret-token'), { host: '127.0.0.1:47821' }, policy, TOKEN_ONLY)).toBeNull();
    expect(checkRequest(url('/?token=secret-token'), { host: 'localhost:47821' }, policy, TOKEN_ONLY)).toBeNull();
  });

  it.each([
    ['no token', '/'],
    ['a wrong token of the same length', '/?token=secret-tokex'],
    ['an empty token', '/?token='],
    ['a bare token parameter', '/?token'],
    ['a prefix of the token', '/?token=secret-toke'],
    ['a one-character prefix', '/?token=s'],
    ['the token with extra characters', '/?token=secret-token1'],
    ['the token doubled', '/?token=secret-tokensecret-token'],
    ['the token under another name', '/?tok=secret-token'],
    ['the token in the path', '/secret-token'],
  ])('refuses %s with 403', (_what, path) => {
    expect(checkRequest(url(path), ours, policy, TOKEN_ONLY)).toEqual({ status: 403, reason: 'Missing or wrong token' });
  });

  it.each([
    ['the right token', 'a=b; lightdock_token=secret-token'],
    ['an empty value', 'lightdock_token='],
    ['the token under the query name', 'token=secret-token'],
  ])('never reads a cookie: refuses %s in a cookie', (_what, cookie) => {
    expect(checkRequest(url('/'), { ...ours, cookie }, policy, TOKEN_ONLY)?.status).toBe(403);
  });

  it('refuses the query token when the policy token is empty only if they differ', () => {
    expect(checkRequest(url('/?token='), ours, { ...policy, token: '' }, TOKEN_ONLY)).toBeNull();
    expect(checkRequest(url('/?token=x'), ours, { ...policy, token: '' }, TOKEN_ONLY)?.status).toBe(403);
  });

  it.each([
    ['no Host', {}],
    ['a foreign Host (DNS rebinding)', { host: 'evil.example:47821' }],
    ['another port in Host', { host: '127.0.0.1:1' }],
    ['Host without a port', { host: '127.0.0.1' }],
    ['a Host that only starts with ours', { host: '127.0.0.1:47821.evil' }],
    ['a Host that only ends with ours', { host: 'evil127.0.0.1:47821' }],
  ])('refuses %s with 421, whatever else is right', (_what, headers: Record<string, string>) => {
    expect(checkRequest(url('/?token=secret-token'), headers, policy, TOKEN_ONLY)).toEqual({ status: 421, reason: 'Unexpected Host header' });
    expect(checkRequest(url('/?token=secret-token'), headers, policy, HOST_ONLY)?.status).toBe(421);
  });

  it.each([
    'http://evil.example',
    'http://127.0.0.1:47821.evil',
    'http://127.0.0.1:478210',
    'http://127.0.0.1:47821/',
    'http://127.0.0.1:4782',
    'https://127.0.0.1:47821',
    'http://localhost:47821.evil.example',
    'xhttp://127.0.0.1:47821',
    'null',
    '',
  ])('refuses the Origin %j even with the token', (origin) => {
    const refused = { status: 403, reason: 'Cross-origin request refused' };
    expect(checkRequest(url('/?token=secret-token'), { ...ours, origin }, policy, TOKEN_ONLY)).toEqual(refused);
    expect(checkRequest(url('/?token=secret-token'), { ...ours, origin }, policy, ORIGIN_AND_TOKEN)).toEqual(refused);
    expect(checkRequest(url('/'), { ...ours, origin }, policy, HOST_ONLY)).toEqual(refused);
  });

  it('requires our exact Origin when asked (WebSocket upgrades)', () => {
    expect(checkRequest(url('/ipc?token=secret-token'), ours, policy, ORIGIN_AND_TOKEN)).toEqual({ status: 403, reason: 'Cross-origin request refused' });
    expect(checkRequest(url('/ipc?token=secret-token'), { ...ours, origin: 'http://127.0.0.1:47821' }, policy, ORIGIN_AND_TOKEN)).toBeNull();
    expect(checkRequest(url('/ipc?token=secret-token'), { ...ours, origin: 'http://localhost:47821' }, policy, ORIGIN_AND_TOKEN)).toBeNull();
    expect(checkRequest(url('/ipc?token=secret-toke'), { ...ours, origin: 'http://127.0.0.1:47821' }, policy, ORIGIN_AND_TOKEN)?.status).toBe(403);
  });

  it('passes a request without the token when the token is not needed (static files), Host still checked', () => {
    expect(checkRequest(url('/assets/x.js'), ours, policy, HOST_ONLY)).toBeNull();
    expect(checkRequest(url('/assets/x.js'), { ...ours, origin: 'http://127.0.0.1:47821' }, policy, HOST_ONLY)).toBeNull();
  });
});

describe('sameToken', () => {
  it('is true only for the same string', () => {
    expect(sameToken('secret-token', 'secret-token')).toBe(true);
    expect(sameToken(undefined, 'secret-token')).toBe(false);
    expect(sameToken('', 'secret-token')).toBe(false);
    expect(sameToken('secret-toke', 'secret-token')).toBe(false);
    expect(sameToken('secret-token!', 'secret-token')).toBe(false);
    expect(sameToken('secret-tokeN', 'secret-token')).toBe(false);
    expect(sameToken('é', 'xx')).toBe(false);
  });
});

describe('presentedToken and fileNeedsToken', () => {
  it('reads the query only', () => {
    expect(presentedToken(url('/?token=abc&token=def'))).toBe('abc');
    expect(presentedToken(url('/?token='))).toBe('');
    expect(presentedToken(url('/'))).toBeUndefined();
  });

  it('needs the token for HTML documents only', () => {
    expect(fileNeedsToken('text/html; charset=utf-8')).toBe(true);
    expect(fileNeedsToken('text/javascript; charset=utf-8')).toBe(false);
    expect(fileNeedsToken('text/css; charset=utf-8')).toBe(false);
    expect(fileNeedsToken('application/octet-stream')).toBe(false);
  });

  it('lists the two loopback names with our port', () => {
    expect(allowedHosts(5)).toEqual(['127.0.0.1:5', 'localhost:5']);
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
