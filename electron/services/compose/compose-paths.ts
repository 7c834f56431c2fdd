import fs from 'node:fs/promises';
import path from 'node:path';
import { ServiceError } from '../errors';

/** What a path is on this machine, or why it cannot be used. */
async function kindOf(target: string): Promise<'file' | 'folder' | 'other' | 'missing'> {
  try {
    const stat = await fs.stat(target);
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'folder' : 'other';
  } catch {
    return 'missing';
  }
}

function absolute(target: string, platform: NodeJS.Platform): boolean {
  return !target.includes('\0') && (platform === 'win32' ? path.win32.isAbsolute(target) : path.posix.isAbsolute(target));
}

/** Why a project's folder and config files cannot be used here (not absolute, missing, not a folder / regular file), or null. */
export async function projectPathsProblem(workingDir: string | null, files: readonly string[], platform: NodeJS.Platform): Promise<string | null> {
  if (workingDir === null || !absolute(workingDir, platform)) return 'Its working directory is unknown.';
  if ((await kindOf(workingDir)) !== 'folder') return `Its folder ${workingDir} is not on this machine.`;
  if (files.length === 0) return 'Its Compose files are unknown.';
  for (const file of files) {
    if (!absolute(file, platform)) return `Its Compose file ${file} is not an absolute path.`;
    const kind = await kindOf(file);
    if (kind === 'missing') return `Its Compose file ${file} is not on this machine.`;
    if (kind !== 'file') return `Its Compose file ${file} is not a regular file.`;
  }
  return null;
}

/** Checks a Compose file given to bring a project up: absolute, existing, a regular file; VALIDATION or NOT_FOUND otherwise. */
export async function requireComposeFile(file: string, platform: NodeJS.Platform): Promise<void> {
  if (!absolute(file, platform)) throw new ServiceError('VALIDATION', 'The Compose file must be an absolute path.');
  const kind = await kindOf(file);
  if (kind === 'missing') throw new ServiceError('NOT_FOUND', `No such file: ${file}.`);
  if (kind !== 'file') throw new ServiceError('VALIDATION', `${file} is not a regular file.`);
}
