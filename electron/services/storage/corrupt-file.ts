import fs from 'node:fs';

/**
 * Moves an unreadable state file aside as `<file>.corrupt-<time>` so nothing is lost and the caller can
 * start again from defaults. Returns the backup's path.
 */
export function backUpCorruptFile(filePath: string, now: number): string {
  const backup = `${filePath}.corrupt-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
  fs.renameSync(filePath, backup);
  return backup;
}
