import type { Distro, DistroDetail } from '../../../shared/model/distro';
import type { BoundaryCost, FileEntry, FilesSubject, MoveAdvice } from '../../../shared/model/files';
import type { DistroDirectories } from '../wsl/wsl-backend';
import { classifyDistroPath } from './classify-path';
import { distroMoveAdvice, wsl1Advice } from './move-advice';

/** Entries one subject may list (the model's bound); flagged ones are kept first. */
export const MAX_ENTRIES = 500;
/** Process names shown per directory (the model's bound). */
const MAX_PROCESSES = 32;
const USER_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,31}\$?$/;

/** The home of a distro's default user as WSL creates it: `/root` for root, `/home/<user>` otherwise; null when unknown or odd. */
export function homeOfUser(user: string | null): string | null {
  if (user === null || !USER_NAME.test(user)) return null;
  return user === 'root' ? '/root' : `/home/${user}`;
}

/** Flagged entries first, then by path, cut to the model's bound. */
export function orderEntries(entries: FileEntry[]): FileEntry[] {
  return [...entries].sort((a, b) => Number(b.crossesBoundary) - Number(a.crossesBoundary) || a.path.localeCompare(b.path)).slice(0, MAX_ENTRIES);
}

/** What one distro's subject is built from: its row, its detail (mounts, user) and its processes' directories when it runs, the last cost. */
export interface DistroFacts {
  distro: Distro;
  detail: DistroDetail | null;
  directories: DistroDirectories | null;
  cost: BoundaryCost | null;
}

/**
 * One distro as the Files view shows it: its processes' working directories grouped by directory with the
 * process names, each placed by the distro's mounts; advice for each one on a Windows drive (for a WSL1 distro,
 * one note that everything is on NTFS and how to convert it). A stopped distro has no entries.
 */
export function distroSubject(facts: DistroFacts): FilesSubject {
  const { distro, detail, directories, cost } = facts;
  const running = distro.state === 'Running';
  const home = directories?.home ?? homeOfUser(detail?.defaultUser ?? null);
  const byDirectory = new Map<string, Set<string>>();
  for (const process of running ? (directories?.processes ?? []) : []) {
    const names = byDirectory.get(process.cwd) ?? new Set<string>();
    if (names.size < MAX_PROCESSES) names.add(process.command);
    byDirectory.set(process.cwd, names);
  }
  const mounts = detail?.mounts ?? [];
  const entries = orderEntries(
    [...byDirectory].map(([path, names]) => ({
      kind: 'working-directory' as const,
      path,
      source: null,
      ...classifyDistroPath(path, mounts),
      processes: [...names].sort(),
    })),
  );
  const advice: MoveAdvice[] = [];
  if (distro.version === 1) advice.push(wsl1Advice(distro.name));
  else {
    for (const entry of entries) {
      if (entry.location === 'windows-drive' && entry.drive !== null) {
        advice.push(distroMoveAdvice({ path: entry.path, drive: entry.drive, distro: distro.name, home, processes: entry.processes }));
      }
    }
  }
  return { kind: 'distro', id: distro.name, name: distro.name, running, homePath: home, entries, advice: advice.slice(0, MAX_ENTRIES), cost };
}
