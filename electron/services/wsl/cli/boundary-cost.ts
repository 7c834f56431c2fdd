import os from 'node:os';
import type { BoundaryCost, Throughput } from '../../../../shared/model/files';
import { ServiceError } from '../../errors';
import type { DistroShell } from './distro-shell';

/** The hard bound on one measurement: the script's whole run, both sides. */
export const BOUNDARY_TIMEOUT_MS = 15_000;
/** Sequential bytes written and read on each side (4 MiB). */
export const SEQUENTIAL_BYTES = 4 * 1024 * 1024;
/** Small files written and read on each side. */
export const SMALL_FILES = 200;
/** The size of each small file (4 KiB). */
export const SMALL_FILE_BYTES = 4096;

/**
 * A constant script. `$1` is the Windows-side directory (under the automount root); the Linux side is the
 * user's home on the distro's own disk. On each side it makes a private temporary directory, writes
 * 4 MiB with fsync and 200 files of 4 KiB, reads them all back, prints `<side>-<write|read> <ns> <bytes>` per
 * phase and removes what it made, on success, failure and interruption alike.
 */
export const BOUNDARY_SCRIPT = [
  'cd / || exit 3',
  '[ -d "$1" ] || { echo "no such directory: $1" >&2; exit 3; }',
  'lin="${HOME:-}"',
  '[ -n "$lin" ] && [ -d "$lin" ] || { echo "no home directory" >&2; exit 3; }',
  'wd="" ld=""',
  'cleanup() { [ -n "$wd" ] && rm -rf "$wd"; [ -n "$ld" ] && rm -rf "$ld"; }',
  'trap cleanup EXIT',
  "trap 'exit 4' INT TERM HUP PIPE",
  'wd=$(mktemp -d "$1/lightdock-boundary.XXXXXX") || exit 3',
  'ld=$(mktemp -d "$lin/.lightdock-boundary.XXXXXX") || exit 3',
  'now() {',
  '  t=$(date +%s%N 2>/dev/null)',
  '  case "$t" in',
  "    ''|*[!0-9]*) read -r u _ < /proc/uptime; t=\"${u%.*}${u#*.}0000000\" ;;",
  '  esac',
  '  echo "$t"',
  '}',
  `blk=$(head -c ${SMALL_FILE_BYTES} /dev/zero | tr '\\0' x)`,
  'phase() {',
  '  d=$1',
  '  a=$(now)',
  `  dd if=/dev/zero of="$d/big" bs=1048576 count=${SEQUENTIAL_BYTES / 1048576} conv=fsync 2>/dev/null || exit 5`,
  '  i=0',
  `  while [ "$i" -lt ${SMALL_FILES} ]; do printf '%s' "$blk" > "$d/f$i" || exit 5; i=$((i + 1)); done`,
  '  sync',
  '  b=$(now)',
  '  cat "$d/big" "$d"/f* > /dev/null || exit 5',
  '  c=$(now)',
  `  echo "$2-write $((b - a)) ${SEQUENTIAL_BYTES + SMALL_FILES * SMALL_FILE_BYTES}"`,
  `  echo "$2-read $((c - b)) ${SEQUENTIAL_BYTES + SMALL_FILES * SMALL_FILE_BYTES}"`,
  '}',
  'phase "$ld" linux',
  'phase "$wd" windows',
].join('\n');

/** A phase faster than the clock can tell (busybox falls back to /proc/uptime's 10 ms) counts as 1 ms. */
const MIN_TIMED_NS = 1_000_000;
const LINE = /^(linux|windows)-(write|read) (\d{1,15}) (\d{1,12})$/;
const SEGMENT = /^[^\\/:*?"<>|]{1,255}$/;

/**
 * A Windows folder (`C:\Users\alex\AppData\Local\Temp`) as the distro sees it under the default automount root
 * (`/mnt/c/Users/alex/AppData/Local/Temp`); null when it is not a plain absolute path on a drive letter.
 */
export function windowsPathToMnt(windowsPath: string): string | null {
  const match = /^([A-Za-z]):[\\/](.*)$/.exec(windowsPath);
  if (!match || windowsPath.length > 1024) return null;
  const [, letter = '', rest = ''] = match;
  const segments = rest.split(/[\\/]+/).filter((s) => s !== '');
  if (!segments.every((s) => SEGMENT.test(s) && s !== '.' && s !== '..' && ![...s].some((ch) => (ch.codePointAt(0) ?? 0) < 0x20))) return null;
  return ['/mnt', letter.toLowerCase(), ...segments].join('/');
}

/** The Windows temp folder Lightdock runs with: `TEMP`, `TMP`, else the OS's. */
export function windowsTempDir(env: NodeJS.ProcessEnv = process.env): string {
  return env['TEMP'] ?? env['TMP'] ?? os.tmpdir();
}

/** The script's four lines, read strictly: MB/s each way on each side, and how many times slower the Windows drive is. */
export function parseBoundaryOutput(output: string): { windowsDrive: Throughput; linux: Throughput; slowdown: number } {
  const lines = output.split('\n').filter((l) => l !== '');
  if (lines.length !== 4) throw new ServiceError('INTERNAL', 'The boundary measurement printed something other than its four timings.');
  const figures = new Map<string, number>();
  for (const line of lines) {
    const match = LINE.exec(line);
    if (!match) throw new ServiceError('INTERNAL', 'The boundary measurement printed a line that is not a timing.');
    const [, side = '', phase = '', ns = '0', bytes = '0'] = match;
    const key = `${side}-${phase}`;
    if (figures.has(key)) throw new ServiceError('INTERNAL', 'The boundary measurement printed a timing twice.');
    figures.set(key, megabytesPerSecond(Number(bytes), Number(ns)));
  }
  const get = (key: string): number => figures.get(key) ?? 0;
  const windowsDrive = { readMBps: get('windows-read'), writeMBps: get('windows-write') };
  const linux = { readMBps: get('linux-read'), writeMBps: get('linux-write') };
  return { windowsDrive, linux, slowdown: slowdownOf(windowsDrive, linux) };
}

/** How many times slower the Windows drive is: the worse of read and write, rounded to one decimal (0 when nothing was timed). */
export function slowdownOf(windowsDrive: Throughput, linux: Throughput): number {
  const ratio = (l: number, w: number): number => (w > 0 ? l / w : 0);
  return Math.round(Math.max(ratio(linux.readMBps, windowsDrive.readMBps), ratio(linux.writeMBps, windowsDrive.writeMBps)) * 10) / 10;
}

/**
 * A short, bounded timed read/write on a Windows drive (the user's temp folder, as `/mnt/<drive>/…`) and in the
 * distro's home, from one constant script with the folder passed as an argument; cancelled by `signal` (the
 * script still cleans up when wsl.exe ends it).
 */
export async function measureBoundaryInDistro(shell: DistroShell, name: string, signal: AbortSignal, windowsDir: string = windowsTempDir()): Promise<BoundaryCost> {
  const target = windowsPathToMnt(windowsDir);
  if (target === null) throw new ServiceError('UNAVAILABLE', `The Windows temp folder (${windowsDir}) is not a folder on a drive letter, so there is nowhere to time the boundary.`);
  if (signal.aborted) throw cancelled();
  const run = shell.run(name, BOUNDARY_SCRIPT, { args: [target], timeoutMs: BOUNDARY_TIMEOUT_MS });
  const output = await abortable(run, signal);
  const figures = parseBoundaryOutput(output);
  return {
    distro: name,
    ...figures,
    measured: true,
    method: `Timed in ${name}: ${SEQUENTIAL_BYTES / 1048576} MiB written with fsync and read back, then ${SMALL_FILES} files of ${SMALL_FILE_BYTES / 1024} KiB, in ${target} and in the home folder (reads may come from the page cache).`,
    at: shell.clock.now(),
  };
}

function megabytesPerSecond(bytes: number, ns: number): number {
  return Math.round((bytes / Math.max(ns, MIN_TIMED_NS)) * 1000 * 100) / 100;
}

function cancelled(): ServiceError {
  return new ServiceError('CONFLICT', 'The boundary measurement was cancelled.');
}

/** Settles with the run, or rejects as cancelled when the signal fires first (the run's own timeout still bounds it). */
function abortable<T>(run: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    run.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
