import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createExecFileRunner, execFileRunner } from '../../../../../electron/services/wsl/cli/process-runner';
import { makeTempDir } from '../../../../helpers/temp-dir';

const options = { env: { PATH: process.env['PATH'] }, timeoutMs: 10_000 };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('execFileRunner', () => {
  it('passes an argument with shell metacharacters literally', async () => {
    const result = await execFileRunner.run('/bin/echo', ['a;b $(x)', '`id`', '&& rm -rf /nope'], options);
    expect(result.stdout.toString()).toBe('a;b $(x) `id` && rm -rf /nope\n');
    expect(result).toMatchObject({ exitCode: 0, timedOut: false });
  });

  it('collects stdout and stderr as bytes and reports the exit code', async () => {
    const script = "process.stdout.write(Buffer.from([0x41, 0x00])); process.stderr.write('warn'); process.exitCode = 255";
    const result = await execFileRunner.run(process.execPath, ['-e', script], options);
    expect([...result.stdout]).toEqual([0x41, 0x00]);
    expect(result.stderr.toString()).toBe('warn');
    expect(result.exitCode).toBe(255);
  });

  it('passes exactly the given environment', async () => {
    const result = await execFileRunner.run(process.execPath, ['-e', 'process.stdout.write(String(process.env.WSL_UTF8))'], {
      env: { WSL_UTF8: '1' },
      timeoutMs: 10_000,
    });
    expect(result.stdout.toString()).toBe('1');
  });

  it('closes stdin, so a program that reads it does not wait', async () => {
    const result = await execFileRunner.run('/bin/cat', [], options);
    expect(result).toMatchObject({ exitCode: 0, timedOut: false });
    expect(result.stdout.length).toBe(0);
  });

  it('kills the program when the timeout passes', async () => {
    const script = 'process.stdout.write(String(process.pid)); setInterval(() => {}, 1000)';
    const result = await execFileRunner.run(process.execPath, ['-e', script], { ...options, timeoutMs: 1_500 });
    expect(result.timedOut).toBe(true);
    expect(result.exitCode).toBeNull();
    const pid = Number(result.stdout.toString());
    expect(pid).toBeGreaterThan(0);
    expect(isAlive(pid)).toBe(false);
  });

  it('rejects with ENOENT when the program does not exist', async () => {
    await expect(execFileRunner.run('/nonexistent/wsl.exe', [], options)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.each(['stdout', 'stderr'] as const)('cuts %s at the cap, kills the child and says so', async (stream) => {
    const script = `process.${stream}.write(String(process.pid).padEnd(16)); const chunk = Buffer.alloc(65536, 65); const flood = () => { while (process.${stream}.write(chunk)); process.${stream}.once('drain', flood); }; flood();`;
    const result = await createExecFileRunner({ maxOutputBytes: 100_000 }).run(process.execPath, ['-e', script], options);
    expect(result.overflow).toEqual({ stream, limitBytes: 100_000 });
    expect(result[stream].length).toBe(100_000);
    expect(result).toMatchObject({ exitCode: null, signal: 'SIGKILL', timedOut: false });
    expect(isAlive(Number(result[stream].subarray(0, 16).toString().trim()))).toBe(false);
  });

  it('keeps output up to the cap exactly and reports no overflow', async () => {
    const result = await createExecFileRunner({ maxOutputBytes: 1000 }).run(process.execPath, ['-e', "process.stdout.write('x'.repeat(1000))"], options);
    expect(result).toMatchObject({ exitCode: 0, signal: null, overflow: null, timedOut: false });
    expect(result.stdout.length).toBe(1000);
  });

  it('reports the signal that killed the program', async () => {
    const result = await execFileRunner.run(process.execPath, ['-e', "process.stdout.write('half'); process.kill(process.pid, 'SIGTERM')"], options);
    expect(result).toMatchObject({ exitCode: null, signal: 'SIGTERM', timedOut: false });
  });

  it('resolves soon after the exit when a grandchild keeps the pipes open, with what was printed', async () => {
    const temp = makeTempDir();
    const pidFile = path.join(temp.dir, 'grandchild.pid');
    const script =
      "const { spawn } = require('node:child_process'); const g = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: ['ignore', 'inherit', 'inherit'], detached: true });" +
      ` require('node:fs').writeFileSync(${JSON.stringify(pidFile)}, String(g.pid)); g.unref(); process.stdout.write('done');`;
    try {
      const result = await createExecFileRunner({ pipeGraceMs: 50 }).run(process.execPath, ['-e', script], options);
      expect(result).toMatchObject({ exitCode: 0, signal: null, timedOut: false });
      expect(result.stdout.toString()).toBe('done');
    } finally {
      process.kill(Number(fs.readFileSync(pidFile, 'utf8')), 'SIGKILL');
      temp.cleanup();
    }
  });
});
