import { formatSize } from './run-args';
import type { MountSpec, PublishSpec, RunSpec } from './run-container';

// The `docker run` line equivalent to a run spec, for people to read and copy: flags in a stable order, the
// defaults left out, every word POSIX-quoted so a shell hands docker exactly these arguments.

/** Characters a word may hold and still need no quotes in any POSIX shell. */
const SAFE_WORD = /^[A-Za-z0-9_@%+:,./-]+$/;
/** Characters of a word that may stand unquoted, `=` included once it is not the first character (zsh's `=cmd`). */
const SAFE_AFTER_FIRST = /^[A-Za-z0-9_@%+:,./-][A-Za-z0-9_@%+=:,./-]*$/;

/** One word quoted for a POSIX shell: left alone when it is plain, else in single quotes with `'` written `'\''`. */
export function quoteWord(word: string): string {
  if (word !== '' && (SAFE_WORD.test(word) || SAFE_AFTER_FIRST.test(word))) return word;
  return `'${word.replaceAll("'", "'\\''")}'`;
}

/** The nano CPUs as `--cpus` text: 500_000_000 → "0.5", 2_000_000_000 → "2". */
export function formatCpus(nanoCpus: number): string {
  const whole = Math.floor(nanoCpus / 1e9);
  const fraction = String(nanoCpus % 1e9).padStart(9, '0').replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}

/** `-p` text for one published port, the host address always written (Lightdock's default 127.0.0.1 is not docker's). */
export function formatPublish(port: PublishSpec): string {
  const ip = port.hostIp.includes(':') ? `[${port.hostIp}]` : port.hostIp;
  const proto = port.protocol === 'tcp' ? '' : `/${port.protocol}`;
  return `${ip}:${port.hostPort ?? ''}:${port.containerPort}${proto}`;
}

/** `-v` text for one mount. */
export function formatMount(mount: MountSpec): string {
  return `${mount.source}:${mount.target}${mount.readOnly ? ':ro' : ''}`;
}

/** The restart flag's value, or null for the default ("no"). */
function restartText(spec: RunSpec): string | null {
  if (spec.restart === 'no') return null;
  if (spec.restart === 'on-failure' && spec.maxRetries !== null && spec.maxRetries > 0) return `on-failure:${spec.maxRetries}`;
  return spec.restart;
}

/** The argument words after `docker` (`run -d …` or `create …`), defaults left out, in a stable order. */
export function dockerRunArgs(spec: RunSpec): string[] {
  const args: string[] = spec.start ? ['run', '-d'] : ['create'];
  const flag = (name: string, value: string | null): void => {
    if (value !== null) args.push(name, value);
  };
  flag('--name', spec.name);
  if (spec.tty) args.push('-t');
  flag('--restart', restartText(spec));
  flag('--network', spec.namespaces.network === 'bridge' ? null : spec.namespaces.network);
  flag('--pid', spec.namespaces.pid === 'private' ? null : spec.namespaces.pid);
  flag('--ipc', spec.namespaces.ipc === 'private' ? null : spec.namespaces.ipc);
  flag('--uts', spec.namespaces.uts === 'private' ? null : spec.namespaces.uts);
  const { memoryBytes, memorySwapBytes, nanoCpus, pidsLimit } = spec.resources;
  flag('--memory', memoryBytes === null ? null : formatSize(memoryBytes));
  flag('--memory-swap', memorySwapBytes === null ? null : memorySwapBytes === -1 ? '-1' : formatSize(memorySwapBytes));
  flag('--cpus', nanoCpus === null ? null : formatCpus(nanoCpus));
  flag('--pids-limit', pidsLimit === null ? null : String(pidsLimit));
  for (const port of spec.ports) args.push('-p', formatPublish(port));
  for (const env of spec.env) args.push('-e', `${env.name}=${env.value}`);
  for (const mount of spec.mounts) args.push('-v', formatMount(mount));
  for (const [key, value] of Object.entries(spec.labels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) args.push('--label', `${key}=${value}`);
  args.push(spec.image, ...spec.command);
  return args;
}

/** A bind source under the home folder keeps `~/` outside the quotes, so the shell still expands it (`~` alone becomes `~/`). */
function quoteMount(word: string): string {
  if (!word.startsWith('~/') && !word.startsWith('~:')) return quoteWord(word);
  const rest = word.startsWith('~/') ? word.slice(2) : word.slice(1);
  return rest === '' ? '~/' : `~/${quoteWord(rest)}`;
}

/** The equivalent `docker run -d …` (or `docker create …` when the spec does not start it), every word POSIX-quoted. */
export function dockerRunLine(spec: RunSpec): string {
  const args = dockerRunArgs(spec);
  const image = args.length - 1 - spec.command.length;
  return ['docker', ...args.map((word, i) => (i < image && args[i - 1] === '-v' ? quoteMount(word) : quoteWord(word)))].join(' ');
}
