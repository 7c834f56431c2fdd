import type { DistroMount } from '../../../shared/model/distro';
import type { FileLocation } from '../../../shared/model/files';

/** Where one path's files are: the location, the Windows drive letter (upper case) when on one, and whether it crosses the boundary. */
export interface PathPlace {
  location: FileLocation;
  drive: string | null;
  crossesBoundary: boolean;
}

const LINUX: PathPlace = { location: 'linux', drive: null, crossesBoundary: false };
/** Filesystems that reach Windows drives: 9p (WSL2's DrvFs over Plan 9) and drvfs (WSL1). */
const WINDOWS_FS = new Set(['9p', 'drvfs']);
/** A mount source naming a drive: `C:\`, `C:\134` (/proc/mounts' escaped backslash), `C:/`, `C:`. */
const DRIVE_SOURCE = /^([A-Za-z]):(?:\\|\/|$)/;
/** The default automount layout, used only when the distro's mounts are unknown. */
const MNT_DRIVE = /^\/mnt\/([a-zA-Z])(?:\/|$)/;

/** Bind sources that are Windows drives, as each engine spells them; the first group is the drive letter, the second the rest. */
const WINDOWS_BIND_SOURCES: readonly RegExp[] = [
  /^\/run\/desktop\/mnt\/host\/([a-zA-Z])(\/.*)?$/,
  /^\/mnt\/host\/([a-zA-Z])(\/.*)?$/,
  /^\/host_mnt\/([a-zA-Z])(\/.*)?$/,
  /^\/mnt\/([a-zA-Z])(\/.*)?$/,
  /^([a-zA-Z]):([\\/].*)?$/,
];

/** True when `path` is `base` or inside it (whole path segments only). */
export function isWithin(path: string, base: string): boolean {
  if (base === '/') return path.startsWith('/');
  const trimmed = base.endsWith('/') ? base.slice(0, -1) : base;
  return path === trimmed || path.startsWith(`${trimmed}/`);
}

/**
 * Where a path inside a distro lives, from the distro's mounts: the longest mount containing it decides; a 9p
 * or drvfs mount of a drive (`C:\`) is that Windows drive. With no mounts known (a probe that failed), a path
 * under `/mnt/<letter>` is taken for the drive, as WSL mounts them by default.
 */
export function classifyDistroPath(path: string, mounts: readonly DistroMount[]): PathPlace {
  if (mounts.length === 0) {
    const match = MNT_DRIVE.exec(path);
    return match?.[1] ? onDrive(match[1]) : LINUX;
  }
  let best: DistroMount | null = null;
  for (const mount of mounts) {
    if (isWithin(path, mount.target) && (best === null || mount.target.length > best.target.length)) best = mount;
  }
  if (best === null) return LINUX;
  if (WINDOWS_FS.has(best.fsType)) {
    const drive = DRIVE_SOURCE.exec(best.source)?.[1] ?? /path=([A-Za-z]):/.exec(best.options)?.[1];
    return drive === undefined ? LINUX : onDrive(drive);
  }
  if (best.fsType === 'tmpfs') return { location: 'tmpfs', drive: null, crossesBoundary: false };
  return LINUX;
}

/**
 * A bind mount's source as the engine reports it: a Windows drive when it is `/mnt/<letter>/…`, Docker
 * Desktop's `/run/desktop/mnt/host/<letter>/…`, `/mnt/host/<letter>/…`, `/host_mnt/<letter>/…`, or a
 * Windows path (`C:\…`, `C:/…`); anything else is Linux's own.
 */
export function classifyBindSource(source: string): PathPlace {
  const drive = windowsBindDrive(source);
  return drive === null ? LINUX : onDrive(drive.letter);
}

/** The drive letter (upper case) and the path below the drive (`/Users/alex/web`, `/` for the root) of a Windows-drive bind source, else null. */
export function windowsBindDrive(source: string): { letter: string; rest: string } | null {
  for (const pattern of WINDOWS_BIND_SOURCES) {
    const match = pattern.exec(source);
    if (match?.[1]) {
      const rest = (match[2] ?? '').replace(/\\/g, '/').replace(/\/+/g, '/');
      return { letter: match[1].toUpperCase(), rest: rest === '' ? '/' : rest };
    }
  }
  return null;
}

function onDrive(letter: string): PathPlace {
  return { location: 'windows-drive', drive: letter.toUpperCase(), crossesBoundary: true };
}
