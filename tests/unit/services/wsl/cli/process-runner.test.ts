import { describe, expect, it } from 'vitest';
import { execFileRunner } from '../../../../../electron/services/wsl/cli/process-runner';

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
});
