import fs from 'node:fs';
import path from 'node:path';
import type { Protocol } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  contentTypeFor,
  registerAppProtocol,
  resolveAppUrl,
  serveAppRequest,
} from '../../../../electron/main/security/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/hosts/common/csp';
import { makeTempDir } from '../../../helpers/temp-dir';

const root = path.resolve('/srv/lightdock/out/renderer');

describe('resolveAppUrl', () => {
  it.each([
    ['app://bundle/index.html', 'index.html'],
    ['app://bundle/', 'index.html'],
    ['app://bundle', 'index.html'],
    ['app://bundle/assets/index-abc123.js', 'assets/index-abc123.js'],
    ['app://bundle/assets/index.js?v=1#x', 'assets/index.js'],
    ['app://bundle/fonts/Roboto%20Regular.woff2', 'fonts/Roboto Regular.woff2'],
  ])('%s → <renderer>/%s', (url, file) => {
    expect(resolveAppUrl(url, root)).toEqual({ ok: true, filePath: path.join(root, file) });
  });

  it.each([
    'app://bundle/../../etc/passwd',
    'app://bundle/assets/../../../etc/passwd',
    'app://bundle/%2e%2e/%2e%2e/etc/passwd',
    'app://bundle/%2E%2E/secret',
    'app://bundle/.%2e/secret',
    'app://bundle/..%2f..%2fetc%2fpasswd',
    'app://bundle/assets%2f..%2f..%2fsecret',
    'app://bundle/..%5c..%5cwindows%5csystem32',
    'app://bundle/..\\..\\windows',
    'app://bundle/index.html%00.png',
    'app://bundle/%E0%A4%A',
  ])('refuses %s with 400', (url) => {
    expect(resolveAppUrl(url, root)).toEqual({ ok: false, status: 400 });
  });

  it.each(['app://other/index.html', 'app://bundle.evil/index.html', 'app://bundle:81/index.html', 'https://bundle/index.html', 'file:///etc/passwd'])(
    'answers %s with 404',
    (url) => {
      expect(resolveAppUrl(url, root)).toEqual({ ok: false, status: 404 });
    },
  );

  it('answers unparsable text with 400', () => {
    expect(resolveAppUrl('not a url', root)).toEqual({ ok: false, status: 400 });
  });

  it.each([
    ['a/b/c', 'a/b/c'],
    ['%2e', 'index.html'],
    ['.', 'index.html'],
    ['a/./b', 'a/b'],
    ['a//b', 'a/b'],
    ['%2f%2fetc', 'etc'],
    ['C:/Windows', 'C:/Windows'],
    ['%5C%5Cserver%5Cshare', 'server\\share'],
  ])('keeps app://bundle/%s inside the renderer directory, at <renderer>/%s', (probe, file) => {
    const result = resolveAppUrl(`app://bundle/${probe}`, root);
    expect(result).toEqual({ ok: true, filePath: path.join(root, file) });
  });

  it('refuses a name that only starts with two dots rather than risk it', () => {
    expect(resolveAppUrl('app://bundle/...', root)).toEqual({ ok: false, status: 400 });
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/app.js', 'text/javascript; charset=utf-8'],
    ['assets/app.CSS', 'text/css; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
    ['font.woff2', 'font/woff2'],
    ['blob.bin', 'application/octet-stream'],
    ['README', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});

describe('serveAppRequest', () => {
  const temp = makeTempDir('lightdock-app-protocol-');
  const rendererDir = path.join(temp.dir, 'renderer');

  beforeAll(() => {
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Lightdock</title>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1);');
    fs.writeFileSync(path.join(temp.dir, 'secret.txt'), 'top secret');
  });
  afterAll(() => temp.cleanup());

  it('serves the entry page with its content type and the CSP header', async () => {
    const response = await serveAppRequest(new Request(APP_ENTRY_URL), rendererDir);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Lightdock</title>');
  });

  it('serves scripts as JavaScript', async () => {
    const response = await serveAppRequest(new Request('app://bundle/assets/app.js'), rendererDir);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1);');
  });

  it('answers a missing file or a directory with 404, still carrying the CSP', async () => {
    const missing = await serveAppRequest(new Request('app://bundle/nope.js'), rendererDir);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await serveAppRequest(new Request('app://bundle/assets/'), rendererDir)).status).toBe(404);
  });

  it('never serves a file next to the renderer directory', async () => {
    const response = await serveAppRequest(new Request('app://bundle/..%2fsecret.txt'), rendererDir);
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('');
  });

  it('refuses methods other than GET and HEAD, and HEAD has no body', async () => {
    expect((await serveAppRequest(new Request(APP_ENTRY_URL, { method: 'POST', body: 'x' }), rendererDir)).status).toBe(405);
    const head = await serveAppRequest(new Request(APP_ENTRY_URL, { method: 'HEAD' }), rendererDir);
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('is what registerAppProtocol installs for the app scheme', async () => {
    let installed: { scheme: string; handler: (request: Request) => Promise<Response> | Response } | undefined;
    const protocol = { handle: (scheme: string, handler: (request: Request) => Promise<Response> | Response) => void (installed = { scheme, handler }) };
    registerAppProtocol(protocol as unknown as Protocol, rendererDir);
    expect(installed?.scheme).toBe('app');
    const response = await installed?.handler(new Request(APP_ENTRY_URL));
    expect(response?.status).toBe(200);
    expect(response?.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
