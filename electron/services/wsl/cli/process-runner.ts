import { spawn, type ChildProcess } from 'node:child_process';

/** How one external call runs: the child's whole environment, the time it may take, and what cancels it. */
export interface RunOptions {
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** When it aborts, the child and every process it started are killed and the call resolves with `cancelled: true`. */
  signal?: AbortSignal;
}

/** A stream that passed the output cap: it was cut at `limitBytes` and the child was killed. */
export interface RunOverflow {
  stream: 'stdout' | 'stderr';
  limitBytes: number;
}

/** What one external call produced; `exitCode` is null when the child was killed by a signal. */
export interface RunResult {
  stdout: Buffer;
  stderr: Buffer;
  exitCode: number | null;
  timedOut: boolean;
  /** The signal that ended the child (`SIGKILL` after a timeout or an overflow); absent or null when it exited itself. */
  signal?: NodeJS.Signals | null;
  /** Set when the child printed more than the runner's cap on one stream. */
  overflow?: RunOverflow | null;
  /** True when the call's signal aborted it: the child's tree was killed (or it never started). */
  cancelled?: boolean;
}

/**
 * The port for running a program: an argument array, never a shell, stdin closed, a hard timeout.
 * Rejects only when the program cannot be started (the spawn error, e.g. `ENOENT`, is passed on) or a
 * wrapper refuses the call (a `ServiceError`, e.g. a full queue).
 */
export interface ProcessRunner {
  run(file: string, args: readonly string[], options: RunOptions): Promise<RunResult>;
}

/** What each stream may hold before the child is killed and the stream cut: 4 MiB (wsl.exe prints kilobytes). */
export const DEFAULT_MAX_OUTPUT_BYTES = 4 * 1024 * 1024;
/** How long the pipes may stay open after the child exited (a grandchild holding them) before they are dropped. */
export const DEFAULT_PIPE_GRACE_MS = 500;

/** How long `taskkill` may take to end a tree on Windows. */
export const TASKKILL_TIMEOUT_MS = 10_000;

/** Limits of the real runner; tests shrink them so faults show quickly. */
export interface ExecRunnerOptions {
  maxOutputBytes?: number;
  pipeGraceMs?: number;
  /** Where the Windows tree kill is logged (`taskkill /PID <pid> /T /F`); silent when absent. */
  log?: (message: string) => void;
  /** The platform whose way of killing a tree is used; `process.platform` unless a test says otherwise. */
  platform?: NodeJS.Platform;
}

/** The result of a call whose signal aborted before it started: nothing ran. */
export function cancelledBeforeStart(): RunResult {
  return { stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), exitCode: null, signal: null, timedOut: false, overflow: null, cancelled: true };
}

/**
 * Kills a child and every process it started. POSIX: the child leads its own process group (it was spawned
 * `detached`), so SIGKILL goes to the whole group. Windows: `taskkill /PID <pid> /T /F` (argument array,
 * a timeout, logged), and the child itself is killed too in case taskkill cannot run.
 */
export function killTree(child: ChildProcess, platform: NodeJS.Platform, log: (message: string) => void): void {
  const pid = child.pid;
  if (pid === undefined) return;
  if (platform === 'win32') {
    const args = ['/PID', String(pid), '/T', '/F'];
    log(`Running taskkill ${args.join(' ')}`);
    const killer = spawn('taskkill', args, { shell: false, windowsHide: true, stdio: 'ignore', timeout: TASKKILL_TIMEOUT_MS });
    killer.on('error', (error) => log(`taskkill could not run: ${error.message}`));
    child.kill('SIGKILL');
    return;
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

/**
 * The real runner: `spawn` without a shell, `windowsHide`, stdin ignored, both pipes drained at once and
 * each capped at `maxOutputBytes` (past it the child is killed and `overflow` says which stream was cut).
 * It resolves once the child has exited and its pipes closed, or `pipeGraceMs` after the exit when a
 * grandchild keeps them open; on timeout the child is killed and the call resolves with `timedOut: true`.
 * A call with a `signal` runs in its own process group on POSIX; when the signal aborts, the child's
 * whole tree is killed (`killTree`) and the call resolves at its exit with `cancelled: true`; a signal
 * already aborted starts nothing.
 */
export function createExecFileRunner(options: ExecRunnerOptions = {}): ProcessRunner {
  const maxOutputBytes = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  const pipeGraceMs = options.pipeGraceMs ?? DEFAULT_PIPE_GRACE_MS;
  const platform = options.platform ?? process.platform;
  const log = options.log ?? (() => undefined);
  return {
    run(file, args, runOptions) {
      const abort = runOptions.signal;
      if (abort?.aborted) return Promise.resolve(cancelledBeforeStart());
      return new Promise((resolve, reject) => {
        const child = spawn(file, [...args], {
          env: runOptions.env,
          shell: false,
          windowsHide: true,
          stdio: ['ignore', 'pipe', 'pipe'],
          // Its own process group, so a cancel can kill the tree; only for calls that can be cancelled.
          detached: abort !== undefined && platform !== 'win32',
        });
        const collected = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
        const sizes = { stdout: 0, stderr: 0 };
        let timedOut = false;
        let cancelled = false;
        let overflow: RunOverflow | null = null;
        let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
        let settled = false;
        let graceTimer: NodeJS.Timeout | undefined;
        const onAbort = (): void => {
          if (exited) return;
          cancelled = true;
          killTree(child, platform, log);
        };
        const stopTimers = (): void => {
          clearTimeout(timer);
          clearTimeout(graceTimer);
          abort?.removeEventListener('abort', onAbort);
        };
        const finish = (): void => {
          if (settled || !exited) return;
          settled = true;
          stopTimers();
          child.stdout.destroy();
          child.stderr.destroy();
          resolve({
            stdout: Buffer.concat(collected.stdout),
            stderr: Buffer.concat(collected.stderr),
            exitCode: exited.code,
            signal: exited.signal,
            timedOut,
            overflow,
            cancelled,
          });
        };
        const timer = setTimeout(() => {
          timedOut = true;
          if (exited) finish();
          else if (abort) killTree(child, platform, log);
          else child.kill('SIGKILL');
        }, runOptions.timeoutMs);
        const collect = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
          if (overflow) return;
          const room = maxOutputBytes - sizes[stream];
          if (chunk.length <= room) {
            collected[stream].push(chunk);
            sizes[stream] += chunk.length;
            return;
          }
          collected[stream].push(chunk.subarray(0, room));
          sizes[stream] += room;
          overflow = { stream, limitBytes: maxOutputBytes };
          child.stdout.destroy();
          child.stderr.destroy();
          if (exited) finish();
          else child.kill('SIGKILL');
        };
        child.stdout.on('data', collect('stdout'));
        child.stderr.on('data', collect('stderr'));
        // A pipe that breaks ends its output; the exit still decides when the call is over.
        child.stdout.on('error', () => undefined);
        child.stderr.on('error', () => undefined);
        child.on('error', (error) => {
          if (settled) return;
          settled = true;
          stopTimers();
          reject(error);
        });
        child.on('exit', (code, signal) => {
          exited = { code, signal };
          if (timedOut || overflow || cancelled) finish();
          // After the grace, one more turn of the event loop reads what the pipes already hold before they are dropped.
          else graceTimer = setTimeout(() => setImmediate(finish), pipeGraceMs);
        });
        child.on('close', () => finish());
        abort?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}

/** The runner every host uses: `createExecFileRunner` with the default cap and pipe grace. */
export const execFileRunner: ProcessRunner = createExecFileRunner();
