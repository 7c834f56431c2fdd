/** One line of `ps` as the shell's pid namespace shows it. */
export interface ShellProcess {
  pid: number;
  user: string;
  command: string;
}

/** One network interface as `ip addr` inside the container shows it. */
export interface ShellInterface {
  name: string;
  cidr: string | null;
  mac: string;
}

/** What the simulated shell knows about the container it runs in. */
export interface ShellContext {
  hostname: string;
  kernel: string;
  /** Processes visible in the shell's pid namespace, the shell itself included. */
  processes: ShellProcess[];
  /** `/proc/self/cgroup`. */
  cgroup: string;
  /** Namespace inodes (`readlink /proc/self/ns/<kind>`). */
  namespaces: Record<string, number | null>;
  rootListing: string[];
  interfaces: ShellInterface[];
  env: Record<string, string>;
}

const PROMPT = '/ # ';
const NS_KINDS = ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'pid_for_children', 'time', 'time_for_children', 'user', 'uts'];
const OS_RELEASE = ['NAME="Alpine Linux"', 'ID=alpine', 'VERSION_ID=3.20.3', 'PRETTY_NAME="Alpine Linux v3.20"', 'HOME_URL="https://alpinelinux.org/"'];
const ETC_LISTING = ['alpine-release', 'group', 'hostname', 'hosts', 'os-release', 'passwd', 'resolv.conf', 'shadow'];
const HELP = 'Built-in commands: cat echo env exit hostname id ip ls ps pwd readlink uname whoami clear';

/** Splits a command line into words, honouring single and double quotes. */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  let current = '';
  let quote: string | null = null;
  let inWord = false;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = null;
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}

/** The output lines and exit status of one command, or an exit request. */
type Outcome = { lines: string[]; status: number; exit?: number; raw?: string };

const ok = (...lines: string[]): Outcome => ({ lines, status: 0 });
const fail = (status: number, ...lines: string[]): Outcome => ({ lines, status });

function ipAddr(ctx: ShellContext): string[] {
  return ctx.interfaces.flatMap((iface, i) => {
    const loopback = iface.name === 'lo';
    return [
      `${i + 1}: ${iface.name}: <${loopback ? 'LOOPBACK' : 'BROADCAST,MULTICAST'},UP,LOWER_UP> mtu ${loopback ? 65536 : 1500} qdisc noqueue state UP`,
      `    link/${loopback ? 'loopback' : 'ether'} ${iface.mac} brd ${loopback ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff'}`,
      ...(iface.cidr ? [`    inet ${iface.cidr} scope ${loopback ? 'host' : 'global'} ${iface.name}`, '       valid_lft forever preferred_lft forever'] : []),
    ];
  });
}

function cat(ctx: ShellContext, path: string): Outcome {
  switch (path) {
    case '/proc/self/cgroup':
      return ok(ctx.cgroup);
    case '/etc/hostname':
      return ok(ctx.hostname);
    case '/etc/os-release':
      return ok(...OS_RELEASE);
    case '/proc/version':
      return ok(`Linux version ${ctx.kernel} (root@lightdock) #1 SMP PREEMPT_DYNAMIC`);
    default:
      return fail(1, `cat: can't open '${path}': No such file or directory`);
  }
}

function ls(ctx: ShellContext, args: string[]): Outcome {
  const path = args.find((a) => !a.startsWith('-')) ?? '/';
  if (path === '/' || path === '.') return ok(ctx.rootListing.join('  '));
  if (path === '/proc/self/ns') return ok(NS_KINDS.join('  '));
  const entry = path.replace(/^\/|\/$/g, '');
  if (entry === 'etc') return ok(ETC_LISTING.join('  '));
  if (ctx.rootListing.includes(entry)) return ok();
  return fail(1, `ls: ${path}: No such file or directory`);
}

function ps(ctx: ShellContext): Outcome {
  const rows = ctx.processes.map((p) => `${String(p.pid).padStart(5)} ${p.user.padEnd(8)}  0:00 ${p.command}`);
  return ok('PID   USER     TIME  COMMAND', ...rows);
}

/** Runs one command line in the context. */
export function runCommand(ctx: ShellContext, line: string): Outcome {
  const [name, ...args] = splitWords(line);
  switch (name) {
    case undefined:
      return ok();
    case 'echo':
      return ok(args.join(' '));
    case 'exit': {
      const code = Number(args[0] ?? 0);
      return { lines: [], status: 0, exit: Number.isInteger(code) ? code & 255 : 2 };
    }
    case 'hostname':
      return ok(ctx.hostname);
    case 'whoami':
      return ok('root');
    case 'id':
      return ok('uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)');
    case 'pwd':
      return ok('/');
    case 'cd':
    case 'true':
      return ok();
    case 'false':
      return fail(1);
    case 'uname':
      return ok(args.includes('-a') ? `Linux ${ctx.hostname} ${ctx.kernel} #1 SMP PREEMPT_DYNAMIC x86_64 Linux` : 'Linux');
    case 'ls':
      return ls(ctx, args);
    case 'ps':
      return ps(ctx);
    case 'cat':
      return args.length === 0 ? ok() : args.map((a) => cat(ctx, a)).reduce((acc, o) => ({ lines: [...acc.lines, ...o.lines], status: Math.max(acc.status, o.status) }), ok());
    case 'readlink': {
      const kind = /^\/proc\/(?:self|1)\/ns\/(\w+)$/.exec(args[0] ?? '')?.[1];
      const inode = kind === undefined ? undefined : ctx.namespaces[kind];
      return kind !== undefined && inode !== undefined && inode !== null ? ok(`${kind}:[${inode}]`) : fail(1);
    }
    case 'ip':
      return args[0] === 'a' || args[0] === 'addr' ? ok(...ipAddr(ctx)) : fail(1, 'Usage: ip addr');
    case 'env':
      return ok(...Object.entries(ctx.env).map(([k, v]) => `${k}=${v}`));
    case 'clear':
      return { lines: [], status: 0, raw: '\x1b[H\x1b[2J' };
    case 'help':
      return ok(HELP);
    default:
      return fail(127, `sh: ${name}: not found`);
  }
}

/**
 * A tiny interactive shell on a TTY: echoes typed characters, runs a line on Enter, handles backspace,
 * Ctrl-C and Ctrl-D, ignores escape sequences, and reports its exit code once.
 */
export class SimulatedShell {
  private line = '';
  private escape = false;
  private lastWasCr = false;
  private exited = false;

  constructor(
    private readonly ctx: ShellContext,
    private readonly onOutput: (data: string) => void,
    private readonly onExit: (exitCode: number | null) => void,
  ) {}

  /** Prints the first prompt. */
  start(): void {
    this.onOutput(PROMPT);
  }

  /** Whether the shell has exited (by `exit`, Ctrl-D or `terminate`). */
  get done(): boolean {
    return this.exited;
  }

  /** Feeds typed characters (one or many). */
  write(data: string): void {
    let echo = '';
    for (const ch of data) {
      if (this.exited) return;
      if (this.escape) {
        if (/[A-Za-z~]/.test(ch)) this.escape = false;
        continue;
      }
      const wasCr = this.lastWasCr;
      this.lastWasCr = ch === '\r';
      if (ch === '\x1b') {
        this.escape = true;
      } else if (ch === '\r' || ch === '\n') {
        if (ch === '\n' && wasCr) continue;
        this.onOutput(`${echo}\r\n`);
        echo = '';
        this.enter();
      } else if (ch === '\x7f' || ch === '\b') {
        if (this.line.length > 0) {
          this.line = this.line.slice(0, -1);
          echo += '\b \b';
        }
      } else if (ch === '\x03') {
        this.line = '';
        this.onOutput(`${echo}^C\r\n${PROMPT}`);
        echo = '';
      } else if (ch === '\x04') {
        if (this.line.length === 0) {
          this.onOutput(`${echo}\r\n`);
          this.finish(0);
          return;
        }
      } else if (ch >= ' ') {
        this.line += ch;
        echo += ch;
      }
    }
    if (echo) this.onOutput(echo);
  }

  /** Ends the shell from outside (the session was closed or the container stopped). */
  terminate(exitCode: number | null): void {
    this.finish(exitCode);
  }

  private enter(): void {
    const outcome = runCommand(this.ctx, this.line);
    this.line = '';
    const text = outcome.lines.map((l) => `${l}\r\n`).join('') + (outcome.raw ?? '');
    if (outcome.exit !== undefined) {
      if (text) this.onOutput(text);
      this.finish(outcome.exit);
      return;
    }
    this.onOutput(`${text}${PROMPT}`);
  }

  private finish(exitCode: number | null): void {
    if (this.exited) return;
    this.exited = true;
    this.onExit(exitCode);
  }
}
