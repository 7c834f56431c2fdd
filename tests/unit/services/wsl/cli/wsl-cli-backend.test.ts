import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProcessRunner } from '../../../../../electron/services/wsl/cli/process-runner';
import { WslCliBackend, resolveWslExe, type PollTimer } from '../../../../../electron/services/wsl/cli/wsl-cli-backend';
import { SIMULATED_HOST_FILE, SimulatedWslBackend } from '../../../../../electron/services/wsl/simulated/simulated-wsl-backend';
import { WslService } from '../../../../../electron/services/wsl/wsl-service';
import { ManualClock, RecordingEventSink, RecordingLogger } from '../../../../helpers/recording';
import { makeTempDir } from '../../../../helpers/temp-dir';
import { rejection } from '../../../../helpers/service-error';

const FAKE_WSL = path.resolve(import.meta.dirname, '../../../../helpers/fake-wsl/wsl.mjs');
const FAKE_REG = path.resolve(import.meta.dirname, '../../../../helpers/fake-reg/reg.mjs');
const FIXTURES = path.resolve(import.meta.dirname, '../../../../fixtures/wsl');

let temp: ReturnType<typeof makeTempDir>;
let simulated: SimulatedWslBackend;
let logger: RecordingLogger;
let callLog: string;
const stops: (() => void)[] = [];

async function seed(scenario: 'ready' | 'empty'): Promise<void> {
  simulated = new SimulatedWslBackend(temp.dir, scenario, new ManualClock(), new RecordingLogger(), { sleep: async () => undefined });
  simulated.reseedIfScenarioDiffers(scenario);
  await simulated.listDistros();
}

function backend(extraEnv: NodeJS.ProcessEnv = {}, options: { timeoutMs?: number; pollTimer?: PollTimer } = {}): WslCliBackend {
  const env = {
    PATH: process.env['PATH'],
    LIGHTDOCK_WSL_EXE: FAKE_WSL,
    LIGHTDOCK_REG_EXE: FAKE_REG,
    LIGHTDOCK_WSLCONFIG: path.join(temp.dir, '.wslconfig'),
    LIGHTDOCK_DATA_DIR: temp.dir,
    FAKE_WSL_LOG: callLog,
    ...extraEnv,
  };
  return new WslCliBackend({ env, platform: 'linux', logger, ...options });
}

/** A poll timer the test fires by hand: what is scheduled, and running what is due. */
function manualPollTimer(): { schedule: PollTimer; pending: () => number; fire: () => number } {
  const queue: { callback: () => void; cancelled: boolean }[] = [];
  return {
    schedule: (callback) => {
      const entry = { callback, cancelled: false };
      queue.push(entry);
      return () => {
        entry.cancelled = true;
      };
    },
    pending: () => queue.filter((entry) => !entry.cancelled).length,
    fire: () => {
      const due = queue.splice(0).filter((entry) => !entry.cancelled);
      due.forEach((entry) => entry.callback());
      return due.length;
    },
  };
}

function calls(): { argv: string[]; utf8: boolean }[] {
  if (!fs.existsSync(callLog)) return [];
  return fs
    .readFileSync(callLog, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as { argv: string[]; utf8: boolean });
}

beforeEach(async () => {
  temp = makeTempDir();
  logger = new RecordingLogger();
  callLog = path.join(temp.dir, 'fake-wsl-calls.jsonl');
  await seed('ready');
});
afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  temp.cleanup();
});

describe.each([
  { encoding: 'UTF-16LE (a wsl.exe that ignores WSL_UTF8)', env: { FAKE_WSL_FORCE_UTF16: '1' }, utf8: false },
  { encoding: 'UTF-8 (WSL_UTF8=1)', env: {}, utf8: true },
])('WslCliBackend against the fake wsl.exe, $encoding', ({ env, utf8 }) => {
  it('lists the distros exactly as the simulated host has them', async () => {
    const cli = backend(env);
    expect(await cli.listDistros()).toEqual(await simulated.listDistros());
    expect(calls()).toEqual([{ argv: ['--list', '--verbose'], utf8 }]);
  });

  it('starts a distro as root with /bin/true, and the VM with it', async () => {
    const cli = backend(env);
    await cli.startDistro('Debian');
    expect(calls().at(-1)?.argv).toEqual(['--distribution', 'Debian', '--user', 'root', '--exec', '/bin/true']);
    expect((await cli.listDistros()).find((d) => d.name === 'Debian')?.state).toBe('Running');
    expect(await cli.vmInfo()).toMatchObject({ state: 'Running', runningDistros: 1 });
    expect((await simulated.listDistros()).find((d) => d.name === 'Debian')?.state).toBe('Running');
  });

  it('terminates a running distro', async () => {
    await simulated.startDistro('Debian');
    const cli = backend(env);
    await cli.terminateDistro('Debian');
    expect((await cli.listDistros()).find((d) => d.name === 'Debian')?.state).toBe('Stopped');
    expect(await cli.vmInfo()).toMatchObject({ state: 'Stopped', runningDistros: 0 });
  });

  it('makes another distro the default, which then comes first', async () => {
    const cli = backend(env);
    await cli.setDefaultDistro('Debian');
    expect((await cli.listDistros()).map((d) => [d.name, d.isDefault])).toEqual([
      ['Debian', true],
      ['Ubuntu-24.04', false],
      ['docker-desktop', false],
    ]);
  });

  it('shuts everything down', async () => {
    await simulated.startDistro('Debian');
    await simulated.startDistro('Ubuntu-24.04');
    const cli = backend(env);
    expect(await cli.vmInfo()).toMatchObject({ state: 'Running', runningDistros: 2 });
    await cli.shutdown();
    expect((await cli.listDistros()).every((d) => d.state === 'Stopped')).toBe(true);
    expect(await cli.vmInfo()).toMatchObject({ state: 'Stopped', runningDistros: 0 });
  });

  it('reports an unknown distro as NOT_FOUND with the Wsl/ code and the exit code', async () => {
    const cli = backend(env);
    for (const attempt of [() => cli.terminateDistro('nope'), () => cli.startDistro('nope'), () => cli.setDefaultDistro('nope')]) {
      const error = await rejection(attempt());
      expect(error.code).toBe('NOT_FOUND');
      expect(error.details).toEqual({ code: 'Wsl/Service/WSL_E_DISTRO_NOT_FOUND', exitCode: 255 });
    }
  });

  it('reports NOT_FOUND the same way under a German locale', async () => {
    const error = await rejection(backend({ ...env, FAKE_WSL_LOCALE: 'de' }).terminateDistro('nope'));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.details).toEqual({ code: 'Wsl/Service/WSL_E_DISTRO_NOT_FOUND', exitCode: 255 });
  });

  it('lists a machine without distros as empty, confirmed by -l -q and not by the localized message', async () => {
    await seed('empty');
    for (const locale of ['en', 'de']) {
      fs.rmSync(callLog, { force: true });
      expect(await backend({ ...env, FAKE_WSL_LOCALE: locale }).listDistros()).toEqual([]);
      expect(calls().map((c) => c.argv)).toEqual([
        ['--list', '--verbose'],
        ['--list', '--quiet'],
      ]);
    }
    expect(await backend(env).vmInfo()).toMatchObject({ state: 'Stopped', runningDistros: 0 });
  });
});

describe('WslCliBackend failures', () => {
  it('is UNAVAILABLE when wsl.exe does not exist', async () => {
    const error = await rejection(backend({ LIGHTDOCK_WSL_EXE: path.join(temp.dir, 'missing', 'wsl.exe') }).listDistros());
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.details).toEqual({ code: null, exitCode: null });
  });

  it('is UNAVAILABLE when only the "WSL is not installed" stub answers', async () => {
    const error = await rejection(backend({ FAKE_WSL_NOT_INSTALLED: '1' }).listDistros());
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.details).toEqual({ code: null, exitCode: 1 });
  });

  it('is TIMEOUT when wsl.exe does not answer in time', async () => {
    const error = await rejection(backend({ FAKE_WSL_DELAY_MS: '10000' }, { timeoutMs: 500 }).listDistros());
    expect(error.code).toBe('TIMEOUT');
  });

  it('refuses a name outside WSL grammar without running wsl.exe', async () => {
    const cli = backend();
    for (const name of ['a;b $(x)', '', 'x'.repeat(257), 'Ubuntu 24.04']) {
      expect((await rejection(cli.terminateDistro(name))).code).toBe('VALIDATION');
    }
    expect(calls()).toEqual([]);
  });

  it('is UNAVAILABLE when virtualization is off, INTERNAL for other Wsl/ codes', async () => {
    const answer = (file: string): ProcessRunner => ({
      run: async () => ({ stdout: fs.readFileSync(path.join(FIXTURES, file)), stderr: Buffer.alloc(0), exitCode: 4294967295, timedOut: false }),
    });
    const options = { env: {}, platform: 'win32' as const, logger };
    const vm = await rejection(new WslCliBackend({ ...options, runner: answer('error-virtualization.utf16le.txt') }).startDistro('Ubuntu'));
    expect(vm.code).toBe('UNAVAILABLE');
    expect(vm.details).toEqual({ code: 'Wsl/Service/CreateInstance/CreateVm/HCS/HCS_E_HYPERV_NOT_INSTALLED', exitCode: 4294967295 });
    const internal = await rejection(
      new WslCliBackend({
        ...options,
        runner: { run: async () => ({ stdout: Buffer.from('Boom.\r\nError code: Wsl/Service/E_UNEXPECTED\r\n', 'utf16le'), stderr: Buffer.alloc(0), exitCode: 4294967295, timedOut: false }) },
      }).shutdown(),
    );
    expect(internal.code).toBe('INTERNAL');
    expect(internal.details).toEqual({ code: 'Wsl/Service/E_UNEXPECTED', exitCode: 4294967295 });
  });

  it('reads a failing Linux command in a start as INTERNAL, never as "WSL not installed"', async () => {
    const runner: ProcessRunner = { run: async () => ({ stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), exitCode: 1, timedOut: false }) };
    const error = await rejection(new WslCliBackend({ env: {}, platform: 'win32', logger, runner }).startDistro('Ubuntu'));
    expect(error.code).toBe('INTERNAL');
    expect(error.details).toEqual({ code: null, exitCode: 1 });
  });
});

describe('WslCliBackend details', () => {
  it('runs %SystemRoot%\\System32\\wsl.exe by default, LIGHTDOCK_WSL_EXE when set', () => {
    expect(resolveWslExe({})).toBe('C:\\Windows\\System32\\wsl.exe');
    expect(resolveWslExe({ SYSTEMROOT: 'D:\\Win' })).toBe('D:\\Win\\System32\\wsl.exe');
    expect(resolveWslExe({ SystemRoot: 'D:\\Win', LIGHTDOCK_WSL_EXE: '/opt/wsl' })).toBe('/opt/wsl');
  });

  it('shows an unknown state word as Unknown, keeps the word, and warns once', async () => {
    const runner: ProcessRunner = {
      run: async (file, args, options) => {
        expect([file, args, options.env['WSL_UTF8']]).toEqual(['C:\\Windows\\System32\\wsl.exe', ['--list', '--verbose'], '1']);
        const text = '  NAME      STATE           VERSION\r\n* Ubuntu    Running         1\r\n  Debian    Running         2\r\n  Alpine    Angehalten      2\r\n';
        return { stdout: Buffer.from(text, 'utf16le'), stderr: Buffer.alloc(0), exitCode: 0, timedOut: false };
      },
    };
    const cli = new WslCliBackend({ env: { WSL_UTF8: '0' }, platform: 'win32', logger, runner });
    await cli.listDistros();
    expect((await cli.listDistros()).at(-1)).toEqual({ name: 'Alpine', state: 'Unknown', rawState: 'Angehalten', version: 2, isDefault: false });
    expect(logger.lines.filter((l) => l.message.includes('"Angehalten"'))).toHaveLength(1);
  });

  it('logs wsl.exe warnings from stderr once', async () => {
    const runner: ProcessRunner = {
      run: async () => ({
        stdout: Buffer.from('  NAME      STATE           VERSION\r\n* Ubuntu    Stopped         2\r\n', 'utf8'),
        stderr: Buffer.from('wsl: Unknown key \'wsl2.foo\' in C:\\Users\\u\\.wslconfig:2\r\n', 'utf16le'),
        exitCode: 0,
        timedOut: false,
      }),
    };
    const cli = new WslCliBackend({ env: {}, platform: 'win32', logger, runner });
    await cli.listDistros();
    await cli.listDistros();
    expect(logger.lines.filter((l) => l.message.includes("Unknown key 'wsl2.foo'"))).toHaveLength(1);
  });

  it('polls only while a listener is attached and gives it each list, changed when it changed outside', async () => {
    const timer = manualPollTimer();
    const cli = backend({}, { pollTimer: timer.schedule });
    expect(timer.pending()).toBe(0);

    const listener = vi.fn();
    const stop = cli.watchExternalChanges(listener);
    stops.push(stop);
    expect(timer.pending()).toBe(1);
    for (const expectedCalls of [1, 2]) {
      expect(timer.fire()).toBe(1);
      await vi.waitFor(() => expect(timer.pending()).toBe(1), { timeout: 5000 });
      expect(calls()).toHaveLength(expectedCalls);
    }
    expect(listener.mock.calls.map((call) => (call[0] as { changed: boolean }).changed)).toEqual([false, false]);

    await simulated.startDistro('Debian');
    timer.fire();
    await vi.waitFor(() => expect(timer.pending()).toBe(1), { timeout: 5000 });
    expect(listener).toHaveBeenCalledTimes(3);
    expect(listener.mock.lastCall?.[0]).toMatchObject({ changed: true, distros: expect.arrayContaining([expect.objectContaining({ name: 'Debian', state: 'Running' })]) });

    stop();
    expect(timer.pending()).toBe(0);
    expect(timer.fire()).toBe(0);
    expect(calls()).toHaveLength(3);
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it('drives WslService end to end: names resolve case-insensitively, rows come back updated', async () => {
    const events = new RecordingEventSink();
    const service = new WslService(backend(), events, logger);
    stops.push(() => service.dispose());
    expect(await service.start('debian')).toEqual({ name: 'Debian', state: 'Running', version: 2, isDefault: false });
    expect(await service.setDefault('DEBIAN')).toMatchObject({ name: 'Debian', isDefault: true });
    expect(await service.shutdown()).toMatchObject({ state: 'Stopped', runningDistros: 0 });
    expect(events.events.map((e) => e.channel)).toContain('distros:changed');
    const state = JSON.parse(fs.readFileSync(path.join(temp.dir, SIMULATED_HOST_FILE), 'utf8')) as { distros: { state: string }[] };
    expect(state.distros.every((d) => d.state === 'Stopped')).toBe(true);
  });
});
