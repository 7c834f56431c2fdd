import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  DISTRO_NAME_PATTERN,
  type Distro,
  type DistroDetail,
  type DistroDisk,
  type OnlineDistro,
  type WslVersion,
} from '../../../../shared/model/distro';
import { NetworkingMode, type VmInfo } from '../../../../shared/model/vm';
import { ServiceError } from '../../errors';
import { systemClock, type Clock, type Logger } from '../../ports';
import type { DistroDirectories, ProgressReporter, VmReadOptions, WslBackend, WslConfigFile, WslMemoryUsage, WslWatchTick } from '../wsl-backend';
import type { BoundaryCost } from '../../../../shared/model/files';
import { measureBoundaryInDistro } from './boundary-cost';
import type { DistroScriptOptions, DistroShell } from './distro-shell';
import { dropPageCache, readMemoryUsage } from './memory-usage';
import { readDistroDirectories } from './distro-directories';
import { effectiveWslConfig, type EffectiveWslConfig, type WslHostFacts } from '../wslconfig/effective-config';
import { decodeWslConfig, encodeLikeExisting, readWslConfigBytes } from '../wslconfig/wslconfig-file';
import { decodeWslOutput } from './decode-output';
import { hasListOnlineHeader, parseListOnline } from './parse-list-online';
import { parseListQuiet } from './parse-list-quiet';
import { hasListVerboseHeader, parseListVerbose, type ListVerboseRow } from './parse-list-verbose';
import { parseProbe, type DistroProbe } from './parse-probe';
import type { LxssDistro, LxssRegistry } from './parse-reg-query';
import { parseWslStatus } from './parse-status';
import { parseWslVersion } from './parse-version';
import { parseWslErrorCode } from './parse-wsl-error';
import { PROBE_SCRIPT } from './probe-script';
import { DEFAULT_RUN_LIMITS, boundedRunner, type RunLimits } from './bounded-runner';
import { createExecFileRunner, type ProcessRunner, type RunResult } from './process-runner';
import { readLxssRegistry, resolveRegExe } from './read-lxss-registry';
import { statVhdx, vhdxPath } from './vhdx-file';
import { failureToServiceError, overflowToServiceError, spawnFailureToServiceError, unrecognisedOutputToServiceError } from './wsl-failure';

/** Environment variable holding the full path of the wsl.exe to run (a test double on Linux). */
export const WSL_EXE_ENV = 'LIGHTDOCK_WSL_EXE';
/** Environment variable overriding where `.wslconfig` is read and written. */
export const WSLCONFIG_ENV = 'LIGHTDOCK_WSLCONFIG';
/** Time one quick wsl.exe call (list, terminate, set-default, shutdown, probe) may take. */
export const DEFAULT_WSL_TIMEOUT_MS = 30_000;
/** How often `-l -v` is polled while someone watches for external changes. */
export const DEFAULT_POLL_INTERVAL_MS = 5_000;
/** Starting a distro may boot the VM (kernel 30 s, distro 60 s at most), so it gets this many quick timeouts. */
const START_TIMEOUT_FACTOR = 4;
/** `-l -o` fetches the distro manifest from the network. */
const ONLINE_TIMEOUT_FACTOR = 4;
/** Install, export, import, unregister and conversion move whole disks: up to an hour. */
const LONG_TIMEOUT_MS = 60 * 60_000;

/** What the cli backend needs from its host; the host figures default to this machine's (`os`). */
export interface WslCliBackendOptions {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  logger: Logger;
  runner?: ProcessRunner;
  /** wsl.exe and reg.exe processes at once and calls waiting (`DEFAULT_RUN_LIMITS`); identical calls in flight are shared. */
  runLimits?: RunLimits;
  /** Schedules the next `-l -v` poll; injected so tests step the poll by hand. */
  pollTimer?: PollTimer;
  clock?: Clock;
  timeoutMs?: number;
  longTimeoutMs?: number;
  pollIntervalMs?: number;
  hostMemoryBytes?: number;
  hostProcessors?: number;
}

/** `LIGHTDOCK_WSL_EXE` when set, else `%SystemRoot%\System32\wsl.exe` (`C:\Windows` when unset). */
export function resolveWslExe(env: NodeJS.ProcessEnv): string {
  const explicit = env[WSL_EXE_ENV];
  if (explicit !== undefined && explicit.trim() !== '') return explicit;
  const systemRoot = envValue(env, 'SystemRoot') ?? 'C:\\Windows';
  return path.win32.join(systemRoot, 'System32', 'wsl.exe');
}

/** `LIGHTDOCK_WSLCONFIG` when set, else `%UserProfile%\.wslconfig`, else `.wslconfig` in the home folder. */
export function resolveWslConfigPath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  const explicit = env[WSLCONFIG_ENV];
  if (explicit !== undefined && explicit.trim() !== '') return explicit;
  const profile = envValue(env, 'UserProfile');
  if (profile !== undefined) return (platform === 'win32' || /^[A-Za-z]:[\\/]/.test(profile) ? path.win32 : path.posix).join(profile, '.wslconfig');
  return path.join(os.homedir(), '.wslconfig');
}

/** Runs `callback` once after `ms` and returns what cancels it; the default is an unref'd `setTimeout`. */
export type PollTimer = (callback: () => void, ms: number) => () => void;

const unrefTimer: PollTimer = (callback, ms) => {
  const timer = setTimeout(callback, ms);
  timer.unref();
  return () => clearTimeout(timer);
};

interface Call {
  result: RunResult;
  output: string;
  timeoutMs: number;
}

/**
 * The real WSL backend: drives wsl.exe (and reg.exe for the Lxss key) by full path with argument arrays,
 * `WSL_UTF8=1` (UTF-16LE still understood), a timeout on every call, and reads results by layout, `Wsl/…`
 * code and exit code only. Details of a running distro come from one constant probe script run inside it;
 * a stopped distro is never started to be read.
 */
export class WslCliBackend implements WslBackend {
  readonly kind = 'cli' as const;
  private readonly exe: string;
  private readonly regExe: string;
  private readonly configPath: string;
  private readonly childEnv: NodeJS.ProcessEnv;
  private readonly runner: ProcessRunner;
  private readonly clock: Clock;
  private readonly timeoutMs: number;
  private readonly longTimeoutMs: number;
  private readonly pollIntervalMs: number;
  private readonly listeners = new Set<(tick: WslWatchTick) => void>();
  private readonly reported = new Set<string>();
  private lastList: string | null = null;
  private packageKernel: string | null = null;
  private readonly pollTimer: PollTimer;
  private cancelPoll: (() => void) | undefined;
  private polling = false;

  constructor(private readonly options: WslCliBackendOptions) {
    this.exe = resolveWslExe(options.env);
    this.regExe = resolveRegExe(options.env, envValue(options.env, 'SystemRoot'));
    this.configPath = resolveWslConfigPath(options.env, options.platform);
    this.childEnv = { ...withoutKey(options.env, 'WSL_UTF8'), WSL_UTF8: '1' };
    this.runner = boundedRunner(options.runner ?? createExecFileRunner({ log: (message) => options.logger.info(message) }), options.runLimits ?? DEFAULT_RUN_LIMITS);
    this.pollTimer = options.pollTimer ?? unrefTimer;
    this.clock = options.clock ?? systemClock;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_WSL_TIMEOUT_MS;
    this.longTimeoutMs = options.longTimeoutMs ?? LONG_TIMEOUT_MS;
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  }

  /** This Windows machine's RAM and logical processors, which `.wslconfig` defaults derive from. */
  async hostFacts(): Promise<WslHostFacts> {
    return { totalMemoryBytes: this.hostMemoryBytes(), logicalProcessors: this.hostProcessors() };
  }

  async listDistros(): Promise<Distro[]> {
    const distros = (await this.listRows(true)).map((row) => this.toDistro(row));
    this.lastList = JSON.stringify(distros);
    return distros;
  }

  /**
   * The row, the Lxss registry entry (id, folder, VHDX, default uid), the VHDX as the host sees it, and,
   * for a running distro only, one probe for mounts, IP, OS, user, systemd and disk use. A stopped distro
   * gets what the registry and the file tell, and null for the rest.
   */
  async showDistro(name: string, row?: Distro): Promise<DistroDetail> {
    const distro = row ?? (await this.findDistro(name));
    const entry = await this.registryEntry(distro.name);
    const probe = distro.state === 'Running' ? await this.probe(distro.name) : null;
    const config = distro.version === 2 ? await this.configValues() : null;
    const disk = config === null ? null : await this.disk(entry, probe, config);
    return {
      ...distro,
      id: entry?.id ?? null,
      basePath: entry?.basePath ?? null,
      disk,
      mounts: probe?.mounts ?? [],
      ip: probe?.network.ip ?? null,
      osName: probe?.osName ?? null,
      defaultUser: probe?.user ?? (entry?.defaultUid === 0 ? 'root' : null),
      systemd: probe?.systemd ?? null,
    };
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

  /**
   * The VM from the distro list (it runs while a WSL2 distro runs), `.wslconfig`'s effective values, the
   * kernel of `--version` (`--status` on inbox builds), and, while it runs, one probe of the first running
   * WSL2 distro for the live kernel, memory, CPUs, uptime and network. WSL does not say when an idle VM
   * will stop, so `idleShutdownAt` is null. Given the list, it does not list; without the probe it calls
   * wsl.exe for nothing else (the kernel is the one already read, else null) and says `live: false`.
   */
  async vmInfo(options: VmReadOptions = {}): Promise<VmInfo> {
    const live = options.probe ?? true;
    const distros = options.distros ?? (await this.listDistros());
    const running = distros.filter((d) => d.version === 2 && d.state === 'Running');
    const config = await this.configValues();
    const probe = live && running[0] ? await this.probe(running[0].name) : null;
    const kernelVersion = probe?.kernelRelease ?? (live ? await this.packageKernelVersion() : this.packageKernel);
    const memory = probe?.memory ?? null;
    const mode = NetworkingMode.safeParse(probe?.networkingMode);
    const networkingMode = mode.success ? mode.data : config.networkingMode;
    const { ip, prefixLength, gateway } = probe?.network ?? { ip: null, prefixLength: null, gateway: null };
    return {
      state: running.length > 0 ? 'Running' : 'Stopped',
      runningDistros: running.length,
      bootTime: probe?.uptimeSeconds == null ? null : this.clock.now() - probe.uptimeSeconds * 1000,
      uptimeSeconds: probe?.uptimeSeconds ?? null,
      kernel: { version: kernelVersion, customKernelPath: config.kernel, commandLine: config.kernelCommandLine },
      memory: {
        hostTotalBytes: this.hostMemoryBytes(),
        limitBytes: config.memoryLimitBytes,
        assignedBytes: memory?.totalBytes ?? 0,
        usedBytes: memory ? Math.max(0, memory.totalBytes - memory.availableBytes) : 0,
        pageCacheBytes: memory?.cachedBytes ?? 0,
        swapBytes: memory?.swapTotalBytes ?? config.swapBytes,
        swapUsedBytes: memory ? Math.max(0, memory.swapTotalBytes - memory.swapFreeBytes) : 0,
        reclaimMode: config.autoMemoryReclaim,
      },
      processors: probe?.processors ?? config.processors,
      idleTimeoutMs: config.vmIdleTimeoutMs,
      idleShutdownAt: null,
      network: {
        mode: networkingMode,
        vmIp: ip,
        prefixLength,
        hostIp: networkingMode === 'nat' ? gateway : null,
        subnet: ip !== null && prefixLength !== null ? subnetOf(ip, prefixLength) : null,
        dns: probe?.dns ?? [],
        localhostForwarding: config.localhostForwarding,
      },
      live,
    };
  }

  /** `wsl --list --online`: needs the network, so it gets a longer timeout; a fetch failure is UNAVAILABLE. */
  async listOnline(): Promise<OnlineDistro[]> {
    const action = 'list the distros available online';
    const call = await this.call(['--list', '--online'], action, this.timeoutMs * ONLINE_TIMEOUT_FACTOR);
    if (call.result.exitCode !== 0) throw this.failure(call, action);
    if (!hasListOnlineHeader(call.output)) throw this.unrecognised(call, action, 'wsl -l -o', 'no NAME FRIENDLY NAME table');
    try {
      return parseListOnline(call.output);
    } catch (error) {
      throw this.unrecognised(call, action, 'wsl -l -o', (error as Error).message);
    }
  }

  /**
   * `wsl --install --distribution <name> --no-launch` (never the interactive first launch). Cancelled, the
   * wsl.exe tree is killed and a half-installed distro (one that was not registered before) is unregistered.
   */
  async installDistro(name: string, progress: ProgressReporter, signal: AbortSignal): Promise<void> {
    const args = ['--install', '--distribution', checked(name), '--no-launch'];
    const existed = await this.isRegistered(name);
    progress(null, `Downloading and installing ${name}`);
    if ((await this.longCall(args, `install ${name}`, signal)) === null) throw await this.undoRegistration('install', name, existed, null);
  }

  /**
   * `wsl --export <name> <file>`, with `--vhd` for a VHDX copy (WSL2 only, the distro must be stopped).
   * Cancelled, the wsl.exe tree is killed, WSL is given time to leave Exporting, and the partial file is deleted.
   */
  async exportDistro(
    name: string,
    filePath: string,
    format: 'tar' | 'vhdx',
    progress: ProgressReporter,
    signal: AbortSignal,
  ): Promise<{ filePath: string; sizeBytes: number }> {
    progress(null, `Exporting ${name} to ${filePath}`);
    const args = ['--export', checked(name), checkedPath(filePath), ...(format === 'vhdx' ? ['--vhd'] : [])];
    const existed = await pathExists(filePath);
    if ((await this.longCall(args, `export ${name}`, signal)) === null) throw await this.undoExport(name, filePath, existed);
    try {
      return { filePath, sizeBytes: (await fs.stat(filePath)).size };
    } catch (error) {
      throw new ServiceError('INTERNAL', `wsl.exe reported the export of ${name} done, but ${filePath} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
    }
  }

  /**
   * `wsl --import <name> <dir> <file> [--version n] [--vhd]`. Cancelled, the wsl.exe tree is killed, a
   * half-imported distro (one not registered before) is unregistered, and the install folder is removed
   * when this import created it and nothing else is in it.
   */
  async importDistro(
    name: string,
    installDir: string,
    filePath: string,
    format: 'tar' | 'vhdx',
    version: WslVersion | undefined,
    progress: ProgressReporter,
    signal: AbortSignal,
  ): Promise<void> {
    const args = [
      '--import',
      checked(name),
      checkedPath(installDir),
      checkedPath(filePath),
      ...(version === undefined ? [] : ['--version', String(version)]),
      ...(format === 'vhdx' ? ['--vhd'] : []),
    ];
    const existed = await this.isRegistered(name);
    const dirExisted = await pathExists(installDir);
    progress(null, `Importing ${name} from ${filePath}`);
    if ((await this.longCall(args, `import ${name}`, signal)) === null) throw await this.undoRegistration('import', name, existed, dirExisted ? null : installDir);
  }

  /**
   * `wsl --unregister <name>`: WSL deletes the distro's VHDX with it. WSL cannot undo an unregister: a
   * cancel kills wsl.exe, waits for WSL to leave Uninstalling, and then tells the truth from the list:
   * still registered is CANCELLED ("nothing was changed"); gone means WSL had finished, so the operation
   * succeeds and its last progress says the cancel came too late.
   */
  async unregisterDistro(name: string, progress: ProgressReporter, signal: AbortSignal): Promise<void> {
    progress(null, `Unregistering ${name}`);
    if ((await this.longCall(['--unregister', checked(name)], `unregister ${name}`, signal)) !== null) return;
    const after = await this.settled(name);
    if (after !== null) throw cancelledError(`Cancelled the unregister of ${name}; it is still registered with its disk, so nothing was changed.`);
    progress(1, `WSL had already unregistered ${name} and deleted its disk when the cancel arrived; an unregister cannot be undone.`);
  }

  /**
   * WSL has no compact command (`--manage` can only resize, move or set sparse), so this is UNAVAILABLE
   * with the sentence that says how to do it by hand: Optimize-VHD, or diskpart on Windows Home.
   */
  async compactDisk(name: string, _progress: ProgressReporter, signal: AbortSignal): Promise<DistroDisk> {
    if (signal.aborted) throw cancelledError(`Cancelled the compact of ${name}; nothing was changed.`);
    const distro = await this.findDistro(name);
    const entry = await this.registryEntry(distro.name);
    const file = entry?.basePath ? vhdxPath(entry.basePath, entry.vhdFileName) : `the ext4.vhdx of ${distro.name}`;
    throw new ServiceError(
      'UNAVAILABLE',
      `wsl.exe cannot compact a disk. Run "wsl --shutdown", then in an elevated PowerShell "Optimize-VHD -Path '${file}' -Mode Full" ` +
        `(Hyper-V module), or in diskpart: select vdisk file="${file}", attach vdisk readonly, compact vdisk, detach vdisk.`,
      { code: null, exitCode: null },
    );
  }

  /**
   * `wsl --manage <name> --set-sparse true|false`. Current WSL refuses `true` without `--allow-unsafe`
   * (sparse VHDs are disabled over possible corruption, `Wsl/Service/E_INVALIDARG`); Lightdock does not
   * bypass that guard, it reports CONFLICT with the command that would.
   */
  async setSparse(name: string, sparse: boolean): Promise<DistroDisk> {
    const action = `make the disk of ${name} ${sparse ? 'sparse' : 'not sparse'}`;
    const call = await this.call(['--manage', checked(name), '--set-sparse', String(sparse)], action, this.timeoutMs);
    if (call.result.exitCode !== 0) {
      const code = parseWslErrorCode(call.output);
      if (sparse && code?.tail === 'E_INVALIDARG') {
        throw new ServiceError(
          'CONFLICT',
          `WSL keeps sparse disks disabled because of possible data corruption. To force it anyway, run "wsl.exe --manage ${name} --set-sparse true --allow-unsafe".`,
          { code: code.code, exitCode: call.result.exitCode },
        );
      }
      throw this.failure(call, action);
    }
    const entry = await this.registryEntry(name);
    const disk = await this.disk(entry, null, await this.configValues());
    if (disk === null) throw new ServiceError('INTERNAL', `WSL changed the disk of ${name}, but its VHDX cannot be found to show it.`);
    return disk;
  }

  /**
   * `wsl --set-version <name> 1|2`: converts the distro, which can take minutes. WSL's service does the
   * conversion and cannot be asked to stop one midway: a cancel kills wsl.exe, waits for WSL to leave
   * Converting, and reads the version: unchanged is CANCELLED ("nothing was changed"); converted means WSL
   * had finished, so the operation succeeds and its last progress says the cancel came too late.
   */
  async setVersion(name: string, version: WslVersion, progress: ProgressReporter, signal: AbortSignal): Promise<void> {
    progress(null, `Converting ${name} to WSL ${version}`);
    if ((await this.longCall(['--set-version', checked(name), String(version)], `convert ${name} to WSL ${version}`, signal)) !== null) return;
    const after = await this.settled(name);
    if (after?.version !== version) {
      const still = after === null ? '' : ` it is still a WSL${after.version} distro, so`;
      throw cancelledError(`Cancelled the conversion of ${name} to WSL${version};${still} nothing was changed.`);
    }
    progress(1, `WSL had already converted ${name} to WSL${version} when the cancel arrived; a conversion cannot be stopped midway.`);
  }

  /** `.wslconfig` (LIGHTDOCK_WSLCONFIG, else `%UserProfile%\.wslconfig`) decoded in its own encoding, BOM kept; text null when there is no file. */
  async readWslConfig(): Promise<WslConfigFile> {
    const bytes = await readWslConfigBytes(this.configPath);
    return { path: this.configPath, text: bytes === null ? null : decodeWslConfig(bytes).text };
  }

  /** Writes `.wslconfig` atomically in the encoding it has (UTF-8 when new): a temp file in the same folder, then a rename over the old one. */
  async writeWslConfig(text: string): Promise<void> {
    const bytes = encodeLikeExisting(await readWslConfigBytes(this.configPath), text, this.configPath);
    const temp = `${this.configPath}.${process.pid}.${this.clock.now()}.tmp`;
    try {
      await fs.writeFile(temp, bytes);
      await fs.rename(temp, this.configPath);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw new ServiceError('INTERNAL', `${this.configPath} cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
    }
  }

  /** Host RAM from the OS (wsl.exe runs here) and each running WSL2 distro's processes from a script inside it. */
  memoryUsage(): Promise<WslMemoryUsage> {
    return readMemoryUsage(this.shell());
  }

  /** Drops the VM's page cache as root in the first running WSL2 distro. */
  reclaimMemory(): Promise<void> {
    return dropPageCache(this.shell());
  }

  /** The working directories of a running distro's processes, and its home. */
  distroDirectories(name: string): Promise<DistroDirectories> {
    return readDistroDirectories(this.shell(), checked(name));
  }

  /** A short timed read/write under /mnt/<drive> and in the distro's home. */
  measureBoundary(name: string, signal: AbortSignal): Promise<BoundaryCost> {
    return measureBoundaryInDistro(this.shell(), checked(name), signal);
  }

  /**
   * Polls `-l -v` every `pollIntervalMs` (unref'd timer, one call at a time) only while a listener is attached,
   * and gives listeners each list it read, `changed` when it differs from the last one this backend saw.
   */
  watchExternalChanges(listener: (tick: WslWatchTick) => void): () => void {
    const entry = (tick: WslWatchTick): void => listener(tick);
    this.listeners.add(entry);
    this.schedulePoll();
    return () => {
      this.listeners.delete(entry);
      if (this.listeners.size === 0 && this.cancelPoll) {
        this.cancelPoll();
        this.cancelPoll = undefined;
      }
    };
  }

  private async findDistro(name: string): Promise<Distro> {
    const wanted = checked(name).toLowerCase();
    const found = (await this.listDistros()).find((d) => d.name.toLowerCase() === wanted);
    if (!found) throw new ServiceError('NOT_FOUND', `wsl.exe lists no distro named ${name}.`, { code: null, exitCode: 0 });
    return found;
  }

  /** The distro's Lxss subkey; a registry that cannot be read is logged and treated as telling nothing. */
  private async registryEntry(name: string): Promise<LxssDistro | null> {
    let registry: LxssRegistry;
    try {
      registry = await readLxssRegistry(this.runner, this.regExe, this.childEnv, this.timeoutMs);
    } catch (error) {
      this.reportOnce(`The WSL registry could not be read: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
    return registry.distros.find((d) => d.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  /**
   * Runs `PROBE_SCRIPT` in a running distro. A failed or cut probe is logged and yields what it got (or
   * null), so a detail view still shows the rest.
   */
  private async probe(name: string): Promise<DistroProbe | null> {
    const action = `read ${name}`;
    let call: Call;
    try {
      call = await this.call(['--distribution', checked(name), '--exec', '/bin/sh', '-c', PROBE_SCRIPT], action, this.timeoutMs);
    } catch (error) {
      this.reportOnce(`Probing ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
    if (call.result.exitCode !== 0) {
      this.reportOnce(`Probing ${name} failed: ${this.failure(call, action, true).message}`);
      return null;
    }
    const probe = parseProbe(call.result.stdout.toString('utf8'));
    if (!probe.complete) this.reportOnce(`The probe of ${name} ended early; some details are missing.`);
    return probe;
  }

  /** The distro list, a constant script's runner, the host's RAM and the clock, for the memory and files readers. */
  private shell(): DistroShell {
    return {
      listDistros: () => this.listDistros(),
      run: (name, script, options) => this.runScript(name, script, options),
      hostMemory: () => ({ totalBytes: this.hostMemoryBytes(), availableBytes: os.freemem() }),
      clock: this.clock,
    };
  }

  /** `wsl.exe -d <name> [-u root] --exec /bin/sh -c <script> [sh <args…>]`; the args are `$1`…; a non-zero exit is a ServiceError. */
  private async runScript(name: string, script: string, options: DistroScriptOptions = {}): Promise<string> {
    const action = `read ${name}`;
    const user = options.root === true ? ['--user', 'root'] : [];
    const positional = options.args === undefined || options.args.length === 0 ? [] : ['sh', ...options.args];
    const call = await this.call(['--distribution', checked(name), ...user, '--exec', '/bin/sh', '-c', script, ...positional], action, options.timeoutMs ?? this.timeoutMs);
    if (call.result.exitCode !== 0) throw this.failure(call, action, true);
    return call.result.stdout.toString('utf8');
  }

  /** The VHDX of a WSL2 distro from the registry and the file; disk use only while it runs. */
  private async disk(entry: LxssDistro | null, probe: DistroProbe | null, config: EffectiveWslConfig): Promise<DistroDisk | null> {
    if (entry?.basePath == null) return null;
    const file = await statVhdx(vhdxPath(entry.basePath, entry.vhdFileName));
    if (file === null) {
      this.reportOnce(`The disk of ${entry.name} is not reachable at ${vhdxPath(entry.basePath, entry.vhdFileName)}.`);
      return null;
    }
    const used = probe?.rootDisk?.usedBytes ?? null;
    return {
      path: file.path,
      fileSizeBytes: file.sizeBytes,
      usedBytes: used,
      maxSizeBytes: probe?.rootDisk?.sizeBytes ?? config.defaultVhdSizeBytes,
      sparse: file.sparse,
      reclaimableBytes: used === null ? null : Math.max(0, file.sizeBytes - used),
    };
  }

  private async configValues(): Promise<EffectiveWslConfig> {
    const { text } = await this.readWslConfig();
    return effectiveWslConfig(text, await this.hostFacts());
  }

  private hostMemoryBytes(): number {
    return this.options.hostMemoryBytes ?? os.totalmem();
  }

  private hostProcessors(): number {
    return this.options.hostProcessors ?? os.availableParallelism();
  }

  /**
   * The kernel WSL ships, from `--version`, else the last line of an inbox build's `--status`; null when
   * neither says. A version found is kept for the life of the backend (it changes only with a WSL update).
   */
  private async packageKernelVersion(): Promise<string | null> {
    this.packageKernel ??= await this.readPackageKernelVersion();
    return this.packageKernel;
  }

  private async readPackageKernelVersion(): Promise<string | null> {
    const version = await this.call(['--version'], 'tell its version', this.timeoutMs);
    if (version.result.exitCode === 0) {
      const parsed = parseWslVersion(version.output);
      if (parsed) return parsed.kernelVersion;
    }
    const status = await this.call(['--status'], 'tell its status', this.timeoutMs);
    return status.result.exitCode === 0 ? parseWslStatus(status.output).kernelVersion : null;
  }

  /**
   * `-l -v` on a machine without distros prints only a localized sentence and fails; `-l -q` then
   * confirms it by printing nothing with exit 0, so no sentence is ever read.
   */
  private async listRows(retry: boolean): Promise<ListVerboseRow[]> {
    const action = 'list the distros';
    const verbose = await this.call(['--list', '--verbose'], action, this.timeoutMs);
    if (verbose.result.exitCode === 0) return this.parseList(verbose);
    const code = parseWslErrorCode(verbose.output);
    if (code !== null && code.tail !== 'WSL_E_DEFAULT_DISTRO_NOT_FOUND') throw this.failure(verbose, action);
    const quiet = await this.call(['--list', '--quiet'], action, this.timeoutMs);
    if (quiet.result.exitCode !== 0) throw this.failure(quiet, action);
    const names = parseListQuiet(quiet.output);
    const stranger = names.find((name) => !DISTRO_NAME_PATTERN.test(name));
    if (stranger !== undefined) throw this.unrecognised(quiet, action, 'wsl -l -q', `a line that is not a distro name: ${JSON.stringify(stranger.slice(0, 80))}`);
    if (names.length === 0) return [];
    if (retry) return this.listRows(false);
    throw this.failure(verbose, action);
  }

  /** A successful `-l -v` must be a table: anything else (no header, a broken row) is unrecognised, never "no distros". */
  private parseList(call: Call): ListVerboseRow[] {
    const action = 'list the distros';
    if (!hasListVerboseHeader(call.output)) throw this.unrecognised(call, action, 'wsl -l -v', 'no NAME STATE VERSION table');
    try {
      return parseListVerbose(call.output);
    } catch (error) {
      throw this.unrecognised(call, action, 'wsl -l -v', (error as Error).message);
    }
  }

  private unrecognised(call: Call, action: string, command: string, reason: string): ServiceError {
    const error = unrecognisedOutputToServiceError(action, command, reason, call.result.exitCode);
    this.reportOnce(error.message, { exitCode: call.result.exitCode, output: call.output.slice(0, 2000) });
    return error;
  }

  /**
   * Maps a row to the model. wsl.exe's state words are English in every locale; a word it has never
   * printed becomes `Unknown` with the word kept in `rawState`, and a warning is logged once.
   */
  private toDistro(row: ListVerboseRow): Distro {
    if (!DISTRO_NAME_PATTERN.test(row.name) || (row.version !== 1 && row.version !== 2)) {
      throw new ServiceError('INTERNAL', `wsl.exe listed a distro Lightdock cannot read (${row.name}, version ${row.version}).`);
    }
    const base = { name: row.name, version: row.version === 1 ? (1 as const) : (2 as const), isDefault: row.isDefault };
    if (row.state !== null) return { ...base, state: row.state };
    this.reportOnce(`wsl.exe printed an unknown state "${row.rawState}" for ${row.name}; it is shown as Unknown.`);
    return { ...base, state: 'Unknown', rawState: row.rawState };
  }

  private async mustSucceed(args: string[], action: string, options: { timeoutMs?: number; runsLinux?: boolean } = {}): Promise<void> {
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const call = await this.call(args, action, timeoutMs);
    if (call.result.exitCode !== 0) throw this.failure(call, action, options.runsLinux);
  }

  private async call(args: string[], action: string, timeoutMs: number, signal?: AbortSignal): Promise<Call> {
    let result: RunResult;
    this.options.logger.info(`Running ${this.exe} ${args.map(loggedArgument).join(' ')}`);
    try {
      result = await this.runner.run(this.exe, args, signal === undefined ? { env: this.childEnv, timeoutMs } : { env: this.childEnv, timeoutMs, signal });
    } catch (error) {
      if (error instanceof ServiceError) throw error;
      throw spawnFailureToServiceError(this.exe, this.options.platform, error);
    }
    const output = decodeWslOutput(result.stdout);
    if (result.cancelled === true) {
      this.options.logger.info(`Cancelled: ${action} (the wsl.exe process tree was killed)`);
      return { result, output, timeoutMs };
    }
    if (result.overflow) throw overflowToServiceError(action, result.overflow, result.exitCode);
    if (result.timedOut || (result.signal ?? null) !== null) throw failureToServiceError({ action, result, output, timeoutMs });
    for (const line of decodeWslOutput(result.stderr).split('\n')) {
      if (line.trim() !== '') this.reportOnce(`wsl.exe: ${line.trim()}`);
    }
    return { result, output, timeoutMs };
  }

  /** A long call the signal can cancel: null when it was cancelled (its tree killed), else the call; a failure throws. */
  private async longCall(args: string[], action: string, signal: AbortSignal): Promise<Call | null> {
    const call = await this.call(args, action, this.longTimeoutMs, signal);
    if (call.result.cancelled === true) return null;
    if (call.result.exitCode !== 0) throw this.failure(call, action);
    return call;
  }

  private async isRegistered(name: string): Promise<boolean> {
    return (await this.listDistros()).some((d) => d.name.toLowerCase() === name.toLowerCase());
  }

  /**
   * The distro once WSL has left a transient state (Exporting, Uninstalling, Converting) after a cancel,
   * polled every `SETTLE_POLL_MS` at most `SETTLE_POLLS` times; null when it is not registered.
   */
  private async settled(name: string): Promise<Distro | null> {
    for (let poll = 0; ; poll += 1) {
      const distro = (await this.listDistros()).find((d) => d.name.toLowerCase() === name.toLowerCase()) ?? null;
      if (distro === null || !SETTLING_STATES.has(distro.state) || poll >= SETTLE_POLLS) return distro;
      await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
    }
  }

  /** After a cancelled export: the partial file deleted once WSL has stopped writing it. */
  private async undoExport(name: string, filePath: string, existed: boolean): Promise<ServiceError> {
    await this.settled(name);
    try {
      await fs.rm(filePath, { force: true, maxRetries: 5, retryDelay: 200 });
    } catch (error) {
      return new ServiceError('INTERNAL', `Cancelled the export of ${name}, but the partial file ${filePath} could not be deleted (${(error as NodeJS.ErrnoException).code ?? String(error)}); delete it by hand.`);
    }
    const before = existed ? ` (the file that was at ${filePath} before had already been overwritten by wsl.exe)` : '';
    return cancelledError(`Cancelled the export of ${name}; the partial file was deleted${before}, so nothing was changed.`);
  }

  /**
   * After a cancelled install or import: the distro unregistered when it was not registered before (WSL may
   * refuse while it still says Installing, so it is tried `UNDO_TRIES` times), and the folder this import
   * created removed when empty.
   */
  private async undoRegistration(kind: 'install' | 'import', name: string, existed: boolean, createdDir: string | null): Promise<ServiceError> {
    let lastFailure: ServiceError | null = null;
    for (let attempt = 0; !existed && attempt < UNDO_TRIES && (await this.isRegistered(name)); attempt += 1) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
      const call = await this.call(['--unregister', checked(name)], `remove the half-${kind}ed ${name}`, this.timeoutMs);
      lastFailure = call.result.exitCode === 0 ? null : this.failure(call, `remove the half-${kind}ed ${name}`);
    }
    if (lastFailure !== null) {
      return new ServiceError('INTERNAL', `Cancelled the ${kind} of ${name}, but the half-${kind}ed distro could not be removed (${lastFailure.message}); remove it with "wsl --unregister ${name}".`);
    }
    if (createdDir !== null) await fs.rmdir(createdDir).catch(() => undefined);
    return cancelledError(`Cancelled the ${kind} of ${name}; nothing was changed.`);
  }

  private failure(call: Call, action: string, runsLinux = false): ServiceError {
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
    if (this.listeners.size === 0 || this.cancelPoll || this.polling) return;
    this.cancelPoll = this.pollTimer(() => void this.poll(), this.pollIntervalMs);
  }

  private async poll(): Promise<void> {
    this.cancelPoll = undefined;
    this.polling = true;
    const before = this.lastList;
    try {
      const distros = await this.listDistros();
      this.notify({ distros, changed: before !== null && this.lastList !== before });
    } catch (error) {
      this.reportOnce(`Watching WSL for changes failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.polling = false;
      this.schedulePoll();
    }
  }

  private notify(tick: WslWatchTick): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(tick);
      } catch (error) {
        this.options.logger.error('A WSL change listener failed', error);
      }
    }
  }
}

/** Transient states WSL may still show for a while after a cancelled wsl.exe (its service finishing or rolling back). */
const SETTLING_STATES = new Set<Distro['state']>(['Exporting', 'Uninstalling', 'Converting']);
/** How often, and how many times, the list is read after a cancel while WSL settles. */
const SETTLE_POLL_MS = 1_000;
const SETTLE_POLLS = 120;
/** How many times a half-installed or half-imported distro's unregister is tried after a cancel. */
const UNDO_TRIES = 5;

/** The CANCELLED error an operation ends with when its cancel left the state as it was. */
function cancelledError(message: string): ServiceError {
  return new ServiceError('CANCELLED', message, { code: null, exitCode: null });
}

async function pathExists(p: string): Promise<boolean> {
  return fs.stat(p).then(
    () => true,
    () => false,
  );
}

/** An argument as the log shows it: a constant script (long, multi-command) by its length only. */
function loggedArgument(arg: string): string {
  return arg.length > 120 ? `<script, ${arg.length} characters>` : JSON.stringify(arg);
}

/** Re-checks a name against WSL's grammar before it reaches wsl.exe (WslService validated it already). */
function checked(name: string): string {
  if (!DISTRO_NAME_PATTERN.test(name)) {
    throw new ServiceError('VALIDATION', `"${name}" is not a valid distro name, so it was not passed to wsl.exe.`);
  }
  return name;
}

/** An absolute Windows or POSIX path without NUL; never `-` (stdin/stdout to wsl.exe) or anything option-like. */
function checkedPath(p: string): string {
  if (p.includes('\0') || !/^(?:[A-Za-z]:[\\/]|\\\\|\/)/.test(p)) {
    throw new ServiceError('VALIDATION', `"${p}" is not an absolute path, so it was not passed to wsl.exe.`);
  }
  return p;
}

/** `172.18.104.83` and 20 → `172.18.96.0/20`. */
function subnetOf(ip: string, prefixLength: number): string | null {
  const octets = ip.split('.').map(Number);
  if (octets.length !== 4 || octets.some((o) => !Number.isInteger(o) || o < 0 || o > 255) || prefixLength > 32) return null;
  const value = octets.reduce((acc, o) => acc * 256 + o, 0);
  const mask = prefixLength === 0 ? 0 : (0xffffffff << (32 - prefixLength)) >>> 0;
  const network = (value & mask) >>> 0;
  return `${[network >>> 24, (network >>> 16) & 0xff, (network >>> 8) & 0xff, network & 0xff].join('.')}/${prefixLength}`;
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
