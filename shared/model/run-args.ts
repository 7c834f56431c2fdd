import { isVolumeName } from './engine-reference';
import { EnvName, type EnvVar, type MountSpec, type PublishSpec, type RunSpec } from './run-container';

// The text grammars of `docker run`'s flags (-p, -v, -e, --memory, --cpus, the command), parsed the way the
// docker CLI parses them, for the run dialog and `lightdock containers run`. Pure: usable in the renderer.

/** A flag's text that does not follow its grammar; the message is one sentence for people. */
export class RunArgError extends Error {
  override readonly name = 'RunArgError';
}

const SIZE_UNITS = ['', 'k', 'm', 'g', 't', 'p'] as const;
/** go-units' RAMInBytes grammar: a decimal number, an optional unit, an optional `i` and `b`. */
const SIZE = /^(\d+(?:\.\d+)?) ?([kmgtp])?i?b?$/i;

/** Bytes from docker's size text ("64m", "1g", "512k", "1024", "64mb", "1.5GiB"), binary units, case-insensitive; throws RunArgError. */
export function parseSize(text: string): number {
  const trimmed = text.trim();
  const match = SIZE.exec(trimmed);
  if (match === null) throw new RunArgError(`"${trimmed}" is not a size: write a number with an optional unit, like 64m, 512k or 1g.`);
  const unit = (match[2] ?? '').toLowerCase();
  const power = SIZE_UNITS.indexOf(unit as (typeof SIZE_UNITS)[number]);
  const bytes = Math.floor(Number(match[1]) * 1024 ** power);
  if (!Number.isSafeInteger(bytes)) throw new RunArgError(`"${trimmed}" is too large a size.`);
  return bytes;
}

/** The shortest exact size text for a byte count (67108864 → "64m", 1536 → "1536"); parseSize reads it back to the same number. */
export function formatSize(bytes: number): string {
  if (!Number.isSafeInteger(bytes) || bytes < 0) return String(bytes);
  let power = 0;
  while (power < SIZE_UNITS.length - 1 && bytes !== 0 && bytes % 1024 ** (power + 1) === 0) power += 1;
  return `${bytes / 1024 ** power}${SIZE_UNITS[power]}`;
}

const NANO = 1_000_000_000;
/** Fewest and most CPUs the engine takes (RunResources' bounds). */
const CPUS_MIN_NANO = 10_000_000;
const CPUS_MAX_NANO = 1024 * NANO;

/** Nano CPUs from `--cpus` text ("0.5" → 500_000_000), between 0.01 and 1024; throws RunArgError. */
export function parseCpus(text: string): number {
  const trimmed = text.trim();
  const match = /^(\d*)(?:\.(\d*))?$/.exec(trimmed);
  if (match === null || trimmed === '' || trimmed === '.') throw new RunArgError(`"${trimmed}" is not a number of CPUs: write a decimal number like 0.5 or 2.`);
  const whole = match[1] === '' ? 0 : Number(match[1]);
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > 9) throw new RunArgError(`"${trimmed}" is too precise: CPUs are counted in billionths.`);
  const nano = whole * NANO + Number(fraction.padEnd(9, '0'));
  if (!Number.isSafeInteger(nano) || nano < CPUS_MIN_NANO || nano > CPUS_MAX_NANO) throw new RunArgError(`"${trimmed}" CPUs is out of range: give between 0.01 and 1024.`);
  return nano;
}

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** True for an IPv6 address in hex groups (with at most one `::`), as PublishSpec holds it. */
function isIpv6(text: string): boolean {
  if (text.length < 2 || text.length > 39) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  if (!groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? groups.length <= 7 : groups.length === 8;
}

function parsePort(text: string, what: string, whole: string): number {
  if (/^\d+-\d+$/.test(text)) throw new RunArgError(`"${whole}" publishes a port range; publish each port on its own.`);
  if (!/^\d{1,5}$/.test(text)) throw new RunArgError(`"${whole}" has "${text}" as its ${what}, which is not a port number.`);
  const port = Number(text);
  if (port < 1 || port > 65_535) throw new RunArgError(`"${whole}" has ${what} ${text}; a port is between 1 and 65535.`);
  return port;
}

/** One `-p [ip:][hostPort:]containerPort[/tcp|udp|sctp]` ("[::1]:8080:80" for IPv6); the host address defaults to 127.0.0.1; throws RunArgError. */
export function parsePublish(text: string): PublishSpec {
  const whole = text.trim();
  if (whole === '') throw new RunArgError('A published port cannot be empty: write hostPort:containerPort, like 8080:80.');
  const slash = whole.lastIndexOf('/');
  const rest = slash === -1 ? whole : whole.slice(0, slash);
  const protocol = slash === -1 ? 'tcp' : whole.slice(slash + 1).toLowerCase();
  if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'sctp') throw new RunArgError(`"${whole}" names protocol "${whole.slice(slash + 1)}"; use tcp, udp or sctp.`);
  let hostIp = '127.0.0.1';
  let ports = rest;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close === -1 || rest[close + 1] !== ':') throw new RunArgError(`"${whole}" has an unclosed IPv6 address; write it like [::1]:8080:80.`);
    hostIp = rest.slice(1, close);
    if (!isIpv6(hostIp)) throw new RunArgError(`"${whole}" has "${hostIp}", which is not an IPv6 address.`);
    ports = rest.slice(close + 2);
    if (ports.split(':').length !== 2) throw new RunArgError(`"${whole}" needs hostPort:containerPort after the address (hostPort may be empty).`);
  }
  const parts = ports.split(':');
  if (parts.length > 3) throw new RunArgError(`"${whole}" has too many ":"; an IPv6 address goes in brackets, like [::1]:8080:80.`);
  if (parts.length === 3) {
    const ip = parts.shift() ?? '';
    if (!IPV4.test(ip)) throw new RunArgError(`"${whole}" has "${ip}", which is not an IPv4 address.`);
    hostIp = ip;
  }
  const containerText = parts.pop() ?? '';
  const hostText = parts.pop();
  const containerPort = parsePort(containerText, 'container port', whole);
  const hostPort = hostText === undefined || hostText === '' ? null : parsePort(hostText, 'host port', whole);
  return { hostIp, hostPort, containerPort, protocol };
}

const WINDOWS_PATH = /^[A-Za-z]:[\\/]/;

/** True for a host path a bind mount takes: absolute, `~` or `~/…`, or a Windows drive path. */
function isHostPath(text: string): boolean {
  return text.startsWith('/') || text === '~' || text.startsWith('~/') || WINDOWS_PATH.test(text);
}

/** One `-v source:target[:ro|rw]`: an absolute host path (or `~`, or `C:\…`) is a bind, anything else a volume name; throws RunArgError. */
export function parseMount(text: string): MountSpec {
  const whole = text.trim();
  const drive = WINDOWS_PATH.test(whole) && whole.indexOf(':', 2) !== -1 ? whole.slice(0, 2) : '';
  const parts = whole.slice(drive.length).split(':');
  if (drive !== '') parts[0] = drive + (parts[0] ?? '');
  if (parts.length < 2) throw new RunArgError(`"${whole}" needs a source and a target: write source:/path/in/container.`);
  let readOnly = false;
  if (parts.length === 3) {
    const mode = parts.pop();
    if (mode !== 'ro' && mode !== 'rw') throw new RunArgError(`"${whole}" ends in mode "${mode}"; use ro or rw.`);
    readOnly = mode === 'ro';
  } else if (parts.length > 3) {
    throw new RunArgError(`"${whole}" has too many ":"; write source:target or source:target:ro.`);
  }
  const [source = '', target = ''] = parts;
  if (source === '') throw new RunArgError(`"${whole}" has no source: give a volume name or an absolute host path.`);
  if (source.includes('\0') || target.includes('\0')) throw new RunArgError('A mount path cannot hold NUL.');
  if (!target.startsWith('/')) throw new RunArgError(`"${target}" is not an absolute path inside the container; it starts with "/".`);
  if (isHostPath(source)) return { kind: 'bind', source, target, readOnly };
  if (source.startsWith('.') || source.includes('/') || source.includes('\\')) {
    throw new RunArgError(`"${source}" is a relative path; a bind mount needs an absolute host path.`);
  }
  if (!isVolumeName(source)) throw new RunArgError(`"${source}" is not a volume name: two or more letters, digits, "_", "." or "-", starting with a letter or digit.`);
  return { kind: 'volume', source, target, readOnly };
}

/** One `-e NAME=value` (the value may be empty or hold "="); throws RunArgError. */
export function parseEnv(text: string): EnvVar {
  const eq = text.indexOf('=');
  if (eq === -1) throw new RunArgError(`"${text}" has no "=": write NAME=value.`);
  const name = text.slice(0, eq);
  const value = text.slice(eq + 1);
  if (!EnvName.safeParse(name).success) throw new RunArgError(`"${name}" is not an environment variable name: it cannot be empty, start with a space or hold "=".`);
  if (value.includes('\0')) throw new RunArgError(`The value of ${name} cannot hold NUL.`);
  if (value.length > 32_768) throw new RunArgError(`The value of ${name} is longer than 32768 characters.`);
  return { name, value };
}

/** Characters a backslash escapes inside double quotes (POSIX). */
const DOUBLE_QUOTE_ESCAPES = new Set(['$', '`', '"', '\\', '\n']);

/** Words from a command line split as a POSIX shell does (blanks, '…', "…", backslash escapes), without expansions; throws RunArgError on an unterminated quote. */
export function parseCommandLine(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === ' ' || c === '\t' || c === '\n') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i += 1;
    } else if (c === "'") {
      const close = text.indexOf("'", i + 1);
      if (close === -1) throw new RunArgError('The command has a single quote that is never closed.');
      word += text.slice(i + 1, close);
      inWord = true;
      i = close + 1;
    } else if (c === '"') {
      i += 1;
      inWord = true;
      for (;;) {
        if (i >= text.length) throw new RunArgError('The command has a double quote that is never closed.');
        const d = text[i] as string;
        if (d === '"') break;
        const next = text[i + 1];
        if (d === '\\' && next !== undefined && DOUBLE_QUOTE_ESCAPES.has(next)) {
          if (next !== '\n') word += next;
          i += 2;
        } else {
          word += d;
          i += 1;
        }
      }
      i += 1;
    } else if (c === '\\') {
      const next = text[i + 1];
      if (next === undefined) throw new RunArgError('The command ends with a lone backslash.');
      if (next !== '\n') {
        word += next;
        inWord = true;
      }
      i += 2;
    } else {
      word += c;
      inWord = true;
      i += 1;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** The empty run form: no name or command, restart "no", no limits, private namespaces on the bridge network, no tty, started. */
export function defaultRunSpec(image: string): RunSpec {
  return {
    image,
    name: null,
    command: [],
    env: [],
    ports: [],
    mounts: [],
    restart: 'no',
    maxRetries: null,
    resources: { memoryBytes: null, memorySwapBytes: null, nanoCpus: null, pidsLimit: null },
    namespaces: { network: 'bridge', pid: 'private', ipc: 'private', uts: 'private' },
    tty: false,
    start: true,
  };
}
