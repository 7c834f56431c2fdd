import type { FsEntry } from '../../../shared/model/container-files';
import { compareEntries, toFsEntry, type TarHeaderLike } from './fs-entry';
import { walkTar, type WalkOptions } from './tar-walk';

/** Children a scan collects at most before it stops (and says so). */
export const MAX_CHILDREN = 20_000;
/** Bytes of archive a scan reads at most (a folder's archive carries every file below it). */
export const MAX_SCAN_BYTES = 256 * 1024 * 1024;
/** A child name longer than this is not a Linux file name and is left out. */
const MAX_NAME_LENGTH = 1_024;

/** What scanning a folder's archive found: its immediate children sorted, whether the folder itself was seen, and whether a bound stopped the scan. */
export interface FolderScan {
  entries: FsEntry[];
  sawFolder: boolean;
  /** The entry naming the archived path itself, when it was not a folder (a file, or a link the engine did not follow). */
  self: TarHeaderLike | null;
  truncated: boolean;
}

/**
 * The immediate child an entry name stands for, relative to the archive's base name (`etc/hostname` under `etc`,
 * `/bin/` under `/`): '' for the folder itself, null for anything deeper, outside the base, or not a plain name
 * (`.`, `..`, empty, NUL, overlong), so hostile names never reach the listing.
 */
export function childName(entryName: string, base: string): string | null {
  let rest: string;
  if (base === '/') {
    if (!entryName.startsWith('/')) return null;
    rest = entryName.slice(1);
  } else {
    if (entryName !== base && !entryName.startsWith(`${base}/`)) return null;
    rest = entryName.slice(base.length + 1);
  }
  rest = rest.replace(/\/+$/, '');
  if (rest === '') return '';
  if (rest.includes('/') || rest === '.' || rest === '..' || rest.includes('\0') || rest.length > MAX_NAME_LENGTH) return null;
  return rest;
}

/**
 * Scans a folder's archive for its immediate children (bodies skipped), keeping at most `maxChildren` and reading at
 * most `options.maxBytes`; the archive's order is not trusted, so the children are sorted here (folders first, then
 * by name). A name seen twice keeps its last entry.
 */
export async function scanFolder(source: NodeJS.ReadableStream, base: string, options: WalkOptions & { maxChildren: number }): Promise<FolderScan> {
  const children = new Map<string, FsEntry>();
  let sawFolder = false;
  let self: TarHeaderLike | null = null;
  let full = false;
  const end = await walkTar(
    source,
    async (header) => {
      const name = childName(header.name, base);
      if (name === '') {
        if (header.type === 'directory') sawFolder = true;
        else self = header;
        return 'next';
      }
      if (name === null) return 'next';
      if (!children.has(name) && children.size >= options.maxChildren) {
        full = true;
        return 'stop';
      }
      children.set(name, toFsEntry(name, header));
      return 'next';
    },
    options,
  );
  return { entries: [...children.values()].sort(compareEntries), sawFolder, self, truncated: full || end === 'byte-bound' };
}
