import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExecFileRunner, type ProcessRunner, type RunResult } from '../../../../../electron/services/wsl/cli/process-runner';
import { WslCliBackend, type WslCliBackendOptions } from '../../../../../electron/services/wsl/cli/wsl-cli-backend';
import { DISTRO_NAME_PATTERN } from '../../../../../shared/model/distro';
import { ServiceError } from '../../../../../electron/services/errors';
import { SimulatedWslBackend } from '../../../../../electron/services/wsl/simulated/simulated-wsl-backend';
import { ManualClock, RecordingLogger } from '../../../../helpers/recording';
import { rejection } from '../../../../helpers/service-error';
import { makeTempDir } from '../../../../helpers/temp-dir';

const FAKE_WSL = path.resolve(import.meta.dirname, '../../../../helpers/fake-wsl/wsl.mjs');
const FAKE_REG = path.resolve(import.meta.dirname, '../../../../helpers/fake-reg/reg.mjs');
/** Small limits so every fault shows in well under a second (the defaults are 30 s, 4 MiB and 500 ms). */
const TIMEOUT_MS = 1_500;
const CAP_BYTES = 256 * 1024;
const GRACE_MS = 100;

let temp: ReturnType<typeof makeTempDir>;
let logger: RecordingLogger;
let callLog: string;
let expected: unknown;

function calls(): string[][] {
  if (!fs.existsSync(callLog)) return [];
  return fs
    .readFileSync(callLog, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => (JSON.parse(line) as { argv: string[] }).argv);
}

/** The cli backend over the fake wsl.exe, with the real runner shrunk to the test's limits; a fault plays once. */
function faultyBackend(fault: string | null, extraEnv: NodeJS.ProcessEnv = {}, options: Partial<WslCliBackendOptions> = {}): WslCliBackend {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    LIGHTDOCK_WSL_EXE: FAKE_WSL,
    LIGHTDOCK_REG_EXE: FAKE_REG,
    LIGHTDOCK_WSLCONFIG: path.join(temp.dir, '.wslconfig'),
    LIGHTDOCK_DATA_DIR: temp.dir,
    FAKE_WSL_LOG: callLog,
    ...(fault === null ? {} : { FAKE_WSL_FAULT: fault, FAKE_WSL_FAULT_MARKER: path.join(temp.dir, 'fault-played') }),
    ...extraEnv,
  };
  const runner = createExecFileRunner({ maxOutputBytes: CAP_BYTES, pipeGraceMs: GRACE_MS });
  return new WslCliBackend({ env, platform: 'linux', logger, runner, timeoutMs: TIMEOUT_MS, ...options });
}

/** A wsl.exe on Windows that prints the given bytes on stdout and ends as told. */
function answering(stdout: Buffer, end: Partial<RunResult> = {}): ProcessRunner {
  return { run: async () => ({ stdout, stderr: Buffer.alloc(0), exitCode: 0, timedOut: false, ...end }) };
}

function windowsBackend(runner: ProcessRunner): WslCliBackend {
  return new WslCliBackend({ env: {}, platform: 'win32', logger, runner });
}

beforeEach(async () => {
  temp = makeTempDir();
  logger = new RecordingLogger();
  callLog = path.join(temp.dir, 'fake-wsl-calls.jsonl');
  const simulated = new SimulatedWslBackend(temp.dir, 'ready', new ManualClock(), new RecordingLogger(), { sleep: async () => undefined });
  simulated.reseedIfScenarioDiffers('ready');
  expected = await simulated.listDistros();
});
afterEach(() => temp.cleanup());

describe('WslCliBackend against a misbehaving wsl.exe: the right error within the bound, then the next call works', () => {
  it.each([
    { fault: 'hang', code: 'TIMEOUT', message: /did not list the distros within 1\.5 seconds/ },
    { fault: 'cut', code: 'INTERNAL', message: /printed output Lightdock does not recognise when asked to list the distros/ },
    { fault: 'signal', code: 'INTERNAL', message: /^wsl\.exe was killed by the signal SIGKILL before it could list the distros\.$/ },
    { fault: 'garbage', code: 'INTERNAL', message: /printed output Lightdock does not recognise when asked to list the distros \("wsl -l -v": no NAME STATE VERSION table\)/ },
    { fault: 'flood', code: 'INTERNAL', message: /^wsl\.exe printed more than 262144 bytes on stdout when asked to list the distros; Lightdock stopped it and ignored the output\.$/ },
    { fault: 'flood-stderr', code: 'INTERNAL', message: /^wsl\.exe printed more than 262144 bytes on stderr when asked to list the distros; Lightdock stopped it and ignored the output\.$/ },
  ])('$fault: $code', async ({ fault, code, message }) => {
    const cli = faultyBackend(fault);
    const error = await rejection(cli.listDistros());
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(await cli.listDistros()).toEqual(expected);
  });

  it('reads the list when a grandchild keeps the pipes open after wsl.exe exits (no timeout)', async () => {
    const pidFile = path.join(temp.dir, 'orphan.pid');
    const cli = faultyBackend('orphan', { FAKE_WSL_ORPHAN_PIDFILE: pidFile }, { timeoutMs: 15_000 });
    try {
      expect(await cli.listDistros()).toEqual(expected);
    } finally {
      process.kill(Number(fs.readFileSync(pidFile, 'utf8')), 'SIGKILL');
    }
  });
});

describe('WslCliBackend never reads unrecognised output as "no distros"', () => {
  it.each([
    ['random bytes', Buffer.from([0x42, 0xe9, 0x3f, 0x60, 0xd5, 0x16, 0x96, 0x47, 0xe0, 0xbc, 0x13, 0x2e, 0x87])],
    ['a long run of A', Buffer.alloc(100_000, 'A')],
    ['nothing at all', Buffer.alloc(0)],
    ['the zero-distro sentence', Buffer.from('Windows Subsystem for Linux has no installed distributions.\r\n', 'utf16le')],
  ])('%s with exit 0 is an INTERNAL error that says so', async (_label, stdout) => {
    const error = await rejection(windowsBackend(answering(stdout)).listDistros());
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toMatch(/^wsl\.exe printed output Lightdock does not recognise when asked to list the distros/);
    expect(logger.lines.filter((line) => line.message === error.message)).toHaveLength(1);
  });

  it('reads any bytes with exit 0 as a readable table or as an error that says so (1,000 generated outputs)', async () => {
    const header = Buffer.from('  NAME      STATE           VERSION\r\n', 'utf16le');
    const output = fc.oneof(
      fc.uint8Array({ maxLength: 600 }).map((bytes) => Buffer.from(bytes)),
      fc.uint8Array({ maxLength: 600 }).map((bytes) => Buffer.concat([header, Buffer.from(bytes)])),
      fc.string({ maxLength: 200 }).map((text) => Buffer.from(`  NAME      STATE           VERSION\r\n${text}`, 'utf16le')),
    );
    await fc.assert(
      fc.asyncProperty(output, async (stdout) => {
        const outcome = await windowsBackend(answering(stdout)).listDistros().then(
          (distros) => ({ distros }),
          (error: unknown) => ({ error }),
        );
        if ('error' in outcome) {
          expect(outcome.error).toBeInstanceOf(ServiceError);
          expect((outcome.error as ServiceError).message).toMatch(/^wsl\.exe (printed output Lightdock does not recognise|listed a distro Lightdock cannot read)/);
        } else {
          expect(outcome.distros.every((d) => DISTRO_NAME_PATTERN.test(d.name))).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses a "-l -q" line that is not a distro name', async () => {
    const runner: ProcessRunner = {
      run: async (_file, args) =>
        args.includes('--quiet')
          ? { stdout: Buffer.from('\u0007\u0001 \u00ff junk\r\n', 'utf8'), stderr: Buffer.alloc(0), exitCode: 0, timedOut: false }
          : { stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), exitCode: 4294967295, timedOut: false },
    };
    const error = await rejection(windowsBackend(runner).listDistros());
    expect(error.message).toMatch(/does not recognise .*"wsl -l -q": a line that is not a distro name/);
  });

  it('refuses "-l -o" output without its table instead of offering nothing', async () => {
    const error = await rejection(windowsBackend(answering(Buffer.from('\u0000\u0001garbage', 'latin1'))).listOnline());
    expect(error.message).toMatch(/does not recognise when asked to list the distros available online \("wsl -l -o": no NAME FRIENDLY NAME table\)/);
  });

  it('says a signal killed wsl.exe, never "WSL does not appear to be installed"', async () => {
    const error = await rejection(windowsBackend(answering(Buffer.alloc(0), { exitCode: null, signal: 'SIGTERM' })).shutdown());
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toBe('wsl.exe was killed by the signal SIGTERM before it could shut WSL down.');
    expect(error.details).toEqual({ code: null, exitCode: null, signal: 'SIGTERM' });
  });
});

describe('WslCliBackend shares and bounds its wsl.exe calls', () => {
  it('runs one wsl.exe for 200 concurrent lists against a slow wsl.exe, and all get the list', async () => {
    const cli = faultyBackend(null, { FAKE_WSL_DELAY_MS: '300' }, { timeoutMs: 15_000 });
    const lists = await Promise.all(Array.from({ length: 200 }, () => cli.listDistros()));
    expect(lists).toEqual(Array.from({ length: 200 }, () => expected));
    expect(calls()).toEqual([['--list', '--verbose']]);
  });

  it('never runs more than 4 wsl.exe at once, and runs every call', async () => {
    let running = 0;
    let peak = 0;
    const seen: string[] = [];
    const runner: ProcessRunner = {
      run: async (_file, args) => {
        running += 1;
        peak = Math.max(peak, running);
        seen.push(args[1] ?? '');
        await new Promise((resolve) => setImmediate(resolve));
        running -= 1;
        return { stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), exitCode: 0, timedOut: false };
      },
    };
    const cli = windowsBackend(runner);
    const names = Array.from({ length: 40 }, (_, i) => `distro-${i}`);
    await Promise.all(names.map((name) => cli.terminateDistro(name)));
    expect(peak).toBe(4);
    expect(seen.sort()).toEqual([...names].sort());
  });

  it('refuses a call past the queue with a clear error, and works again once the queue drains', async () => {
    let openGate = (): void => undefined;
    const gate = new Promise<void>((resolve) => {
      openGate = resolve;
    });
    let started = 0;
    const runner: ProcessRunner = {
      run: async () => {
        started += 1;
        await gate;
        return { stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), exitCode: 0, timedOut: false };
      },
    };
    const cli = new WslCliBackend({ env: {}, platform: 'win32', logger, runner, runLimits: { maxConcurrent: 1, maxQueued: 2 } });
    const admitted = ['a', 'b', 'c'].map((name) => cli.terminateDistro(name));
    const refused = await rejection(cli.terminateDistro('d'));
    expect(refused.code).toBe('UNAVAILABLE');
    expect(refused.message).toBe('Too many calls to wsl.exe are waiting (2 queued behind 1 running); try again when they finish.');
    expect(started).toBe(1);
    openGate();
    await Promise.all(admitted);
    await cli.terminateDistro('d');
    expect(started).toBe(4);
  });
});
