import fs from 'node:fs/promises';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** A file to serve, or why not. */
export type StaticLookup = { kind: 'file'; filePath: string; contentType: string } | { kind: 'missing' } | { kind: 'bad-path' };

/** Maps a URL path onto a file inside `rootDir` only; traversal and encoded traversal are refused. */
export function resolveStaticPath(urlPath: string, rootDir: string): StaticLookup {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'bad-path' };
  }
  if (decoded.includes('\0')) return { kind: 'bad-path' };
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const filePath = path.resolve(rootDir, relative);
  const fromRoot = path.relative(rootDir, filePath);
  if (fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return { kind: 'bad-path' };
  return { kind: 'file', filePath, contentType: CONTENT_TYPES[path.extname(filePath)] ?? 'application/octet-stream' };
}

/** Reads a resolved file, or reports it missing. */
export async function readStatic(lookup: StaticLookup): Promise<Buffer | null> {
  if (lookup.kind !== 'file') return null;
  try {
    return await fs.readFile(lookup.filePath);
  } catch {
    return null;
  }
}
