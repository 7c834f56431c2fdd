import path from 'node:path';
import { ServiceError } from '../errors';

/** A path inside a container made plain: absolute, no `.` or empty segments, no trailing `/` (the root stays `/`). */
export function normalizeContainerPath(raw: string): string {
  if (!raw.startsWith('/') || raw.includes('\0') || raw.split('/').includes('..')) {
    throw new ServiceError('VALIDATION', 'A path inside the container must be absolute and cannot climb with "..".');
  }
  const parts = raw.split('/').filter((part) => part !== '' && part !== '.');
  return `/${parts.join('/')}`;
}

/** The name the engine's archive gives a path's entries: its last segment, `/` for the root. */
export function archiveBaseName(normalized: string): string {
  return normalized === '/' ? '/' : path.posix.basename(normalized);
}

/** `name` inside `folder` (both plain). */
export function joinContainerPath(folder: string, name: string): string {
  return folder === '/' ? `/${name}` : `${folder}/${name}`;
}

/** Where a symlink at `linkPath` points, as a plain path (relative targets from the link's folder; `..` stops at the root). */
export function resolveLinkTarget(linkPath: string, target: string): string {
  const from = target.startsWith('/') ? '/' : path.posix.dirname(linkPath);
  return path.posix.resolve(from, target);
}
