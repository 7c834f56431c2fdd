import path from 'node:path';
import { DISTRO_NAME_PATTERN, type Distro } from '../../../../shared/model/distro';
import type { VmSummary } from '../../../../shared/model/vm';
import { ServiceError } from '../../errors';
import type { Logger } from '../../ports';
import type { WslBackend } from '../wsl-backend';
import { decodeWslOutput } from './decode-output';
import { parseListVerbose, type ListVerboseRow } from './parse-list-verbose';
import { parseWslErrorCode } from './parse-wsl-error';
import { execFileRunner, type ProcessRunner, type RunResult } from './process-runner';
import { failureToServiceError, spawnFailureToServiceError } from './wsl-failure';

/** Environment variable holding the full path of the wsl.exe to run (a test double on Linux). */
export const WSL_EXE_ENV = 'LIGHTDOCK_WSL_EXE';
/** Time one quick wsl.exe call (list, terminate, set-default, shutdown) may take. */
export const DEFAULT_WSL_TIMEOUT_MS = 30_000;
/** How often `-l -v` is polled while someone watches for external changes. */
export const DEFAULT_POLL_INTERVAL_MS = 5_000;
/** Starting a distro may boot the VM (kernel 30 s, distro 60 s at most), so it gets this many quick timeouts. */
const START_TIMEOUT_FACTOR = 4;

/** What the cli backend needs from its host. */
export interface WslCliBackendOptions {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  logger: Logger;
  runner?: ProcessRunner;
  timeoutMs?: number;
  pollIntervalMs?: number;
}

/** `LIGHTDOCK_WSL_EXE` when set, else `%SystemRoot%\System32\wsl.exe` (`C:\Windows` when unset). */
export function resolveWslExe(env: NodeJS.ProcessEnv): string {
  const explicit = env[WSL_EXE_ENV];
  if (explicit !== undefined && explicit.trim() !== '') return explicit;
  const systemRoot = envValue(env, 'SystemRoot') ?? 'C:\\Windows';
  return path.win32.join(systemRoot, 'System32', 'wsl.exe');
}

/**
 * The real WSL backend: drives wsl.exe by full path with argument arrays, `WSL_UTF8=1` (UTF-16LE still
 * understood), a timeout on every call, and reads results by layout, `Wsl/…` code and exit code only.
 */
export class WslCliBackend implements WslBackend {
  readonly kind = 'cli' as const;
  private readonly exe: string;
  private readonly childEnv: NodeJS.ProcessEnv;
  private readonly runner: ProcessRunner;
  private readonly timeoutMs: number;
  private readonly pollIntervalMs: number;
  private readonly listeners = new Set<() => void>();
  private readonly reported = new Set<string>();
  private lastList: string | null = null;
  private pollTimer: NodeJS.Timeout | undefined;
  private polling = false;

  constructor(private readonly options: WslCliBackendOptions) {
    this.exe = resolveWslExe(options.env);
    this.childEnv = { ...withoutKey(options.env, 'WSL_UTF8'), WSL_UTF8: '1' };
    this.runner = options.runner ?? execFileRunner;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_WSL_TIMEOUT_MS;
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  }

  async listDistros(): Promise<Distro[]> {
    const distros = (await this.listRows(true)).map((row) => this.toDistro(row));
    this.lastList = JSON.stringify(distros);
    return distros;
  }

  /** Boots the distro (and the VM) by running `/bin/true` in it as root; it stays running for a while after. */
  async startDistro(name: string): Promise<void> {
    await this.mustSucceed(['--distribution', checked(name), '--user', 'root', '--exec', '/bin/true'], `start ${name}`, {
      timeoutMs: this.timeoutMs * START_TIMEOUT_FACTOR,
      runsLinux: true,
    });
  }

  async terminateDistro(name: string): Promise<void> {
    await this.mustSucceed(['--terminate', checked(name)], `terminate ${name}`);
  }

  async setDefaultDistro(name: string): Promise<void> {
    await this.mustSucceed(['--set-default', checked(name)], `make ${name} the default`);
  }

  async shutdown(): Promise<void> {
    await this.mustSucceed(['--shutdown'], 'shut WSL down');
  }

  /** The VM runs while any WSL2 distro runs; WSL1 distros run without it. */
  async vmSummary(): Promise<VmSummary> {
    const runningDistros = (await this.listDistros()).filter((d) => d.version === 2 && d.state === 'Running').length;
    return { state: runningDistros > 0 ? 'Running' : 'Stopped', runningDistros };
  }

  /**
   * Polls `-l -v` every few seconds (unref'd timer, one call at a time) only while a listener is attached,
   * and calls listeners when the list differs from the last one this backend saw.
   */
  watchExternalChanges(listener: () => void): () => void {
    const entry = (): void => listener();
    this.listeners.add(entry);
    this.schedulePoll();
    return () => {
      this.listeners.delete(entry);
      if (this.listeners.size === 0 && this.pollTimer) {
        clearTimeout(this.pollTimer);
        this.pollTimer = undefined;
      }
    };
  }

  /**
   * `-l -v` on a machine without distros prints only a localized sentence and fails; `-l -q` then
   * confirms it by printing nothing with exit 0, so no sentence is ever read.
   */
  private async listRows(retry: boolean): Promise<ListVerboseRow[]> {
    const action = 'list the distros';
    const verbose = await this.call(['--list', '--verbose'], action, this.timeoutMs);
    if (verbose.result.exitCode === 0) return this.parseList(verbose.output);
    const code = parseWslErrorCode(verbose.output);
    if (code !== null && code.tail !== 'WSL_E_DEFAULT_DISTRO_NOT_FOUND') throw this.failure(verbose, action);
    const quiet = await this.call(['--list', '--quiet'], action, this.timeoutMs);
    if (quiet.result.exitCode !== 0) throw this.failure(quiet, action);
    if (quiet.output.trim() === '') return [];
    if (retry) return this.listRows(false);
    throw this.failure(verbose, action);
  }

  private parseList(output: string): ListVerboseRow[] {
    try {
      return parseListVerbose(output);
    } catch (error) {
      this.reportOnce('Could not read the output of wsl -l -v', { output });
      throw new ServiceError('INTERNAL', `wsl.exe listed the distros in a layout Lightdock cannot read (${(error as Error).message}).`);
    }
  }

  /**
   * Maps a row to the model. wsl.exe itself prints `Stopped` for any state it has no word for, and
   * its state words are English in every locale, so an unknown word (none exists today) is shown as
   * `Stopped` too, with a warning that keeps the raw word.
   */
  private toDistro(row: ListVerboseRow): Distro {
    if (!DISTRO_NAME_PATTERN.test(row.name) || (row.version !== 1 && row.version !== 2)) {
      throw new ServiceError('INTERNAL', `wsl.exe listed a distro Lightdock cannot read (${row.name}, version ${row.version}).`);
    }
    if (row.state === null) this.reportOnce(`wsl.exe printed an unknown state "${row.rawState}" for ${row.name}; it is shown as Stopped.`);
    return { name: row.name, state: row.state ?? 'Stopped', version: row.version, isDefault: row.isDefault };
  }

  private async mustSucceed(
    args: string[],
    action: string,
    options: { timeoutMs?: number; runsLinux?: boolean } = {},
  ): Promise<void> {
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const call = await this.call(args, action, timeoutMs);
    if (call.result.exitCode !== 0) throw this.failure(call, action, options.runsLinux);
  }

  private async call(args: string[], action: string, timeoutMs: number): Promise<{ result: RunResult; output: string; timeoutMs: number }> {
    let result: RunResult;
    try {
      result = await this.runner.run(this.exe, args, { env: this.childEnv, timeoutMs });
    } catch (error) {
      throw spawnFailureToServiceError(this.exe, this.options.platform, error);
    }
    const output = decodeWslOutput(result.stdout);
    if (result.timedOut) throw failureToServiceError({ action, result, output, timeoutMs });
    for (const line of decodeWslOutput(result.stderr).split('\n')) {
      if (line.trim() !== '') this.reportOnce(`wsl.exe: ${line.trim()}`);
    }
    return { result, output, timeoutMs };
  }

  private failure(call: { result: RunResult; output: string; timeoutMs: number }, action: string, runsLinux = false): ServiceError {
    const error = failureToServiceError({ ...call, action, runsLinux });
    this.reportOnce(error.message, { exitCode: call.result.exitCode, output: call.output });
    return error;
  }

  /** Logs a warning the first time it occurs, so a failing 5-second poll does not flood the log. */
  private reportOnce(message: string, meta?: unknown): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.options.logger.warn(message, meta);
  }

  private schedulePoll(): void {
    if (this.listeners.size === 0 || this.pollTimer || this.polling) return;
    this.pollTimer = setTimeout(() => void this.poll(), this.pollIntervalMs);
    this.pollTimer.unref();
  }

  private async poll(): Promise<void> {
    this.pollTimer = undefined;
    this.polling = true;
    const before = this.lastList;
    try {
      await this.listDistros();
      if (before !== null && this.lastList !== before) this.notify();
    } catch (error) {
      this.reportOnce(`Watching WSL for changes failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.polling = false;
      this.schedulePoll();
    }
  }

  private notify(): void {
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch (error) {
        this.options.logger.error('A WSL change listener failed', error);
      }
    }
  }
}

/** Re-checks a name against WSL's grammar before it reaches wsl.exe (WslService validated it already). */
function checked(name: string): string {
  if (!DISTRO_NAME_PATTERN.test(name)) {
    throw new ServiceError('VALIDATION', `"${name}" is not a valid distro name, so it was not passed to wsl.exe.`);
  }
  return name;
}

/** Reads an environment variable the way Windows does: the name's case does not matter. */
function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const key = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : env[key];
  return value === undefined || value === '' ? undefined : value;
}

function withoutKey(env: NodeJS.ProcessEnv, name: string): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => key.toLowerCase() !== name.toLowerCase()));
}
