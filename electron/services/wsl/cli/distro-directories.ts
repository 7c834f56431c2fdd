import { ServiceError } from '../../errors';
import type { DistroDirectories } from '../wsl-backend';
import type { DistroShell } from './distro-shell';

/** At most this many processes are read (the script stops there, and the parser refuses more). */
export const MAX_DIRECTORY_PROCESSES = 256;
/** What the script may print: 256 records of a 15-byte name and a 4096-byte path, with room to spare. */
const MAX_OUTPUT_CHARS = 1_200_000;
const SCRIPT_TIMEOUT_MS = 15_000;
const MAX_PATH = 4096;
const MAX_COMMAND = 64;

/**
 * A constant script: the default user's home, then the command name and working directory of up to 256
 * processes it may read, NUL-separated (a path may hold any byte but NUL). It works from `/` and skips itself,
 * so its own working directory (the one wsl.exe was started in) is never reported.
 */
export const DISTRO_DIRECTORIES_SCRIPT = [
  'cd / || exit 3',
  'h=$(getent passwd "$(id -u)" 2>/dev/null | cut -d: -f6)',
  '[ -n "$h" ] || h="${HOME:-}"',
  "printf 'H\\0%s\\0' \"$h\"",
  'n=0',
  'for p in /proc/[0-9]*; do',
  `  [ "$n" -ge ${MAX_DIRECTORY_PROCESSES} ] && break`,
  '  [ "${p#/proc/}" = "$$" ] && continue',
  '  c=$(readlink "$p/cwd" 2>/dev/null) || continue',
  '  [ -n "$c" ] || continue',
  '  m=$(cat "$p/comm" 2>/dev/null) || continue',
  '  n=$((n + 1))',
  "  printf 'P\\0%s\\0%s\\0' \"$m\" \"$c\"",
  'done',
  "printf 'E\\0'",
].join('\n');

/** What the directories script printed, read strictly: a home record, process records, an end record; anything else is refused. */
export function parseDistroDirectories(output: string): DistroDirectories {
  if (output.length > MAX_OUTPUT_CHARS) throw unrecognised('it printed too much');
  const fields = output.split('\0');
  if (fields.at(-1) !== '') throw unrecognised('it did not end with a separator');
  fields.pop();
  if (fields[0] !== 'H' || fields.length < 3) throw unrecognised('it did not start with the home');
  const homeText = fields[1] ?? '';
  const home = homeText.startsWith('/') && homeText.length <= MAX_PATH && !/[\n\r]/.test(homeText) ? homeText : null;
  const processes: DistroDirectories['processes'] = [];
  let index = 2;
  for (;;) {
    const tag = fields[index];
    if (tag === 'E') {
      if (index !== fields.length - 1) throw unrecognised('it went on after the end');
      return { home, processes };
    }
    if (tag !== 'P') throw unrecognised('a record was neither a process nor the end');
    const command = fields[index + 1];
    const cwd = fields[index + 2];
    if (command === undefined || cwd === undefined) throw unrecognised('a process record was cut short');
    if (processes.length >= MAX_DIRECTORY_PROCESSES) throw unrecognised(`it listed more than ${MAX_DIRECTORY_PROCESSES} processes`);
    if (usablePath(cwd)) processes.push({ command: cleanCommand(command), cwd });
    index += 3;
  }
}

/** The working directories of a running distro's processes (`/proc/<pid>/cwd`), and the default user's home. */
export async function readDistroDirectories(shell: DistroShell, name: string): Promise<DistroDirectories> {
  const output = await shell.run(name, DISTRO_DIRECTORIES_SCRIPT, { timeoutMs: SCRIPT_TIMEOUT_MS });
  return parseDistroDirectories(output);
}

/** An absolute path of sane length without line breaks or other control characters (those are skipped, not shown). */
function usablePath(cwd: string): boolean {
  return cwd.startsWith('/') && cwd.length <= MAX_PATH && ![...cwd].some(isControl);
}

/** `comm` is at most 15 bytes and ends with a newline the shell already removed; anything odd is cut and cleaned. */
function cleanCommand(command: string): string {
  const clean = [...command].map((ch) => (isControl(ch) ? '?' : ch)).join('').slice(0, MAX_COMMAND);
  return clean === '' ? '?' : clean;
}

/** C0 control characters and DEL. */
function isControl(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f;
}

function unrecognised(why: string): ServiceError {
  return new ServiceError('INTERNAL', `The list of working directories could not be read: ${why}.`);
}
