import { spawn } from 'node:child_process';

/** How one external call runs: the child's whole environment and the time it may take. */
export interface RunOptions {
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
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

/** Limits of the real runner; tests shrink them so faults show quickly. */
export interface ExecRunnerOptions {
  maxOutputBytes?: number;
  pipeGraceMs?: number;
}

/**
 * The real runner: `spawn` without a shell, `windowsHide`, stdin ignored, both pipes drained at once and
 * each capped at `maxOutputBytes` (past it the child is killed and `overflow` says which stream was cut).
 * It resolves once the child has exited and its pipes closed, or `pipeGraceMs` after the exit when a
 * grandchild keeps them open; on timeout the child is killed and the call resolves with `timedOut: true`.
 */
export function createExecFileRunner(options: ExecRunnerOptions = {}): ProcessRunner {
  const maxOutputBytes = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  const pipeGraceMs = options.pipeGraceMs ?? DEFAULT_PIPE_GRACE_MS;
  return {
    run(file, args, runOptions) {
      return new Promise((resolve, reject) => {
        const child = spawn(file, [...args], {
          env: runOptions.env,
          shell: false,
          windowsHide: true,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        const collected = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
        const sizes = { stdout: 0, stderr: 0 };
        let timedOut = false;
        let overflow: RunOverflow | null = null;
        let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
        let settled = false;
        let graceTimer: NodeJS.Timeout | undefined;
        const stopTimers = (): void => {
          clearTimeout(timer);
          clearTimeout(graceTimer);
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
          });
        };
        const timer = setTimeout(() => {
          timedOut = true;
          if (exited) finish();
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
          if (timedOut || overflow) finish();
          // After the grace, one more turn of the event loop reads what the pipes already hold before they are dropped.
          else graceTimer = setTimeout(() => setImmediate(finish), pipeGraceMs);
        });
        child.on('close', () => finish());
      });
    },
  };
}

/** The runner every host uses: `createExecFileRunner` with the default cap and pipe grace. */
export const execFileRunner: ProcessRunner = createExecFileRunner();
