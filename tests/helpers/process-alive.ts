import fs from 'node:fs';

/** True while a process with this pid exists (a zombie counts as gone: it runs nothing). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    return !/\)\s+Z\s/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/** Waits (polling every 20 ms, at most `limitMs`) until `ready` returns true; throws when it never does. */
export async function waitUntil(ready: () => boolean, limitMs = 10_000, what = 'the condition'): Promise<void> {
  const end = Date.now() + limitMs;
  while (!ready()) {
    if (Date.now() > end) throw new Error(`Gave up waiting for ${what} after ${limitMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
