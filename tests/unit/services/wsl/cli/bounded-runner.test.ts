import { describe, expect, it } from 'vitest';
import { boundedRunner } from '../../../../../electron/services/wsl/cli/bounded-runner';
import type { ProcessRunner, RunOptions, RunResult } from '../../../../../electron/services/wsl/cli/process-runner';
import { rejection } from '../../../../helpers/service-error';

interface Pending {
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  finish(stdout?: string): void;
  fail(error: Error): void;
}

/** A runner whose calls stay running until the test finishes them, so every interleaving is chosen by hand. */
function manualRunner(): { runner: ProcessRunner; pending: Pending[]; started: () => number } {
  const pending: Pending[] = [];
  let started = 0;
  const runner: ProcessRunner = {
    run: (_file, args, options) =>
      new Promise<RunResult>((resolve, reject) => {
        started += 1;
        pending.push({
          args,
          env: options.env,
          finish: (stdout = args.join(' ')) => resolve({ stdout: Buffer.from(stdout), stderr: Buffer.alloc(0), exitCode: 0, timedOut: false }),
          fail: reject,
        });
      }),
  };
  return { runner, pending, started: () => started };
}

const options: RunOptions = { env: { WSL_UTF8: '1' }, timeoutMs: 1000 };
const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('boundedRunner', () => {
  it('shares one process among identical calls in flight', async () => {
    const { runner, pending, started } = manualRunner();
    const bounded = boundedRunner(runner);
    const calls = Array.from({ length: 200 }, () => bounded.run('wsl.exe', ['--list', '--verbose'], options));
    expect(started()).toBe(1);
    pending[0]?.finish('the list');
    const results = await Promise.all(calls);
    expect(results.map((r) => r.stdout.toString())).toEqual(Array.from({ length: 200 }, () => 'the list'));
  });

  it('does not share between different arguments, environments or files', async () => {
    const { runner, pending, started } = manualRunner();
    const bounded = boundedRunner(runner);
    const calls = [
      bounded.run('wsl.exe', ['--list'], options),
      bounded.run('wsl.exe', ['--list', '--quiet'], options),
      bounded.run('wsl.exe', ['--list'], { ...options, env: { WSL_UTF8: '0' } }),
      bounded.run('reg.exe', ['--list'], options),
    ];
    expect(started()).toBe(4);
    pending.forEach((p) => p.finish());
    expect((await Promise.all(calls)).map((r) => r.stdout.toString())).toEqual(['--list', '--list --quiet', '--list', '--list']);
  });

  it('starts a new process for a caller that comes after another call finished, so it never gets an older answer', async () => {
    const { runner, pending, started } = manualRunner();
    const bounded = boundedRunner(runner);
    const before = bounded.run('wsl.exe', ['--list'], options);
    const change = bounded.run('wsl.exe', ['--terminate', 'Debian'], options);
    pending[1]?.finish();
    await change;
    const after = bounded.run('wsl.exe', ['--list'], options);
    expect(started()).toBe(3);
    pending[0]?.finish('before the change');
    pending[2]?.finish('after the change');
    expect((await before).stdout.toString()).toBe('before the change');
    expect((await after).stdout.toString()).toBe('after the change');
  });

  it('runs at most maxConcurrent at once and starts the queued ones first come, first served', async () => {
    const { runner, pending, started } = manualRunner();
    const bounded = boundedRunner(runner, { maxConcurrent: 2, maxQueued: 10 });
    const calls = ['a', 'b', 'c', 'd', 'e'].map((name) => bounded.run('wsl.exe', [name], options));
    expect(pending.map((p) => p.args[0])).toEqual(['a', 'b']);
    pending[1]?.finish();
    await flush();
    expect(pending.map((p) => p.args[0])).toEqual(['a', 'b', 'c']);
    pending[0]?.finish();
    await flush();
    expect(pending.map((p) => p.args[0])).toEqual(['a', 'b', 'c', 'd']);
    pending[2]?.fail(new Error('spawn EACCES'));
    await flush();
    pending.slice(3).forEach((p) => p.finish());
    const settled = await Promise.allSettled(calls);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(started()).toBe(5);
  });

  it('lets identical callers join a queued call', async () => {
    const { runner, pending, started } = manualRunner();
    const bounded = boundedRunner(runner, { maxConcurrent: 1, maxQueued: 1 });
    const first = bounded.run('wsl.exe', ['--status'], options);
    const queued = Array.from({ length: 50 }, () => bounded.run('wsl.exe', ['--list'], options));
    pending[0]?.finish();
    await first;
    await flush();
    expect(started()).toBe(2);
    pending[1]?.finish();
    expect(new Set((await Promise.all(queued)).map((r) => r.stdout.toString()))).toEqual(new Set(['--list']));
  });

  it('refuses a call past the queue with UNAVAILABLE and starts nothing for it', async () => {
    const { runner, pending, started } = manualRunner();
    const bounded = boundedRunner(runner, { maxConcurrent: 1, maxQueued: 1 });
    const running = bounded.run('C:\\Windows\\System32\\wsl.exe', ['a'], options);
    const queued = bounded.run('C:\\Windows\\System32\\wsl.exe', ['b'], options);
    const error = await rejection(bounded.run('C:\\Windows\\System32\\wsl.exe', ['c'], options));
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toBe('Too many calls to wsl.exe are waiting (1 queued behind 1 running); try again when they finish.');
    expect(started()).toBe(1);
    pending[0]?.finish();
    await running;
    await flush();
    pending[1]?.finish();
    await queued;
    const later = bounded.run('C:\\Windows\\System32\\wsl.exe', ['c'], options);
    pending[2]?.finish();
    expect((await later).stdout.toString()).toBe('c');
  });

  it('frees the slot when the inner runner throws synchronously', async () => {
    let calls = 0;
    const bounded = boundedRunner(
      {
        run: () => {
          calls += 1;
          if (calls === 1) throw new Error('boom');
          return Promise.resolve({ stdout: Buffer.from('ok'), stderr: Buffer.alloc(0), exitCode: 0, timedOut: false });
        },
      },
      { maxConcurrent: 1, maxQueued: 0 },
    );
    await expect(bounded.run('wsl.exe', ['x'], options)).rejects.toThrow('boom');
    expect((await bounded.run('wsl.exe', ['y'], options)).stdout.toString()).toBe('ok');
  });
});
