import type { FsEntry } from '../../../shared/model/container-files';

/** The header fields of a tar entry this module reads (tar-stream's names); every one is untrusted. */
export interface TarHeaderLike {
  name: string;
  type?: string | null;
  mode?: number;
  size?: number;
  mtime?: Date;
  linkname?: string | null;
}

const TYPE_CHAR: Record<string, string> = {
  file: '-',
  'contiguous-file': '-',
  link: '-',
  directory: 'd',
  symlink: 'l',
  'character-device': 'c',
  'block-device': 'b',
  fifo: 'p',
};

/** The model's kind of a tar entry type: regular files (and hard links to them), folders, symlinks, the rest. */
export function entryType(type: string | null | undefined): FsEntry['type'] {
  switch (type ?? 'file') {
    case 'file':
    case 'contiguous-file':
    case 'link':
      return 'file';
    case 'directory':
      return 'directory';
    case 'symlink':
      return 'symlink';
    default:
      return 'other';
  }
}

/** Permission bits as `ls -l` prints them (`drwxr-xr-x`, `-rwsr-xr-x`, `drwxrwxrwt`); `?` for an unknown type. */
export function modeString(type: string | null | undefined, mode: number): string {
  const bits = Number.isInteger(mode) ? mode & 0o7777 : 0;
  const triple = (shift: number, special: number, letter: string): string => {
    const r = bits & (4 << shift) ? 'r' : '-';
    const w = bits & (2 << shift) ? 'w' : '-';
    const x = (bits & (1 << shift)) !== 0;
    const s = (bits & special) !== 0;
    return r + w + (s ? (x ? letter : letter.toUpperCase()) : x ? 'x' : '-');
  };
  return (TYPE_CHAR[type ?? 'file'] ?? '?') + triple(6, 0o4000, 's') + triple(3, 0o2000, 's') + triple(0, 0o1000, 't');
}

const safeInt = (value: number | undefined): number => (value !== undefined && Number.isSafeInteger(value) && value > 0 ? value : 0);

/** One listing entry from a tar header and the child's name (sizes of folders and links are 0; times in ms since the epoch). */
export function toFsEntry(name: string, header: TarHeaderLike): FsEntry {
  const type = entryType(header.type);
  const time = header.mtime instanceof Date ? header.mtime.getTime() : Number.NaN;
  return {
    name,
    type,
    sizeBytes: type === 'file' ? safeInt(header.size) : 0,
    mode: modeString(header.type, header.mode ?? 0),
    modified: Number.isSafeInteger(time) ? time : null,
    linkTarget: type === 'symlink' ? (header.linkname ?? '').slice(0, 4096) : null,
  };
}

/** Folders first, then by name (code units, so the order is the same everywhere). */
export function compareEntries(a: FsEntry, b: FsEntry): number {
  const folderA = a.type === 'directory' ? 0 : 1;
  const folderB = b.type === 'directory' ? 0 : 1;
  if (folderA !== folderB) return folderA - folderB;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
