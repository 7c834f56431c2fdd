import { describe, expect, it } from 'vitest';
import { ENABLE_FEATURES_SCRIPT, FACTS_SCRIPT, FACTS_TIMEOUT_MS, FIX_TIMEOUT_MS, WindowsSetupHost, buildFromRelease } from '../../../../electron/services/setup/windows-setup-host';
import type { ProcessRunner, RunResult } from '../../../../electron/services/wsl/cli/process-runner';
import { RecordingLogger } from '../../../helpers/recording';
import { rejection } from '../../../helpers/service-error';

interface Seen {
  file: string;
  args: readonly string[];
  timeoutMs: number;
  env: NodeJS.ProcessEnv;
}

const utf16 = (text: string): Buffer => Buffer.from(text, 'utf16le');
const result = (exitCode: number | null, stdout: Buffer | string = '', timedOut = false): RunResult => ({
  stdout: typeof stdout === 'string' ? Buffer.from(stdout) : stdout,
  stderr: Buffer.alloc(0),
  exitCode,
  timedOut,
});

/** A runner that answers by program name and first argument, and records every call. */
function fakeRunner(answers: Record<string, RunResult | 'ENOENT'>): { runner: ProcessRunner; seen: Seen[] } {
  const seen: Seen[] = [];
  const runner: ProcessRunner = {
    async run(file, args, options) {
      seen.push({ file, args, timeoutMs: options.timeoutMs, env: options.env });
      const key = `${file.split('\\').at(-1)} ${args.includes(FACTS_SCRIPT) ? 'facts' : args.includes(ENABLE_FEATURES_SCRIPT) ? 'enable' : args[0]}`;
      const answer = answers[key];
      if (answer === undefined) throw new Error(`unexpected call ${key}`);
      if (answer === 'ENOENT') throw Object.assign(new Error('spawn ENOENT'), { code: 'ENOENT' });
      return answer;
    },
  };
  return { runner, seen };
}

const FACTS_JSON = JSON.stringify({ hypervisorPresent: false, firmwareVirtualization: true, vmPlatform: 2, wslFeature: 1, rebootPending: false, bootTime: '2026-12-01T08:00:00.0000000Z' });
const osFacts = { release: () => '10.0.22631', machine: () => 'x86_64', totalmem: () => 16 * 1024 ** 3 };

function host(answers: Record<string, RunResult | 'ENOENT'>, platform: NodeJS.Platform = 'win32') {
  const { runner, seen } = fakeRunner(answers);
  const logger = new RecordingLogger();
  const windows = new WindowsSetupHost({ env: { SystemRoot: 'D:\\Win' }, platform, runner, logger, wslExe: 'D:\\Win\\System32\\wsl.exe', os: osFacts });
  return { windows, seen, logger };
}

describe('WindowsSetupHost', () => {
  it('reads build, architecture and memory from os and the rest from one constant PowerShell script', async () => {
    const { windows, seen, logger } = host({ 'powershell.exe facts': result(0, FACTS_JSON) });
    expect(await windows.read()).toEqual({
      windows: true,
      arch64: true,
      arch: 'x64',
      build: 22631,
      memoryBytes: 16 * 1024 ** 3,
      hypervisorPresent: false,
      firmwareVirtualization: true,
      vmPlatform: 'Disabled',
      wslFeature: 'Enabled',
      rebootPending: false,
      bootId: '2026-12-01T08:00:00.0000000Z',
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ file: 'D:\\Win\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', timeoutMs: FACTS_TIMEOUT_MS });
    expect(seen[0]?.args.slice(0, 5)).toEqual(['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command']);
    expect(logger.lines.some((l) => l.message.startsWith('setup: powershell.exe'))).toBe(true);
  });

  it('leaves the script facts unknown when PowerShell prints garbage, an unexpected shape or is missing', async () => {
    for (const answer of [result(0, 'not json'), result(0, '{"rebootPending":"yes"}'), 'ENOENT' as const]) {
      const facts = await host({ 'powershell.exe facts': answer }).windows.read();
      expect(facts).toMatchObject({ hypervisorPresent: null, firmwareVirtualization: null, vmPlatform: 'Unknown', bootId: 'unknown', build: 22631 });
    }
  });

  it('runs nothing off Windows and says it is not Windows', async () => {
    const { windows, seen } = host({}, 'linux');
    expect((await windows.read()).windows).toBe(false);
    expect(seen).toHaveLength(0);
  });

  it('probes wsl --version and --status with WSL_UTF8=1, decoding UTF-16 from the stub', async () => {
    const { windows, seen } = host({ 'wsl.exe --version': result(1, utf16('not installed\r\n')), 'wsl.exe --status': result(50, utf16('not installed\r\n')) });
    const probe = await windows.probeWsl();
    expect(probe.version).toEqual({ exitCode: 1, text: 'not installed\n', missing: false });
    expect(probe.status.exitCode).toBe(50);
    expect(seen.every((s) => s.env['WSL_UTF8'] === '1' && s.file === 'D:\\Win\\System32\\wsl.exe')).toBe(true);
  });

  it('reports -1 as 4294967295, a timeout as null, and a missing wsl.exe as missing', async () => {
    const probe = await host({ 'wsl.exe --version': result(-1), 'wsl.exe --status': result(null, '', true) }).windows.probeWsl();
    expect(probe.version.exitCode).toBe(4294967295);
    expect(probe.status.exitCode).toBeNull();
    const none = await host({ 'wsl.exe --version': 'ENOENT', 'wsl.exe --status': 'ENOENT' }).windows.probeWsl();
    expect(none.version.missing && none.status.missing).toBe(true);
  });

  it('installs WSL with --install --no-distribution and a long timeout; 3010 means a restart is needed', async () => {
    const { windows, seen } = host({ 'wsl.exe --install': result(3010) });
    expect(await windows.installWsl(() => undefined)).toEqual({ rebootRequired: true });
    expect(seen[0]).toMatchObject({ args: ['--install', '--no-distribution'], timeoutMs: FIX_TIMEOUT_MS });
  });

  it('after a 0 exit, asks Windows whether a restart is pending', async () => {
    const pending = JSON.stringify({ ...JSON.parse(FACTS_JSON), rebootPending: true });
    const { windows } = host({ 'wsl.exe --update': result(0), 'powershell.exe facts': result(0, pending) });
    expect(await windows.updateWsl(() => undefined)).toEqual({ rebootRequired: true });
  });

  it('enables both features in one elevated DISM run without restarting', async () => {
    expect(ENABLE_FEATURES_SCRIPT).toMatch(/-Verb RunAs/);
    expect(ENABLE_FEATURES_SCRIPT).toMatch(/featurename:VirtualMachinePlatform','\/featurename:Microsoft-Windows-Subsystem-Linux','\/all','\/norestart'/);
    const { windows, seen } = host({ 'powershell.exe enable': result(3010) });
    expect(await windows.enableFeatures(() => undefined)).toEqual({ rebootRequired: true });
    expect(seen).toHaveLength(1);
  });

  it('turns a declined administrator prompt, a timeout and other codes into clear errors', async () => {
    expect((await rejection(host({ 'powershell.exe enable': result(1223) }).windows.enableFeatures(() => undefined))).message).toMatch(/declined, so nothing changed/);
    expect((await rejection(host({ 'wsl.exe --install': result(null, '', true) }).windows.installWsl(() => undefined))).code).toBe('TIMEOUT');
    expect((await rejection(host({ 'wsl.exe --install': result(-1) }).windows.installWsl(() => undefined))).message).toMatch(/4294967295/);
    expect((await rejection(host({ 'wsl.exe --install': 'ENOENT' }).windows.installWsl(() => undefined))).code).toBe('UNAVAILABLE');
  });

  it('offers no cancel and no restart of its own', () => {
    const { windows } = host({});
    expect(windows.cancellable.size).toBe(0);
    expect(windows.reboot).toBeNull();
  });

  it('reads the build number from os.release()', () => {
    expect(buildFromRelease('10.0.19045')).toBe(19045);
    expect(buildFromRelease('6.8.0-48-generic')).toBeNull();
    expect(buildFromRelease('weird')).toBeNull();
  });
});
