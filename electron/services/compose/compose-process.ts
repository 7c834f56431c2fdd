import { spawn, type ChildProcess } from 'node:child_process';
import { ServiceError } from '../errors';
import type { Logger } from '../ports';

/** How long after SIGTERM a Compose child gets before SIGKILL. */
export const KILL_GRACE_MS = 5_000;
/** How long the pipes may stay open after the child exited (a grandchild holding them) before the run ends anyway. */
export const PIPE_GRACE_MS = 2_000;
/** Longest stderr line remembered for the failure message. */
const LAST_LINE_CHARS = 500;

/** One Compose child to run: its argv (argv[0] is the program), folder, whole environment and limits. */
export interface ComposeRun {
  argv: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** After this the child is stopped; `timeoutEnds` says whether that fails the run (up, down…) or ends it (logs). */
  timeoutMs: number;
  timeoutEnds: 'fail' | 'finish';
  signal: AbortSignal;
  /** Output text as it arrives, stdout and stderr alike. */
  onOutput: (text: string) => void;
  logger: Logger;
  /** Where the running child is kept so the owner can kill it on dispose. */
  children: Set<ChildProcess>;
}

/** SIGTERM now, SIGKILL after KILL_GRACE_MS if it has not exited; answers the grace timer's cancel. */
export function terminate(child: ChildProcess): () => void {
  if (child.exitCode !== null || child.signalCode !== null) return () => undefined;
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }, KILL_GRACE_MS);
  timer.unref?.();
  return () => clearTimeout(timer);
}

/** Terminal colour and cursor sequences (ESC [ … letter), which Compose may print even without a terminal. */
const ANSI_SEQUENCE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, 'g');

function lastLineOf(text: string, previous: string): string {
  const lines = text
    .replace(ANSI_SEQUENCE, '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const last = lines.at(-1);
  return last === undefined ? previous : last.slice(0, LAST_LINE_CHARS);
}

/**
 * Runs one Compose child with `spawn` (argument array, no shell, stdin closed), streaming stdout and stderr as text
 * to `onOutput` as it arrives (the job service bounds what it keeps); a grandchild that keeps the pipes open after the
 * child exited is cut off after PIPE_GRACE_MS. Resolves when the child exits 0, when the
 * signal aborts it (SIGTERM, then SIGKILL after 5 s) or when a `finish` timeout ends it; rejects on a spawn error,
 * a `fail` timeout or a non-zero exit, with the last stderr line.
 */
export function runComposeChild(run: ComposeRun): Promise<void> {
  const [file, ...args] = run.argv;
  if (file === undefined) return Promise.reject(new ServiceError('UNAVAILABLE', 'No Compose CLI to run.'));
  if (run.signal.aborted) return Promise.resolve();
  run.logger.info('compose: running', { argv: run.argv, cwd: run.cwd });
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: run.cwd, env: run.env, shell: false, windowsHide: true, stdio: ['ignore', 'pipe', 'pipe'] });
    run.children.add(child);
    let lastError = '';
    let timedOut = false;
    let stopGrace: () => void = () => undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      stopGrace = terminate(child);
    }, run.timeoutMs);
    timer.unref?.();
    const onAbort = (): void => {
      stopGrace = terminate(child);
    };
    run.signal.addEventListener('abort', onAbort, { once: true });
    let settled = false;
    const settle = (error: Error | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stopGrace();
      run.signal.removeEventListener('abort', onAbort);
      run.children.delete(child);
      if (error === null) resolve();
      else reject(error);
    };
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    child.stdout?.on('data', (text: string) => run.onOutput(text));
    child.stderr?.on('data', (text: string) => {
      lastError = lastLineOf(text, lastError);
      run.onOutput(text);
    });
    // A broken pipe ends that stream's output; the child's exit still decides the outcome.
    child.stdout?.on('error', (error) => run.logger.warn('compose: stdout failed', error));
    child.stderr?.on('error', (error) => run.logger.warn('compose: stderr failed', error));
    child.on('error', (error: NodeJS.ErrnoException) => {
      run.logger.warn('compose: the CLI could not run', error);
      settle(new ServiceError('UNAVAILABLE', error.code === 'ENOENT' ? `${file} was not found; is Docker Compose installed?` : `${file} could not run (${error.message}).`));
    });
    const finish = (code: number | null, signal: NodeJS.Signals | null): void => {
      if (settled) return;
      run.logger.info('compose: finished', { argv: run.argv, code, signal });
      if (run.signal.aborted) return settle(null);
      if (timedOut) {
        const minutes = Math.round(run.timeoutMs / 60_000);
        return settle(run.timeoutEnds === 'finish' ? null : new ServiceError('TIMEOUT', `Compose did not finish within ${minutes} minutes and was stopped.`));
      }
      if (code === 0) return settle(null);
      const why = lastError === '' ? `exit code ${code ?? signal ?? 'unknown'}` : lastError;
      settle(new ServiceError('CONFLICT', `Compose failed: ${why}`));
    };
    let graceTimer: ReturnType<typeof setTimeout> | undefined;
    child.on('exit', (code, signal) => {
      graceTimer = setTimeout(() => {
        child.stdout?.destroy();
        child.stderr?.destroy();
        finish(code, signal);
      }, PIPE_GRACE_MS);
      graceTimer.unref?.();
    });
    child.on('close', (code, signal) => {
      clearTimeout(graceTimer);
      finish(code, signal);
    });
  });
}
