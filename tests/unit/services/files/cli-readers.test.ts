import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoundaryCost } from '../../../../shared/model/files';
import {
  BOUNDARY_SCRIPT,
  measureBoundaryInDistro,
  parseBoundaryOutput,
  windowsPathToMnt,
} from '../../../../electron/services/wsl/cli/boundary-cost';
import { DISTRO_DIRECTORIES_SCRIPT, MAX_DIRECTORY_PROCESSES, parseDistroDirectories } from '../../../../electron/services/wsl/cli/distro-directories';
import type { DistroShell } from '../../../../electron/services/wsl/cli/distro-shell';
import type { ProcessRunner, RunResult } from '../../../../electron/services/wsl/cli/process-runner';
import { WslCliBackend } from '../../../../electron/services/wsl/cli/wsl-cli-backend';
import { ManualClock, RecordingLogger } from '../../../helpers/recording';
import { rejection } from '../../../helpers/service-error';
import { makeTempDir } from '../../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

/**
 * A wsl.exe stand-in that runs the Linux part of `--exec …` on this machine, with `home` as HOME and the
 * distro's `/mnt/…` found under `mntRoot`, and keeps each argument array, so the backend's own runScript is
 * what builds the call.
 */
function localDistroRunner(home: string, mntRoot = '/nonexistent', cwd = home): { runner: ProcessRunner; calls: string[][] } {
  const calls: string[][] = [];
  const runner: ProcessRunner = {
    run(_file, args, options) {
      calls.push([...args]);
      const exec = args.indexOf('--exec');
      const [program = '', ...rest] = args.slice(exec + 1).map((a, i) => (i > 3 && a.startsWith('/mnt/') ? path.join(mntRoot, a) : a));
      return new Promise<RunResult>((resolve) => {
        execFile(program, rest, { cwd, env: { PATH: process.env['PATH'], HOME: home }, timeout: options.timeoutMs, encoding: 'buffer' }, (error, stdout, stderr) => {
          const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
          resolve({ stdout, stderr, exitCode: code, timedOut: false, signal: null });
        });
      });
    },
  };
  return { runner, calls };
}

/** A DistroShell that must never be asked to run anything. */
const idleShell = (calls: string[]): DistroShell => ({
  listDistros: async () => [],
  run: async (name) => {
    calls.push(name);
    return '';
  },
  hostMemory: () => ({ totalBytes: 0, availableBytes: 0 }),
  clock: new ManualClock(),
});

/** Runs `work` with TEMP set to `value` (where the backend finds the Windows temp folder), restoring it after. */
async function withTemp<T>(value: string, work: () => Promise<T>): Promise<T> {
  const before = process.env['TEMP'];
  process.env['TEMP'] = value;
  try {
    return await work();
  } finally {
    if (before === undefined) delete process.env['TEMP'];
    else process.env['TEMP'] = before;
  }
}

function backendWith(runner: ProcessRunner, clock = new ManualClock()): WslCliBackend {
  return new WslCliBackend({ env: { PATH: process.env['PATH'] }, platform: 'linux', logger: new RecordingLogger(), runner, clock, hostMemoryBytes: 1024 ** 3, hostProcessors: 2 });
}

describe('the working-directories reader', () => {
  it('reads this machine’s processes, its own shell excluded, through the backend', async () => {
    const launchedIn = path.join(temp.dir, 'wsl.exe started here');
    fs.mkdirSync(launchedIn);
    const { runner, calls } = localDistroRunner(temp.dir, '/nonexistent', launchedIn);
    const directories = await backendWith(runner).distroDirectories('Ubuntu');
    expect(directories.processes.some((p) => p.cwd === launchedIn)).toBe(false);
    expect(directories.home).toMatch(/^\//);
    expect(directories.processes.length).toBeGreaterThan(0);
    expect(directories.processes.length).toBeLessThanOrEqual(MAX_DIRECTORY_PROCESSES);
    expect(directories.processes.every((p) => p.cwd.startsWith('/') && p.command !== '')).toBe(true);
    expect(directories.processes.some((p) => p.cwd === process.cwd())).toBe(true);
    expect(calls).toEqual([['--distribution', 'Ubuntu', '--exec', '/bin/sh', '-c', DISTRO_DIRECTORIES_SCRIPT]]);
  });

  it('parses home, processes and the end; skips paths with control characters', () => {
    const output = ['H', '/home/alex', 'P', 'node', '/mnt/c/web', 'P', 'bash', '/home/alex', 'P', 'evil', '/tmp/a\nb', 'E', ''].join('\0');
    expect(parseDistroDirectories(output)).toEqual({
      home: '/home/alex',
      processes: [
        { command: 'node', cwd: '/mnt/c/web' },
        { command: 'bash', cwd: '/home/alex' },
      ],
    });
  });

  it('cleans a command name and gives no home for a relative one', () => {
    expect(parseDistroDirectories(['H', 'relative', 'P', '\u001b[31mx', '/', 'E', ''].join('\0'))).toEqual({ home: null, processes: [{ command: '?[31mx', cwd: '/' }] });
  });

  it.each([
    ['no end', ['H', '/root', 'P', 'a', '/'].join('\0') + '\0'],
    ['a cut record', ['H', '/root', 'P', 'a'].join('\0') + '\0'],
    ['an unknown record', ['H', '/root', 'X', 'a', '/', 'E', ''].join('\0')],
    ['text after the end', ['H', '/root', 'E', 'P', 'a', '/', ''].join('\0')],
    ['no home', ['P', 'a', '/', 'E', ''].join('\0')],
    ['no final separator', ['H', '/root', 'E'].join('\0')],
    ['too many processes', ['H', '/root', ...Array.from({ length: MAX_DIRECTORY_PROCESSES + 1 }, () => ['P', 'a', '/']).flat(), 'E', ''].join('\0')],
    ['plain text', 'Welcome to Ubuntu\n'],
  ])('refuses output with %s', (_why, output) => {
    expect(() => parseDistroDirectories(output)).toThrow(/working directories could not be read/);
  });
});

describe('the boundary measurement', () => {
  it('turns a Windows folder into its /mnt path and refuses anything else', () => {
    expect(windowsPathToMnt('C:\\Users\\alex\\AppData\\Local\\Temp')).toBe('/mnt/c/Users/alex/AppData/Local/Temp');
    expect(windowsPathToMnt('d:/tmp/')).toBe('/mnt/d/tmp');
    for (const bad of ['/tmp', '\\\\server\\share\\x', 'C:\\a\\..\\b', 'C:\\a:b', 'C:\\a\nb', 'CC:\\x', 'C:relative']) expect(windowsPathToMnt(bad)).toBeNull();
  });

  it('times both sides with the temp folder as an argument, cleans up, and labels it measured', async () => {
    const windowsTemp = "C:\\Users\\o'neil\\$(touch pwned)\\Temp";
    const mnt = path.join(temp.dir, 'root');
    const windows = path.join(mnt, "/mnt/c/Users/o'neil/$(touch pwned)/Temp");
    const home = path.join(temp.dir, 'home');
    fs.mkdirSync(windows, { recursive: true });
    fs.mkdirSync(home);
    const { runner, calls } = localDistroRunner(home, mnt);
    const clock = new ManualClock();
    const cost = BoundaryCost.parse(await withTemp(windowsTemp, () => backendWith(runner, clock).measureBoundary('Ubuntu', new AbortController().signal)));
    expect(cost).toMatchObject({ distro: 'Ubuntu', measured: true, at: clock.now() });
    expect(cost.windowsDrive.readMBps).toBeGreaterThan(0);
    expect(cost.linux.writeMBps).toBeGreaterThan(0);
    expect(cost.slowdown).toBeGreaterThan(0);
    expect(cost.method).toMatch(/^Timed in Ubuntu: 4 MiB written with fsync and read back, then 200 files of 4 KiB, in \/mnt\/c\/Users\/o'neil/);
    expect(calls).toEqual([['--distribution', 'Ubuntu', '--exec', '/bin/sh', '-c', BOUNDARY_SCRIPT, 'sh', "/mnt/c/Users/o'neil/$(touch pwned)/Temp"]]);
    expect(fs.readdirSync(windows)).toEqual([]);
    expect(fs.readdirSync(home)).toEqual([]);
    expect(fs.existsSync(path.join(temp.dir, 'pwned'))).toBe(false);
  });

  it('fails with a ServiceError and leaves nothing when the Windows folder is missing in the distro', async () => {
    const home = path.join(temp.dir, 'home');
    fs.mkdirSync(home);
    const { runner, calls } = localDistroRunner(home, path.join(temp.dir, 'root'));
    const error = await rejection(withTemp('C:\\Temp', () => backendWith(runner).measureBoundary('Ubuntu', new AbortController().signal)));
    expect(error.message).toMatch(/Ubuntu/);
    expect(calls).toHaveLength(1);
    expect(fs.readdirSync(home)).toEqual([]);
  });

  it('refuses a temp folder that is not on a drive, and a cancelled run, before running anything', async () => {
    const calls: string[] = [];
    expect((await rejection(measureBoundaryInDistro(idleShell(calls), 'Ubuntu', new AbortController().signal, '/tmp'))).code).toBe('UNAVAILABLE');
    const controller = new AbortController();
    controller.abort();
    expect((await rejection(measureBoundaryInDistro(idleShell(calls), 'Ubuntu', controller.signal, 'C:\\Temp'))).message).toMatch(/cancelled/);
    expect(calls).toEqual([]);
  });

  it('reads the four timings strictly', () => {
    const ok = 'linux-write 10000000 5013504\nlinux-read 5000000 5013504\nwindows-write 200000000 5013504\nwindows-read 35000000 5013504\n';
    expect(parseBoundaryOutput(ok)).toEqual({
      linux: { readMBps: 1002.7, writeMBps: 501.35 },
      windowsDrive: { readMBps: 143.24, writeMBps: 25.07 },
      slowdown: 20,
    });
    expect(parseBoundaryOutput(ok.replace('linux-read 5000000', 'linux-read 0')).linux.readMBps).toBe(5013.5);
    for (const bad of ['', ok.replace('linux-read', 'linux-reed'), `${ok}linux-read 1 1\n`, ok.replace('windows-read', 'linux-read'), ok.replace('5000000', '-5')]) {
      expect(() => parseBoundaryOutput(bad)).toThrow(/boundary measurement printed/);
    }
  });
});
