import { spawn } from 'node:child_process';

/** How one external call runs: the child's whole environment and the time it may take. */
export interface RunOptions {
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
}

/** What one external call produced; `exitCode` is null when the child was killed by a signal. */
export interface RunResult {
  stdout: Buffer;
  stderr: Buffer;
  exitCode: number | null;
  timedOut: boolean;
}

/**
 * The port for running a program: an argument array, never a shell, stdin closed, a hard timeout.
 * Rejects only when the program cannot be started (the spawn error, e.g. `ENOENT`, is passed on).
 */
export interface ProcessRunner {
  run(file: string, args: readonly string[], options: RunOptions): Promise<RunResult>;
}

/**
 * The real runner: `spawn` without a shell, `windowsHide`, stdin ignored, both pipes drained at once.
 * On timeout the child is killed and the call resolves with `timedOut: true` as soon as it exits,
 * without waiting for grandchildren that may still hold the pipes open.
 */
export const execFileRunner: ProcessRunner = {
  run(file, args, options) {
    return new Promise((resolve, reject) => {
      const child = spawn(file, [...args], {
        env: options.env,
        shell: false,
        windowsHide: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      let timedOut = false;
      let exited: { code: number | null } | undefined;
      let settled = false;
      const finish = (exitCode: number | null): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr), exitCode, timedOut });
      };
      const abandonPipes = (exitCode: number | null): void => {
        child.stdout.destroy();
        child.stderr.destroy();
        finish(exitCode);
      };
      const timer = setTimeout(() => {
        timedOut = true;
        if (exited) abandonPipes(exited.code);
        else child.kill('SIGKILL');
      }, options.timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      child.on('error', (error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(error);
      });
      child.on('exit', (code) => {
        exited = { code };
        if (timedOut) abandonPipes(code);
      });
      child.on('close', (code) => finish(code));
    });
  },
};
