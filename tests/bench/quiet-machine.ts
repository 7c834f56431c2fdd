import fs from 'node:fs';

/** Idle and total CPU jiffies of the whole machine, from the first line of /proc/stat. */
function cpuTimes(): { idle: number; total: number } {
  const fields = (fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { idle, total: fields.reduce((sum, value) => sum + value, 0) };
}

/**
 * Waits until the machine's CPUs are at least `idleShare` idle over two consecutive half-second windows (work a
 * previous bench left behind, such as dockerd tearing down containers, has finished), or until `maxMs` passed.
 * Resolves with how long it waited and the idle share it last saw, for the bench's notes.
 */
export async function waitForQuietMachine(idleShare = 0.85, maxMs = 30_000): Promise<{ waitedMs: number; idle: number }> {
  const started = Date.now();
  let quietWindows = 0;
  let idle = 0;
  let previous = cpuTimes();
  while (Date.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = cpuTimes();
    const total = now.total - previous.total;
    idle = total > 0 ? (now.idle - previous.idle) / total : 1;
    previous = now;
    quietWindows = idle >= idleShare ? quietWindows + 1 : 0;
    if (quietWindows >= 2) break;
  }
  return { waitedMs: Date.now() - started, idle };
}
