import fs from 'node:fs';
import os from 'node:os';

/** The most of /proc/meminfo read (it is about 1.5 KiB). */
const MAX_MEMINFO_BYTES = 16 * 1024;

/** `MemTotal` and `MemAvailable` (kB) from /proc/meminfo text, in bytes; null when either is missing or malformed. */
export function parseMeminfo(textIn: string): { totalBytes: number; availableBytes: number } | null {
  const text = textIn.slice(0, MAX_MEMINFO_BYTES);
  const value = (key: string): number | null => {
    const match = new RegExp(`^${key}:\\s+(\\d{1,15}) kB$`, 'm').exec(text);
    return match?.[1] === undefined ? null : Number(match[1]) * 1024;
  };
  const total = value('MemTotal');
  const available = value('MemAvailable');
  if (total === null || available === null) return null;
  return { totalBytes: total, availableBytes: Math.min(available, total) };
}

/** This Linux machine's RAM: /proc/meminfo (MemAvailable counts reclaimable cache), else os.totalmem/os.freemem. */
export function readThisMachine(meminfoPath = '/proc/meminfo'): { totalBytes: number; availableBytes: number } {
  let fd: number | null = null;
  try {
    fd = fs.openSync(meminfoPath, 'r');
    const buffer = Buffer.alloc(MAX_MEMINFO_BYTES);
    const parsed = parseMeminfo(buffer.subarray(0, fs.readSync(fd, buffer, 0, MAX_MEMINFO_BYTES, 0)).toString('utf8'));
    if (parsed !== null) return parsed;
  } catch {
    // No /proc/meminfo: the OS's own figures follow.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
  return { totalBytes: os.totalmem(), availableBytes: Math.min(os.freemem(), os.totalmem()) };
}
