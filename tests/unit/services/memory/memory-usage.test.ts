import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { ProcessRunner, RunResult } from '../../../../electron/services/wsl/cli/process-runner';
import { WslCliBackend } from '../../../../electron/services/wsl/cli/wsl-cli-backend';
import { DROP_CACHES_SCRIPT, MEMORY_USAGE_SCRIPT, parseResidentMemory } from '../../../../electron/services/wsl/cli/memory-usage';
import { RecordingLogger } from '../../../helpers/recording';
import { rejection } from '../../../helpers/service-error';

const LIST = [
  '  NAME            STATE           VERSION',
  '* Ubuntu          Running         2',
  '  Legacy          Running         1',
  '  Debian          Running         2',
  '  Stopped-One     Stopped         2',
  '',
].join('\r\n');

const ok = (stdout: string, exitCode = 0): RunResult => ({ stdout: Buffer.from(stdout, 'utf8'), stderr: Buffer.alloc(0), exitCode, timedOut: false });

/** A wsl.exe that lists `list` and answers each distro's script with `scripts[name]`; every call's arguments are kept. */
function fakeWsl(list: string, scripts: Record<string, RunResult>): { runner: ProcessRunner; calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    runner: {
      run: async (_file, args): Promise<RunResult> => {
        calls.push([...args]);
        if (args.join(' ') === '--list --verbose') return ok(list);
        const name = args[1] as string;
        const answer = scripts[name];
        if (args[0] !== '--distribution' || answer === undefined) throw new Error(`unexpected wsl.exe ${args.join(' ')}`);
        return answer;
      },
    },
  };
}

const backend = (runner: ProcessRunner): WslCliBackend =>
  new WslCliBackend({ env: {}, platform: 'win32', logger: new RecordingLogger(), runner, hostMemoryBytes: 16 * 1024 ** 3 });

describe('parseResidentMemory', () => {
  it('reads the three lines in any order into bytes (pages × page size) and processes', () => {
    expect(parseResidentMemory('pagesize 4096\nrss_pages 1000\nprocesses 12\n', 'Ubuntu')).toEqual({ bytes: 4_096_000, processes: 12 });
    expect(parseResidentMemory('processes 1\r\nrss_pages 2\r\npagesize 65536\r\n', 'Ubuntu')).toEqual({ bytes: 131_072, processes: 1 });
  });

  it('reads what the script prints when run by a real POSIX sh (this machine\u2019s /proc)', () => {
    const output = execFileSync('/bin/sh', ['-c', MEMORY_USAGE_SCRIPT], { timeout: 10_000 }).toString('utf8');
    const parsed = parseResidentMemory(output, 'this machine');
    expect(parsed.processes).toBeGreaterThan(0);
    expect(parsed.bytes).toBeGreaterThan(0);
  });

  it('refuses anything else: extra lines, repeats, missing lines, odd page sizes, huge figures, long output', () => {
    const bad = [
      'pagesize 4096\nrss_pages 1\nprocesses 1\nhello',
      'pagesize 4096\npagesize 4096\nrss_pages 1\nprocesses 1',
      'pagesize 4096\nrss_pages 1',
      'pagesize 4095\nrss_pages 1\nprocesses 1',
      'pagesize 256\nrss_pages 1\nprocesses 1',
      'pagesize 4096\nrss_pages -1\nprocesses 1',
      'pagesize 4096\nrss_pages 9999999999999999\nprocesses 1',
      ' pagesize 4096\nrss_pages 1\nprocesses 1',
      `pagesize 4096\nrss_pages 1\nprocesses 1\n${'\n'.repeat(300)}`,
      'pagesize 4096\u0000\nrss_pages 1\nprocesses 1',
    ];
    for (const output of bad) {
      expect(() => parseResidentMemory(output, 'Ubuntu')).toThrow(/memory of Ubuntu/);
    }
  });
});

describe('WslCliBackend memory over wsl.exe', () => {
  it('runs the constant script in each running WSL2 distro (not WSL1, not stopped ones) and reads the host from the OS', async () => {
    const { runner, calls } = fakeWsl(LIST, {
      Ubuntu: ok('pagesize 4096\nrss_pages 25600\nprocesses 40\n'),
      Debian: ok('pagesize 4096\nrss_pages 256\nprocesses 3\n'),
    });
    const usage = await backend(runner).memoryUsage();
    expect(usage.distros).toEqual([
      { name: 'Ubuntu', processBytes: 100 * 1024 ** 2 },
      { name: 'Debian', processBytes: 1024 ** 2 },
    ]);
    expect(usage.hostTotalBytes).toBe(16 * 1024 ** 3);
    expect(usage.hostAvailableBytes).toBeLessThanOrEqual(usage.hostTotalBytes);
    expect(usage.distroEstimate).toMatch(/resident memory/);
    const scripts = calls.filter((args) => args[0] === '--distribution');
    expect(scripts).toEqual([
      ['--distribution', 'Ubuntu', '--exec', '/bin/sh', '-c', MEMORY_USAGE_SCRIPT],
      ['--distribution', 'Debian', '--exec', '/bin/sh', '-c', MEMORY_USAGE_SCRIPT],
    ]);
  });

  it('leaves out a distro whose script fails and names it, but refuses nothing else', async () => {
    const { runner } = fakeWsl(LIST, { Ubuntu: ok('', 1), Debian: ok('pagesize 4096\nrss_pages 1\nprocesses 1\n') });
    const usage = await backend(runner).memoryUsage();
    expect(usage.distros.map((d) => d.name)).toEqual(['Debian']);
    expect(usage.distroEstimate).toContain('Ubuntu could not be read');
  });

  it('leaves out a distro that prints hostile output', async () => {
    const { runner } = fakeWsl(LIST, { Ubuntu: ok('\u001b[31mpagesize 4096\nrss_pages 1\nprocesses 1\n'), Debian: ok('pagesize 4096\nrss_pages 2\nprocesses 1\n') });
    const usage = await backend(runner).memoryUsage();
    expect(usage.distros).toEqual([{ name: 'Debian', processBytes: 8192 }]);
  });

  it('drops the page cache as root in the first running WSL2 distro', async () => {
    const { runner, calls } = fakeWsl(LIST, { Ubuntu: ok('') });
    await backend(runner).reclaimMemory();
    expect(calls.filter((args) => args[0] === '--distribution')).toEqual([['--distribution', 'Ubuntu', '--user', 'root', '--exec', '/bin/sh', '-c', DROP_CACHES_SCRIPT]]);
    expect(DROP_CACHES_SCRIPT).toBe('sync; echo 1 > /proc/sys/vm/drop_caches');
  });

  it('refuses to drop caches with CONFLICT when no WSL2 distro runs, running nothing', async () => {
    const list = ['  NAME   STATE    VERSION', '* Ubuntu Stopped  2', '  Old    Running  1', ''].join('\r\n');
    const { runner, calls } = fakeWsl(list, {});
    const error = await rejection(backend(runner).reclaimMemory());
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/No WSL2 distro is running/);
    expect(calls.filter((args) => args[0] === '--distribution')).toEqual([]);
  });

  it('passes a failed drop on as an error', async () => {
    const { runner } = fakeWsl(LIST, { Ubuntu: ok('', 1) });
    expect((await rejection(backend(runner).reclaimMemory())).message).toMatch(/Ubuntu/);
  });
});
