import type { Distro } from '../../../../shared/model/distro';
import { ServiceError } from '../../errors';
import type { WslMemoryUsage } from '../wsl-backend';
import type { DistroShell } from './distro-shell';

/**
 * Sums the resident pages of every process the distro's /proc shows (a WSL2 distro sees only its own) and
 * prints three fixed lines: the page size, the pages and the process count. Constant: nothing is interpolated.
 */
export const MEMORY_USAGE_SCRIPT = [
  't=0; n=0',
  'for f in /proc/[0-9]*/statm; do',
  '  read -r size rss rest 2>/dev/null < "$f" || continue',
  '  case "$rss" in ""|*[!0-9]*) continue ;; esac',
  '  t=$((t + rss)); n=$((n + 1))',
  'done',
  'p=$(getconf PAGESIZE 2>/dev/null) || p=4096',
  'echo "pagesize ${p:-4096}"',
  'echo "rss_pages $t"',
  'echo "processes $n"',
].join('\n');

/** Drops the clean page cache after writing dirty pages out; run as root. */
export const DROP_CACHES_SCRIPT = 'sync; echo 1 > /proc/sys/vm/drop_caches';

/** Time one distro's memory script may take. */
export const MEMORY_SCRIPT_TIMEOUT_MS = 10_000;
/** Time `sync` and the drop may take (sync waits for dirty pages to reach the disk). */
export const DROP_CACHES_TIMEOUT_MS = 60_000;
/** Running WSL2 distros read at most. */
export const MAX_DISTROS_READ = 32;
/** The most the script may print (three short lines); more is hostile. */
const MAX_OUTPUT_CHARS = 256;

const LINE = /^(pagesize|rss_pages|processes) (\d{1,16})$/;

/** What one distro's script reported. */
export interface DistroResidentMemory {
  bytes: number;
  processes: number;
}

/**
 * Parses the script's three lines exactly (`pagesize`, `rss_pages`, `processes`, each once, decimal); anything
 * else, a page size that is not a power of two from 512 bytes to 1 MiB, or a product beyond a safe integer is
 * refused with INTERNAL and the distro's name.
 */
export function parseResidentMemory(output: string, distro: string): DistroResidentMemory {
  const refuse = (reason: string): ServiceError => new ServiceError('INTERNAL', `The memory of ${distro} cannot be read: its script printed ${reason}.`);
  if (output.length > MAX_OUTPUT_CHARS) throw refuse('more than it should');
  const values = new Map<string, number>();
  for (const line of output.split(/\r?\n/)) {
    if (line === '') continue;
    const match = LINE.exec(line);
    if (match === null) throw refuse('a line Lightdock does not recognise');
    const [, key, digits] = match as unknown as [string, string, string];
    if (values.has(key)) throw refuse(`${key} twice`);
    values.set(key, Number(digits));
  }
  const pageSize = values.get('pagesize');
  const pages = values.get('rss_pages');
  const processes = values.get('processes');
  if (pageSize === undefined || pages === undefined || processes === undefined) throw refuse('too little');
  if (pageSize < 512 || pageSize > 1024 * 1024 || (pageSize & (pageSize - 1)) !== 0) throw refuse(`a page size of ${pageSize}`);
  const bytes = pages * pageSize;
  if (!Number.isSafeInteger(bytes) || !Number.isSafeInteger(processes)) throw refuse('a figure too large');
  return { bytes, processes };
}

const runningWsl2 = (distros: Distro[]): Distro[] => distros.filter((d) => d.version === 2 && d.state === 'Running');

/**
 * Host RAM from the OS and each running WSL2 distro's processes (the sum of their resident memory, one constant
 * script per distro, one distro at a time, at most `MAX_DISTROS_READ`). A distro whose script fails (it stopped
 * meanwhile) is left out and named in `distroEstimate`.
 */
export async function readMemoryUsage(shell: DistroShell): Promise<WslMemoryUsage> {
  const host = shell.hostMemory();
  const running = runningWsl2(await shell.listDistros()).slice(0, MAX_DISTROS_READ);
  const distros: WslMemoryUsage['distros'] = [];
  const unread: string[] = [];
  for (const distro of running) {
    try {
      const output = await shell.run(distro.name, MEMORY_USAGE_SCRIPT, { timeoutMs: MEMORY_SCRIPT_TIMEOUT_MS });
      distros.push({ name: distro.name, processBytes: parseResidentMemory(output, distro.name).bytes });
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      unread.push(distro.name);
    }
  }
  const missing = unread.length === 0 ? '' : ` (${unread.join(', ')} could not be read, so the VM's own figure holds them)`;
  return {
    hostTotalBytes: host.totalBytes,
    hostAvailableBytes: Math.min(host.availableBytes, host.totalBytes),
    distros,
    distroEstimate: `The sum of the resident memory of the distro's processes, so pages they share count once per process${missing}.`,
  };
}

/** Drops the VM's page cache (`sync; echo 1 > /proc/sys/vm/drop_caches` as root) in the first running WSL2 distro; CONFLICT when none runs. */
export async function dropPageCache(shell: DistroShell): Promise<void> {
  const first = runningWsl2(await shell.listDistros())[0];
  if (first === undefined) throw new ServiceError('CONFLICT', 'No WSL2 distro is running, so the VM has no page cache to give back.');
  await shell.run(first.name, DROP_CACHES_SCRIPT, { root: true, timeoutMs: DROP_CACHES_TIMEOUT_MS });
}
