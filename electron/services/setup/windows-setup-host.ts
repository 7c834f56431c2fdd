import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { ServiceError } from '../errors';
import type { Logger } from '../ports';
import { decodeWslOutput } from '../wsl/cli/decode-output';
import type { ProcessRunner, RunResult } from '../wsl/cli/process-runner';
import type { FeatureState } from '../wsl/simulated/simulated-machine';
import type { ProgressReporter } from '../wsl/wsl-backend';
import { unsignedExit } from './classify-wsl';
import type { FixOutcome, HostFacts, HostFactsPort, SetupActionsPort, WslCall, WslProbe } from './setup-ports';

/** How long reading the facts (one PowerShell call) may take. */
export const FACTS_TIMEOUT_MS = 30_000;
/** How long `wsl --version` / `--status` may take (the stub's install prompt waits 60 s; stdin is closed). */
export const PROBE_TIMEOUT_MS = 20_000;
/** How long an install, an update or enabling the features may take. */
export const FIX_TIMEOUT_MS = 30 * 60_000;
/** `ERROR_SUCCESS_REBOOT_REQUIRED`: success, Windows must restart. */
export const EXIT_REBOOT_REQUIRED = 3010;
/** `ERROR_CANCELLED`: the administrator prompt was declined. */
export const EXIT_ELEVATION_DECLINED = 1223;

const REBOOT_PENDING_KEY = 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending';

/** The one constant script that reads what Node cannot: hypervisor, firmware flag, features, pending restart, boot time. */
export const FACTS_SCRIPT = [
  "$ErrorActionPreference = 'Stop'",
  '$cs = Get-CimInstance -ClassName Win32_ComputerSystem',
  '$cpu = Get-CimInstance -ClassName Win32_Processor | Select-Object -First 1',
  '$os = Get-CimInstance -ClassName Win32_OperatingSystem',
  '$f = @{}',
  "Get-CimInstance -ClassName Win32_OptionalFeature -Filter \"Name='VirtualMachinePlatform' OR Name='Microsoft-Windows-Subsystem-Linux'\" | ForEach-Object { $f[$_.Name] = [int]$_.InstallState }",
  `[pscustomobject]@{ hypervisorPresent = $cs.HypervisorPresent; firmwareVirtualization = $cpu.VirtualizationFirmwareEnabled; vmPlatform = $f['VirtualMachinePlatform']; wslFeature = $f['Microsoft-Windows-Subsystem-Linux']; rebootPending = (Test-Path '${REBOOT_PENDING_KEY}'); bootTime = $os.LastBootUpTime.ToUniversalTime().ToString('o') } | ConvertTo-Json -Compress`,
].join('; ');

/** One elevated DISM run (one UAC prompt) that enables both features without restarting; exits with DISM's code. */
export const ENABLE_FEATURES_SCRIPT = [
  "$ErrorActionPreference = 'Stop'",
  "$dism = Join-Path $env:SystemRoot 'System32\\dism.exe'",
  "$p = Start-Process -FilePath $dism -Verb RunAs -Wait -PassThru -WindowStyle Hidden -ArgumentList '/online','/enable-feature','/featurename:VirtualMachinePlatform','/featurename:Microsoft-Windows-Subsystem-Linux','/all','/norestart','/quiet'",
  'exit $p.ExitCode',
].join('; ');

/** What the facts script prints; anything else is refused. */
const ScriptFacts = z.object({
  hypervisorPresent: z.boolean().nullable().optional(),
  firmwareVirtualization: z.boolean().nullable().optional(),
  vmPlatform: z.number().int().nullable().optional(),
  wslFeature: z.number().int().nullable().optional(),
  rebootPending: z.boolean(),
  bootTime: z.string().max(64),
});

/** `Win32_OptionalFeature.InstallState`: 1 enabled, 2 disabled, 3 absent (payload removed), else unknown. */
export function featureFromInstallState(state: number | null | undefined): FeatureState {
  if (state === 1) return 'Enabled';
  if (state === 2) return 'Disabled';
  if (state === 3) return 'DisabledWithPayloadRemoved';
  return 'Unknown';
}

/** The parts of `os` the facts come from; injected so tests run on any machine. */
export interface OsFacts {
  release(): string;
  machine(): string;
  totalmem(): number;
}

/** What the Windows setup host needs. */
export interface WindowsSetupOptions {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  runner: ProcessRunner;
  logger: Logger;
  wslExe: string;
  os?: OsFacts;
}

/** Build number from `os.release()` ("10.0.22631" → 22631). */
export function buildFromRelease(release: string): number | null {
  const build = Number(/^\d+\.\d+\.(\d+)/.exec(release)?.[1] ?? 0);
  return build > 0 ? build : null;
}

/**
 * The real machine's setup facts and fixes on Windows: Node's `os` for build, architecture and memory; one
 * constant PowerShell script (CIM) for the rest; wsl.exe for the WSL probe and its install or update; one
 * elevated DISM run for the features. Every call has an argument array, a timeout and a log line. Elevated
 * children cannot be stopped by a non-elevated app, so no step here can be cancelled.
 */
export class WindowsSetupHost implements HostFactsPort, SetupActionsPort {
  readonly cancellable = new Set<never>();
  readonly reboot = null;
  private readonly os: OsFacts;
  private readonly powershell: string;
  private readonly childEnv: NodeJS.ProcessEnv;

  constructor(private readonly options: WindowsSetupOptions) {
    this.os = options.os ?? os;
    const systemRoot = options.env['SystemRoot'] ?? options.env['SYSTEMROOT'] ?? 'C:\\Windows';
    this.powershell = path.win32.join(systemRoot, 'System32', 'WindowsPowerShell', 'v1.0', 'powershell.exe');
    this.childEnv = { ...options.env, WSL_UTF8: '1' };
  }

  async read(): Promise<HostFacts> {
    const machine = this.os.machine();
    const arch = machine === 'x86_64' ? 'x64' : machine === 'arm64' || machine === 'aarch64' ? 'arm64' : 'other';
    const base: HostFacts = {
      windows: this.options.platform === 'win32',
      arch64: arch !== 'other',
      arch,
      build: buildFromRelease(this.os.release()),
      memoryBytes: this.os.totalmem(),
      hypervisorPresent: null,
      firmwareVirtualization: null,
      vmPlatform: 'Unknown',
      wslFeature: 'Unknown',
      rebootPending: false,
      bootId: 'unknown',
    };
    if (!base.windows) return base;
    const script = await this.powerShell(FACTS_SCRIPT, FACTS_TIMEOUT_MS);
    if (script === null) return base;
    let json: unknown;
    try {
      json = JSON.parse(script.text);
    } catch {
      this.options.logger.warn('The setup facts script printed something that is not JSON; those facts are unknown.');
      return base;
    }
    const parsed = ScriptFacts.safeParse(json);
    if (!parsed.success) {
      this.options.logger.warn('The setup facts script printed an unexpected shape; those facts are unknown.');
      return base;
    }
    const facts = parsed.data;
    return {
      ...base,
      hypervisorPresent: facts.hypervisorPresent ?? null,
      firmwareVirtualization: facts.firmwareVirtualization ?? null,
      vmPlatform: featureFromInstallState(facts.vmPlatform),
      wslFeature: featureFromInstallState(facts.wslFeature),
      rebootPending: facts.rebootPending,
      bootId: facts.bootTime,
    };
  }

  async probeWsl(): Promise<WslProbe> {
    const [version, status] = await Promise.all([this.wsl(['--version'], PROBE_TIMEOUT_MS), this.wsl(['--status'], PROBE_TIMEOUT_MS)]);
    return { version, status };
  }

  async installWsl(progress: ProgressReporter): Promise<FixOutcome> {
    progress(null, 'Installing WSL (wsl --install --no-distribution); Windows asks for administrator rights.');
    return this.finishWslFix(await this.wsl(['--install', '--no-distribution'], FIX_TIMEOUT_MS), 'install WSL');
  }

  async updateWsl(progress: ProgressReporter): Promise<FixOutcome> {
    progress(null, 'Updating WSL from the Microsoft Store (wsl --update).');
    return this.finishWslFix(await this.wsl(['--update'], FIX_TIMEOUT_MS), 'update WSL');
  }

  async enableFeatures(progress: ProgressReporter): Promise<FixOutcome> {
    progress(null, 'Enabling Virtual Machine Platform and Windows Subsystem for Linux; Windows asks for administrator rights.');
    const result = await this.powerShell(ENABLE_FEATURES_SCRIPT, FIX_TIMEOUT_MS);
    if (result === null) throw new ServiceError('UNAVAILABLE', 'PowerShell could not be started to enable the features.');
    if (result.exitCode === EXIT_REBOOT_REQUIRED) return { rebootRequired: true };
    if (result.exitCode === 0) return { rebootRequired: (await this.read()).rebootPending };
    throw exitError(result.exitCode, 'enable the Windows features');
  }

  private async finishWslFix(call: WslCall, what: string): Promise<FixOutcome> {
    if (call.missing) throw new ServiceError('UNAVAILABLE', `There is no wsl.exe at ${this.options.wslExe}: this Windows is too old to ${what}.`);
    if (call.exitCode === EXIT_REBOOT_REQUIRED) return { rebootRequired: true };
    if (call.exitCode === 0) return { rebootRequired: (await this.read()).rebootPending };
    throw exitError(call.exitCode, what);
  }

  private async wsl(args: string[], timeoutMs: number): Promise<WslCall> {
    const result = await this.run(this.options.wslExe, args, timeoutMs);
    if (result === 'missing') return { exitCode: null, text: '', missing: true };
    return { exitCode: result.timedOut ? null : unsignedExit(result.exitCode), text: decodeWslOutput(result.stdout), missing: false };
  }

  private async powerShell(script: string, timeoutMs: number): Promise<{ exitCode: number | null; text: string } | null> {
    const result = await this.run(this.powershell, ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', script], timeoutMs);
    if (result === 'missing') return null;
    return { exitCode: result.timedOut ? null : unsignedExit(result.exitCode), text: result.stdout.toString('utf8').trim() };
  }

  private async run(file: string, args: string[], timeoutMs: number): Promise<RunResult | 'missing'> {
    const started = Date.now();
    try {
      const result = await this.options.runner.run(file, args, { env: this.childEnv, timeoutMs });
      this.options.logger.info(`setup: ${path.win32.basename(file)} ${args[0] ?? ''} exited ${result.exitCode ?? result.signal ?? 'by timeout'} in ${Date.now() - started} ms`);
      return result;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
      throw error;
    }
  }
}

function exitError(exitCode: number | null, what: string): ServiceError {
  if (exitCode === null) return new ServiceError('TIMEOUT', `Could not ${what}: it did not finish in time.`);
  if (exitCode === EXIT_ELEVATION_DECLINED) return new ServiceError('CONFLICT', `Could not ${what}: the administrator prompt was declined, so nothing changed.`);
  return new ServiceError('INTERNAL', `Could not ${what}: it exited with code ${exitCode}.`);
}
