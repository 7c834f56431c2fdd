import fs from 'node:fs';
import path from 'node:path';

/** The most a cgroup memory file is read (memory.stat is a few kilobytes). */
const MAX_FILE_BYTES = 16 * 1024;
/** One buffer for every read: the reads are synchronous, so none overlaps another. */
const scratch = Buffer.allocUnsafe(MAX_FILE_BYTES);

function readSmall(file: string): string | null {
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, 'r');
    const length = fs.readSync(fd, scratch, 0, MAX_FILE_BYTES, 0);
    return scratch.toString('utf8', 0, length);
  } catch {
    return null;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

function readCount(file: string): number | null {
  const text = readSmall(file)?.trim();
  return text !== undefined && /^\d{1,19}$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : null;
}

function statCount(file: string, key: string): number | null {
  const line = readSmall(file)
    ?.split('\n')
    .find((l) => l.startsWith(`${key} `));
  const value = line?.slice(key.length + 1);
  return value !== undefined && /^\d{1,19}$/.test(value) && Number.isSafeInteger(Number(value)) ? Number(value) : null;
}

function cgroupDir(cgroupPath: string, version: 1 | 2, root: string): string {
  return version === 2 ? path.join(root, cgroupPath) : path.join(root, 'memory', cgroupPath);
}

/** A cgroup's memory charge (memory.current on v2, memory.usage_in_bytes on v1) under `root`; null when unreadable. Never throws. */
export function readCgroupUsageBytes(cgroupPath: string, version: 1 | 2, root = '/sys/fs/cgroup'): number | null {
  return readCount(path.join(cgroupDir(cgroupPath, version, root), version === 2 ? 'memory.current' : 'memory.usage_in_bytes'));
}

/** A cgroup's inactive file cache from memory.stat (`inactive_file` on v2, `total_inactive_file` on v1); null when unreadable. Never throws. */
export function readCgroupInactiveFileBytes(cgroupPath: string, version: 1 | 2, root = '/sys/fs/cgroup'): number | null {
  return statCount(path.join(cgroupDir(cgroupPath, version, root), 'memory.stat'), version === 2 ? 'inactive_file' : 'total_inactive_file');
}

/** The charge less the inactive file cache (the docker CLI's figure), or the charge alone when the cache is unknown or not below it. */
export function usedWithoutInactive(usage: number, inactive: number | null): number {
  return inactive !== null && inactive < usage ? usage - inactive : usage;
}

/**
 * A cgroup's memory in use without its inactive file cache (the docker CLI's figure), from memory.current and
 * memory.stat (v2) or memory.usage_in_bytes and memory.stat (v1) under `root`; null when unreadable. Reads at
 * most 16 KiB a file and never throws.
 */
export function readCgroupMemoryBytes(cgroupPath: string, version: 1 | 2, root = '/sys/fs/cgroup'): number | null {
  const usage = readCgroupUsageBytes(cgroupPath, version, root);
  return usage === null ? null : usedWithoutInactive(usage, readCgroupInactiveFileBytes(cgroupPath, version, root));
}
