import { afterAll, afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { boundedRunner } from '../../../../../electron/services/wsl/cli/bounded-runner';
import { createExecFileRunner, type ProcessRunner, type RunResult } from '../../../../../electron/services/wsl/cli/process-runner';
import { isProcessAlive, waitUntil } from '../../../../helpers/process-alive';
import { makeTempDir } from '../../../../helpers/temp-dir';

const temp = makeTempDir();
afterEach(() => fs.rmSync(path.join(temp.dir, 'pids'), { force: true }));
afterAll(() => temp.cleanup());

/** A child that starts a grandchild (both sleep), writes "<child> <grandchild>" to `pidFile`, and waits. */
function treeScript(pidFile: string): string[] {
  const script = [
    "const { spawn } = require('node:child_process');",
    "const g = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });",
    `require('node:fs').writeFileSync(${JSON.stringify(pidFile)}, process.pid + ' ' + g.pid);`,
    'setInterval(() => {}, 1000);',
  ].join('\n');
  return ['-e', script];
}

function readPids(pidFile: string): number[] {
  return fs.readFileSync(pidFile, 'utf8').split(' ').map(Number);
}

describe('execFileRunner with a signal', () => {
  it('kills the child and its grandchild when the signal aborts, and resolves cancelled', async () => {
    const pidFile = path.join(temp.dir, 'pids');
    const controller = new AbortController();
    const call = createExecFileRunner().run(process.execPath, treeScript(pidFile), { env: {}, timeoutMs: 30_000, signal: controller.signal });
    await waitUntil(() => fs.existsSync(pidFile) && fs.readFileSync(pidFile, 'utf8').includes(' '), 10_000, 'the pid file');
    const [child, grandchild] = readPids(pidFile) as [number, number];
    expect(isProcessAlive(child)).toBe(true);
    expect(isProcessAlive(grandchild)).toBe(true);
    controller.abort();
    const result = await call;
    expect(result).toMatchObject({ cancelled: true, timedOut: false, exitCode: null });
    expect(isProcessAlive(child)).toBe(false);
    await waitUntil(() => !isProcessAlive(grandchild), 5_000, 'the grandchild to be gone');
    expect(isProcessAlive(grandchild)).toBe(false);
  });

  it('starts nothing when the signal has already aborted', async () => {
    const marker = path.join(temp.dir, 'ran');
    const controller = new AbortController();
    controller.abort();
    const result = await createExecFileRunner().run(process.execPath, ['-e', `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x')`], {
      env: {},
      timeoutMs: 10_000,
      signal: controller.signal,
    });
    expect(result.cancelled).toBe(true);
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('runs a call whose signal never aborts as usual', async () => {
    const result = await createExecFileRunner().run(process.execPath, ['-e', 'process.stdout.write("done")'], { env: {}, timeoutMs: 10_000, signal: new AbortController().signal });
    expect(result).toMatchObject({ exitCode: 0, cancelled: false });
    expect(result.stdout.toString()).toBe('done');
  });

  it('on Windows runs taskkill /PID <pid> /T /F as an argument array, logs it, and still ends the call', async () => {
    const logged: string[] = [];
    const controller = new AbortController();
    const pidFile = path.join(temp.dir, 'pids');
    const runner = createExecFileRunner({ platform: 'win32', log: (message) => logged.push(message) });
    const call = runner.run(process.execPath, ['-e', `require('node:fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setInterval(() => {}, 1000)`], {
      env: { PATH: process.env['PATH'] },
      timeoutMs: 30_000,
      signal: controller.signal,
    });
    await waitUntil(() => fs.existsSync(pidFile) && fs.readFileSync(pidFile, 'utf8') !== '', 10_000, 'the pid file');
    const pid = Number(fs.readFileSync(pidFile, 'utf8'));
    controller.abort();
    const result = await call;
    expect(result.cancelled).toBe(true);
    expect(logged[0]).toBe(`Running taskkill /PID ${pid} /T /F`);
    expect(isProcessAlive(pid)).toBe(false);
  });
});

/** A runner that records its calls and leaves them running until finished or aborted. */
function recordingRunner(): { runner: ProcessRunner; calls: { args: readonly string[]; finish: () => void }[] } {
  const calls: { args: readonly string[]; finish: () => void }[] = [];
  const done = (cancelled: boolean): RunResult => ({ stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), exitCode: cancelled ? null : 0, timedOut: false, cancelled });
  const runner: ProcessRunner = {
    run: (_file, args, options) =>
      new Promise<RunResult>((resolve) => {
        calls.push({ args, finish: () => resolve(done(false)) });
        options.signal?.addEventListener('abort', () => resolve(done(true)));
      }),
  };
  return { runner, calls };
}

describe('boundedRunner with signals', () => {
  it('never shares a call that has a signal, so one caller cancelling does not end the other', async () => {
    const { runner, calls } = recordingRunner();
    const bounded = boundedRunner(runner);
    const first = new AbortController();
    const a = bounded.run('wsl.exe', ['--export', 'Debian', '/tmp/x.tar'], { env: {}, timeoutMs: 1000, signal: first.signal });
    const b = bounded.run('wsl.exe', ['--export', 'Debian', '/tmp/x.tar'], { env: {}, timeoutMs: 1000, signal: new AbortController().signal });
    const plain = bounded.run('wsl.exe', ['--export', 'Debian', '/tmp/x.tar'], { env: {}, timeoutMs: 1000 });
    expect(calls).toHaveLength(3);
    first.abort();
    expect((await a).cancelled).toBe(true);
    calls[1]?.finish();
    calls[2]?.finish();
    expect((await b).cancelled).toBe(false);
    expect((await plain).exitCode).toBe(0);
  });

  it('takes a queued call whose signal aborts out of the queue; it never starts', async () => {
    const { runner, calls } = recordingRunner();
    const bounded = boundedRunner(runner, { maxConcurrent: 1, maxQueued: 4 });
    const running = bounded.run('wsl.exe', ['--list'], { env: {}, timeoutMs: 1000 });
    const controller = new AbortController();
    const queued = bounded.run('wsl.exe', ['--import', 'X', '/d', '/f.tar'], { env: {}, timeoutMs: 1000, signal: controller.signal });
    const after = bounded.run('wsl.exe', ['--status'], { env: {}, timeoutMs: 1000 });
    controller.abort();
    expect((await queued).cancelled).toBe(true);
    calls[0]?.finish();
    await running;
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls.map((c) => c.args[0])).toEqual(['--list', '--status']);
    calls[1]?.finish();
    expect((await after).exitCode).toBe(0);
  });
});
