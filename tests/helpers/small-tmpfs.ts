import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { makeTempDir } from './temp-dir';

/** A folder on its own small tmpfs: a real full disk and, after `readOnly()`, a real read-only file system. */
export interface SmallTmpfs {
  dir: string;
  /** Remounts it read-only (writes fail with EROFS); `writable()` undoes it. */
  readOnly(): void;
  writable(): void;
  /** Unmounts it and removes the folder. */
  unmount(): void;
}

function mount(args: string[]): void {
  execFileSync('mount', args, { timeout: 10_000, stdio: 'ignore' });
}

/**
 * Mounts a tmpfs of `size` (e.g. `64k`) on a fresh folder when this process may (root on Linux), else
 * returns null so the caller injects the fault instead. The caller must call `unmount()` (in afterAll).
 */
export function mountSmallTmpfs(size: string): SmallTmpfs | null {
  const temp = makeTempDir('lightdock-tmpfs-');
  try {
    mount(['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', temp.dir]);
  } catch {
    temp.cleanup();
    return null;
  }
  return {
    dir: temp.dir,
    readOnly: () => mount(['-o', 'remount,ro', temp.dir]),
    writable: () => mount(['-o', 'remount,rw', temp.dir]),
    unmount: () => {
      execFileSync('umount', [temp.dir], { timeout: 10_000, stdio: 'ignore' });
      fs.rmSync(temp.dir, { recursive: true, force: true });
    },
  };
}
