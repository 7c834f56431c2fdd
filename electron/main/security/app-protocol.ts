import fs from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../hosts/common/csp';

/** The privileged scheme the renderer is served from (never `file://`). */
export const APP_SCHEME = 'app';
/** The one host of the app scheme; together they form the only trusted origin. */
export const APP_HOST = 'bundle';
/** The app origin as Chromium reports it for the standard `app` scheme. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The URL the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Where an app URL points: a file inside the renderer directory, or the status to answer with. */
export type AppUrlResolution = { ok: true; filePath: string } | { ok: false; status: 400 | 404 };

/** A `..` path segment, raw or percent-encoded, bounded by a slash, backslash (either encoded), query, hash or the end. */
const DOT_DOT_SEGMENT = /(?:^|[/\\]|%2f|%5c)(?:\.|%2e){2}(?:$|[/\\?#]|%2f|%5c)/i;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * True when the URL is on the app origin exactly: `app` scheme, host `bundle` (case-insensitive, as for
 * any standard scheme), no port, no credentials.
 */
export function isAppOriginUrl(url: URL): boolean {
  return url.protocol === `${APP_SCHEME}:` && url.host.toLowerCase() === APP_HOST && url.username === '' && url.password === '';
}

/** True when the text holds a `..` path segment, raw or percent-encoded; legitimate app URLs never do. */
export function hasDotDotSegment(text: string): boolean {
  return DOT_DOT_SEGMENT.test(text);
}

/**
 * Maps an `app://bundle/…` URL to a file under `rendererDir`. Any `..` segment (raw or encoded) or a
 * decoded path that leaves the directory is 400; another scheme or host is 404. Pure: touches no disk.
 * @see https://www.electronjs.org/docs/latest/tutorial/security#18-avoid-usage-of-the-file-protocol-and-prefer-usage-of-custom-protocols
 */
export function resolveAppUrl(url: string, rendererDir: string): AppUrlResolution {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400 };
  }
  if (!isAppOriginUrl(parsed)) return { ok: false, status: 404 };
  if (hasDotDotSegment(url.slice(APP_ORIGIN.length))) return { ok: false, status: 400 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\0')) return { ok: false, status: 400 };
  const root = path.resolve(rendererDir);
  const relative = decoded.replace(/^[/\\]+/, '') || 'index.html';
  const filePath = path.resolve(root, relative);
  const fromRoot = path.relative(root, filePath);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return { ok: false, status: 400 };
  return { ok: true, filePath };
}

/** The content type a served file gets, by extension; unknown ones are opaque bytes. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

function respond(status: number, body: Uint8Array<ArrayBuffer> | null, contentType = 'text/plain; charset=utf-8'): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': contentType,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** Answers one `app://` request: the file with its content type and the CSP header, or 400/404/405. */
export async function serveAppRequest(request: Request, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, null);
  const resolution = resolveAppUrl(request.url, rendererDir);
  if (!resolution.ok) return respond(resolution.status, null);
  let body: Uint8Array<ArrayBuffer>;
  try {
    const stat = await fs.stat(resolution.filePath);
    if (!stat.isFile()) return respond(404, null);
    body = new Uint8Array(await fs.readFile(resolution.filePath));
  } catch {
    return respond(404, null);
  }
  return respond(200, request.method === 'HEAD' ? null : body, contentTypeFor(resolution.filePath));
}

/** Serves the built renderer on `app://bundle/`; the scheme must have been registered as privileged before ready. */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, rendererDir));
}
