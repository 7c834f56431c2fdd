import { execFile } from 'node:child_process';
import fs from 'node:fs';

/** The kernel's clock ticks per second (`getconf CLK_TCK`). */
export function clockTicks(): Promise<number> {
  return new Promise((resolve) => {
    execFile('getconf', ['CLK_TCK'], { timeout: 5_000 }, (error, stdout) => resolve(error ? 100 : Number(stdout.trim()) || 100));
  });
}

/** Fields of /proc/<pid>/stat after the command name (index 1 = ppid, 11/12 = utime/stime, 13/14 = cutime/cstime of waited-for children). */
export function statFields(pid: number | 'self'): string[] {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** A process's CPU ticks so far (utime + stime), or null once it is gone. */
export function processTicks(pid: number): number | null {
  try {
    const fields = statFields(pid);
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/** Every live process under `root` (children, their children…), from the ppid in /proc/<pid>/stat. */
export function descendantPids(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const ppid = Number(statFields(Number(name))[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift() ?? -1) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** Those of `pids` whose command line holds `text` (Chromium rewrites its own into one string, so this is a substring test). */
export function pidsWithCommandLine(pids: readonly number[], text: string): number[] {
  return pids.filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text);
    } catch {
      return false;
    }
  });
}

/** The private dockerd's pid, when run-bench.sh names its pidfile (LIGHTDOCK_BENCH_DOCKERD_PIDFILE) and it runs. */
export function dockerdPid(): number | null {
  const file = process.env['LIGHTDOCK_BENCH_DOCKERD_PIDFILE'];
  if (!file || !fs.existsSync(file)) return null;
  const pid = Number(fs.readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && fs.existsSync(`/proc/${pid}/stat`) ? pid : null;
}
