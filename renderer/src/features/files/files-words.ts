import type { FileEntry, FilesSubject } from '../../../../shared/model/files';

/** The warning an entry on a Windows drive carries: "Windows drive C: — crosses the 9p boundary". */
export function crossingLabel(entry: Pick<FileEntry, 'drive'>): string {
  return `${entry.drive === null ? 'Windows drive' : `Windows drive ${entry.drive}:`} — crosses the 9p boundary`;
}

/** Where an entry's files are, in words, for one that stays on the Linux side (or is unknown). */
export function locationLabel(entry: Pick<FileEntry, 'location' | 'drive'>): string {
  switch (entry.location) {
    case 'windows-drive':
      return entry.drive === null ? 'Windows drive' : `Windows drive ${entry.drive}:`;
    case 'linux':
      return 'Linux filesystem (ext4)';
    case 'volume':
      return 'Docker volume';
    case 'tmpfs':
      return 'tmpfs (memory)';
    case 'unknown':
      return 'Unknown';
  }
}

/** An entry's kind as people say it: "Working directory", "Bind mount", "Volume", "tmpfs". */
export function kindLabel(kind: FileEntry['kind']): string {
  switch (kind) {
    case 'working-directory':
      return 'Working directory';
    case 'bind-mount':
      return 'Bind mount';
    case 'volume':
      return 'Volume';
    case 'tmpfs':
      return 'tmpfs';
  }
}

/** How many of the subjects' entries cross the boundary to a Windows drive. */
export function crossingCount(subjects: readonly FilesSubject[]): number {
  return subjects.reduce((sum, subject) => sum + subject.entries.filter((entry) => entry.crossesBoundary).length, 0);
}

/** The count of directories on Windows drives as a phrase: "1 directory on a Windows drive", "3 directories on Windows drives". */
export function crossingPhrase(count: number): string {
  return count === 1 ? '1 directory on a Windows drive' : `${count} directories on Windows drives`;
}

/** A throughput in MB/s with at most three significant digits below 100 ("0.85 MB/s", "42.5 MB/s", "1,850 MB/s"). */
export function formatMBps(value: number): string {
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toLocaleString('en-US', { maximumFractionDigits: digits })} MB/s`;
}

/** The slowdown as "84× slower" (one decimal below 10: "2.5× slower"); "about as fast" below 1.05. */
export function slowdownText(slowdown: number): string {
  if (slowdown < 1.05) return 'about as fast';
  const digits = slowdown >= 10 ? 0 : 1;
  return `${slowdown.toLocaleString('en-US', { maximumFractionDigits: digits })}× slower`;
}

/** True when the report says anything about where files are: some subject runs or lists a directory. */
export function knowsAnything(subjects: readonly FilesSubject[]): boolean {
  return subjects.some((subject) => subject.running || subject.entries.length > 0);
}

/** The subjects with the most directories on Windows drives first, then the running ones, each group in the report's order. */
export function byConcern(subjects: readonly FilesSubject[]): FilesSubject[] {
  const rank = (subject: FilesSubject): number => crossingCount([subject]) * 2 + (subject.running ? 1 : 0);
  return [...subjects].sort((a, b) => rank(b) - rank(a));
}
