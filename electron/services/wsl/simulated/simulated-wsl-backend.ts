import fs from 'node:fs';
import path from 'node:path';
import type { Distro, DistroDetail, DistroDisk, DistroState, OnlineDistro, WslVersion } from '../../../../shared/model/distro';
import type { ScenarioName } from '../../../../shared/model/host';
import type { VmInfo } from '../../../../shared/model/vm';
import { ServiceError } from '../../errors';
import type { Clock, Logger } from '../../ports';
import { JsonStateFile } from '../../storage/json-state-file';
import type { BoundaryCost } from '../../../../shared/model/files';
import type { DistroDirectories, ProgressReporter, VmReadOptions, WslBackend, WslConfigFile, WslMemoryUsage, WslWatchTick } from '../wsl-backend';
import { withoutLiveFigures } from '../vm-without-figures';
import { simulatedBoundaryCost, simulatedDirectories } from './files-model';
import { memoryUsageOf, reclaimPageCache } from './memory-model';
import { effectiveWslConfig, type EffectiveWslConfig, type WslHostFacts } from '../wslconfig/effective-config';
import { decodeWslConfig, encodeLikeExisting, readWslConfigBytesSync } from '../wslconfig/wslconfig-file';
import { buildArchive, readHead, readManifest, sniffArchive } from './export-archive';
import {
  SimulatedHostState,
  findDistro,
  listDistros,
  newGuid,
  withDefault,
  withDistro,
  type BootConfig,
  type SimulatedDistro,
} from './host-state';
import { compacted, freeBytes, growPageCache, shutdownAll, startDistro, stopDistro } from './host-transitions';
import { migrateHostState } from './migrate-host-state';
import { ONLINE_CATALOGUE } from './online-catalogue';
import { seedScenario } from './scenarios';
import type { SimulatedMachine } from './simulated-machine';
import { BOOT_MS, VHDX_OVERHEAD_BYTES, bootConfigOf, distroDetail, diskOf, nextVmEvent, vmInfo, vmStatus } from './vm-model';

/** File name of the simulated host's state inside the data directory. */
export const SIMULATED_HOST_FILE = 'simulated-host.json';
/** Folder of the simulated Windows user profile inside the data directory (holds its `.wslconfig`). */
export const SIMULATED_PROFILE_DIR = 'simulated-host';
/** How long each step of a long operation takes in the app (tests pass a sleep that returns at once). */
export const DEFAULT_STEP_MS = 400;

/** Waits the given milliseconds; injected so tests run long operations instantly. */
export type Sleep = (ms: number) => Promise<void>;

/** Optional ports of the simulated backend. */
export interface SimulatedWslOptions {
  sleep?: Sleep;
  stepMs?: number;
}

const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** The first bytes an export writes at once, as wsl.exe does, so a cancelled export has a partial file to delete. */
const PARTIAL_EXPORT_HEAD = Buffer.alloc(512, 0);

/** Resolves when `wait` does or as soon as `signal` aborts, whichever comes first. */
function untilAborted(wait: Promise<void>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => resolve();
    signal.addEventListener('abort', onAbort, { once: true });
    wait.then(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
const TRANSIENT_STATES = new Set<DistroState>(['Installing', 'Uninstalling', 'Converting', 'Exporting']);
/** What the simulated watch tells: something changed; it reads no list, the service lists (free here). */
const CHANGED: WslWatchTick = { distros: null, changed: true };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True for a path this machine can open: any path on Windows, POSIX absolute paths elsewhere. */
function isLocalPath(filePath: string): boolean {
  return process.platform === 'win32' || filePath.startsWith('/');
}

/**
 * The embedded simulated WSL host: distros, their disks and the utility VM, persisted under the data
 * directory so every host process (desktop, browser, CLI) sees and changes the same machine. Time comes
 * from the injected clock; whether the VM is up is derived from it, and a timer only tells watchers.
 */
export class SimulatedWslBackend implements WslBackend {
  readonly kind = 'simulated' as const;
  private readonly file: JsonStateFile<SimulatedHostState>;
  private readonly wslConfigPath: string;
  private readonly sleep: Sleep;
  private readonly stepMs: number;
  private readonly listeners = new Set<(tick: WslWatchTick) => void>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    dataDir: string,
    scenario: ScenarioName,
    private readonly clock: Clock,
    private readonly logger: Logger,
    options: SimulatedWslOptions = {},
  ) {
    const filePath = path.join(dataDir, SIMULATED_HOST_FILE);
    migrateHostState(filePath, clock, logger);
    this.file = new JsonStateFile(filePath, SimulatedHostState, () => seedScenario(scenario), clock, logger);
    this.wslConfigPath = path.join(dataDir, SIMULATED_PROFILE_DIR, '.wslconfig');
    this.sleep = options.sleep ?? realSleep;
    this.stepMs = options.stepMs ?? DEFAULT_STEP_MS;
    this.recoverAbandonedOperations();
  }

  /** The scenario the persisted host was seeded from. */
  scenario(): ScenarioName {
    return this.file.view().scenario;
  }

  /** Reseeds the host when it was seeded from another scenario than the one asked for explicitly. */
  reseedIfScenarioDiffers(scenario: ScenarioName): void {
    if (this.file.view().scenario !== scenario) this.write(seedScenario(scenario));
  }

  /** The simulated Windows machine below WSL (what the setup wizard checks). */
  machine(): SimulatedMachine {
    return this.file.view().machine;
  }

  /** Changes the simulated machine; with `restart`, every distro and the VM stop as Windows restarts. */
  changeMachine(change: (machine: SimulatedMachine) => SimulatedMachine, restart = false): SimulatedMachine {
    const state = this.file.read();
    const base = restart ? shutdownAll(state, this.clock.now()) : state;
    return this.write({ ...base, machine: change(state.machine) }).machine;
  }

  /** The simulated machine's RAM and processors (what `.wslconfig` defaults depend on). */
  async hostFacts(): Promise<WslHostFacts> {
    const { host } = this.file.view();
    return { totalMemoryBytes: host.totalMemoryBytes, logicalProcessors: host.logicalProcessors };
  }

  async listDistros(): Promise<Distro[]> {
    return listDistros(this.file.view());
  }

  /** Reads its own state file, so a row the caller has changes nothing. */
  async showDistro(name: string): Promise<DistroDetail> {
    const state = this.file.view();
    return distroDetail(state, this.mustFind(state, name), this.clock.now(), this.bootConfig(state));
  }

  /** Starts a distro; like `wsl -d <name> -e true`, it returns once a VM it had to boot is up (`BOOT_MS` later). */
  async startDistro(name: string): Promise<void> {
    const state = this.file.read();
    this.mustBeIdle(this.mustFind(state, name), 'start');
    const now = this.clock.now();
    const config = this.bootConfig(state);
    const next = this.write(startDistro(state, name, now, config));
    if (next.vm.bootedAt === now && vmStatus(next, now, config).state === 'Starting') {
      for (const listener of this.listeners) listener(CHANGED);
      await this.sleep(BOOT_MS);
    }
  }

  async terminateDistro(name: string): Promise<void> {
    const state = this.file.read();
    this.mustFind(state, name);
    this.write(stopDistro(state, name, this.clock.now()));
  }

  async setDefaultDistro(name: string): Promise<void> {
    const state = this.file.read();
    this.mustFind(state, name);
    this.write(withDefault(state, name));
  }

  async shutdown(): Promise<void> {
    this.write(shutdownAll(this.file.read(), this.clock.now()));
  }

  /** The VM from its state file (a list passed in is not needed); without the probe, its live figures left out as the cli backend does. */
  async vmInfo(options: VmReadOptions = {}): Promise<VmInfo> {
    const state = this.file.view();
    const vm = vmInfo(state, this.clock.now(), this.bootConfig(state));
    return options.probe ?? true ? vm : withoutLiveFigures(vm);
  }

  async listOnline(): Promise<OnlineDistro[]> {
    return ONLINE_CATALOGUE.map(({ name, friendlyName }) => ({ name, friendlyName }));
  }

  /** Cancelled between steps, the half-installed distro is removed (and the default restored). */
  async installDistro(name: string, progress: ProgressReporter, signal: AbortSignal): Promise<void> {
    const entry = ONLINE_CATALOGUE.find((d) => d.name.toLowerCase() === name.toLowerCase());
    if (!entry) throw new ServiceError('NOT_FOUND', `There is no distro named ${name} to install (see the list of distros that can be installed).`);
    const state = this.file.read();
    if (this.findAny(state, entry.name)) throw new ServiceError('CONFLICT', `${entry.name} is already installed.`);
    const config = this.effective(state);
    const { id, state: withId } = newGuid(state);
    const installRoot = config.distributionInstallPath ?? `C:\\Users\\${state.host.userName}\\AppData\\Local\\wsl`;
    const distro: SimulatedDistro = {
      id,
      name: entry.name,
      version: 2,
      state: 'Installing',
      basePath: `${installRoot}\\${id}`,
      osName: entry.osName,
      defaultUser: 'root',
      defaultUid: 0,
      systemd: entry.systemd,
      automountRoot: '/mnt/',
      memoryBytes: 300 * 1024 ** 2,
      usedBytes: entry.sizeBytes,
      disk: { fileSizeBytes: entry.sizeBytes + VHDX_OVERHEAD_BYTES, maxSizeBytes: config.defaultVhdSizeBytes, sparse: false },
      startedAt: null,
      busy: { pid: process.pid, previousState: null },
    };
    this.write({ ...withId, distros: [...withId.distros, distro], defaultId: withId.defaultId ?? id });
    const steps = [`Downloading: ${entry.friendlyName}`, `Downloading: ${entry.friendlyName}`, `Installing: ${entry.friendlyName}`, `Installing: ${entry.friendlyName}`];
    await this.steps(progress, steps, signal, () => this.removeRegistration(id, state.defaultId, `Cancelled the install of ${entry.name}; nothing was changed.`));
    this.finish(entry.name, (d) => ({ ...d, state: 'Stopped' }));
    progress(1, `Distribution successfully installed. It can be launched via 'wsl.exe -d ${entry.name}'`);
  }

  /** Writes the file's first bytes at the start, as wsl.exe does; cancelled between steps, that partial file is deleted and the state restored. */
  async exportDistro(name: string, filePath: string, format: 'tar' | 'vhdx', progress: ProgressReporter, signal: AbortSignal): Promise<{ filePath: string; sizeBytes: number }> {
    const state = this.file.read();
    const distro = this.mustFind(state, name);
    this.mustBeIdle(distro, 'export');
    if (format === 'vhdx' && distro.version === 1) throw new ServiceError('VALIDATION', `${name} is a WSL1 distro: it has no VHDX, export it as .tar instead.`);
    if (format === 'vhdx' && distro.state === 'Running') throw new ServiceError('CONFLICT', `${name} must be stopped to export its VHDX; terminate it first.`);
    this.mustBeWritableTarget(filePath);
    const previous = distro.state;
    this.write(withDistro(state, name, (d) => ({ ...d, state: 'Exporting', busy: { pid: process.pid, previousState: previous } })));
    const now = this.clock.now();
    const undo = (): ServiceError => {
      fs.rmSync(filePath, { force: true });
      this.finish(name, (d) => ({ ...d, state: previous }));
      return new ServiceError('CANCELLED', `Cancelled the export of ${name}; the partial file was deleted, so nothing was changed.`);
    };
    try {
      fs.writeFileSync(filePath, PARTIAL_EXPORT_HEAD);
      await this.steps(progress, ['Exporting the distribution', 'Exporting the distribution', 'Writing the archive'], signal, undo);
      const archive = buildArchive(
        format,
        { name: distro.name, osName: distro.osName, usedBytes: distro.usedBytes, defaultUser: distro.defaultUser, defaultUid: distro.defaultUid, systemd: distro.systemd, memoryBytes: distro.memoryBytes },
        now,
      );
      fs.writeFileSync(filePath, archive);
    } catch (error) {
      if (error instanceof ServiceError && error.code === 'CANCELLED') throw error;
      this.finish(name, (d) => ({ ...d, state: previous }));
      throw new ServiceError('INTERNAL', `Could not write ${filePath}: ${(error as Error).message}`);
    }
    this.finish(name, (d) => ({ ...d, state: previous }), (s) => (previous === 'Running' && distro.version === 2 ? growPageCache(s, Math.min(distro.usedBytes, 512 * 1024 ** 2), now, this.bootConfig(s)) : s));
    const sizeBytes = fs.statSync(filePath).size;
    progress(1, `Exported ${name} to ${filePath}.`);
    return { filePath, sizeBytes };
  }

  async importDistro(
    name: string,
    installDir: string,
    filePath: string,
    format: 'tar' | 'vhdx',
    version: WslVersion | undefined,
    progress: ProgressReporter,
    signal: AbortSignal,
  ): Promise<void> {
    const state = this.file.read();
    if (this.findAny(state, name)) throw new ServiceError('CONFLICT', `A distro named ${this.findAny(state, name)?.name} already exists; pick another name.`);
    if (!isLocalPath(filePath) || !fs.existsSync(filePath) || !fs.statSync(filePath).isFile()) {
      throw new ServiceError('NOT_FOUND', `The file ${filePath} does not exist on this machine.`);
    }
    const head = readHead(filePath, 1024);
    const kind = sniffArchive(filePath, head);
    if (format === 'tar' && kind === 'vhdx') throw new ServiceError('VALIDATION', 'This looks like a VHD file. Import it as a VHDX instead of a tar.');
    if (format === 'vhdx' && kind !== 'vhdx') throw new ServiceError('VALIDATION', `${filePath} is not a VHDX file; import it as a tar.`);
    if (format === 'vhdx' && version === 1) throw new ServiceError('VALIDATION', 'A VHDX can only be imported as a WSL2 distro.');
    const taken = state.distros.find((d) => d.basePath.toLowerCase() === installDir.toLowerCase());
    if (taken) throw new ServiceError('CONFLICT', `The install location ${installDir} is already in use by ${taken.name}.`);
    const manifest = readManifest(fs.readFileSync(filePath));
    const config = this.effective(state);
    const usedBytes = manifest?.usedBytes ?? fs.statSync(filePath).size;
    const wslVersion: WslVersion = version ?? 2;
    const { id, state: withId } = newGuid(state);
    const distro: SimulatedDistro = {
      id,
      name,
      version: wslVersion,
      state: 'Installing',
      basePath: installDir,
      osName: manifest?.osName ?? null,
      defaultUser: 'root',
      defaultUid: 0,
      systemd: manifest?.systemd ?? false,
      automountRoot: '/mnt/',
      memoryBytes: manifest?.memoryBytes ?? 256 * 1024 ** 2,
      usedBytes,
      disk: wslVersion === 2 ? { fileSizeBytes: usedBytes + VHDX_OVERHEAD_BYTES, maxSizeBytes: config.defaultVhdSizeBytes, sparse: false } : null,
      startedAt: null,
      busy: { pid: process.pid, previousState: null },
    };
    this.write({ ...withId, distros: [...withId.distros, distro], defaultId: withId.defaultId ?? id });
    await this.steps(progress, ['Reading the archive', 'Importing the distribution', 'Importing the distribution'], signal, () =>
      this.removeRegistration(id, state.defaultId, `Cancelled the import of ${name}; nothing was changed.`),
    );
    this.finish(name, (d) => ({ ...d, state: 'Stopped' }));
    progress(1, `Imported ${name} into ${installDir}.`);
  }

  /** Cancelled between steps (before the disk is deleted), the distro is left registered as it was. */
  async unregisterDistro(name: string, progress: ProgressReporter, signal: AbortSignal): Promise<void> {
    const state = this.file.read();
    const distro = this.mustFind(state, name);
    this.mustBeIdle(distro, 'unregister');
    const stopped = stopDistro(state, name, this.clock.now());
    this.write(withDistro(stopped, name, (d) => ({ ...d, state: 'Uninstalling', busy: { pid: process.pid, previousState: 'Stopped' } })));
    await this.steps(progress, ['Unregistering.', 'Deleting the disk'], signal, () =>
      this.restoreDistro(distro, `Cancelled the unregister of ${distro.name}; it is still registered with its disk, so nothing was changed.`),
    );
    const after = this.file.read();
    const remaining = after.distros.filter((d) => d.id !== distro.id);
    const defaultId = after.defaultId === distro.id ? (remaining[0]?.id ?? null) : after.defaultId;
    this.write({ ...after, distros: remaining, defaultId });
    progress(1, `Unregistered ${name}; its disk was deleted.`);
  }

  /** Cancelled between steps, the disk is left as it was. */
  async compactDisk(name: string, progress: ProgressReporter, signal: AbortSignal): Promise<DistroDisk> {
    const distro = this.mustHaveStoppedDisk(name, 'compact');
    await this.steps(progress, ['Attaching the VHDX', 'Compacting the VHDX', 'Compacting the VHDX', 'Detaching the VHDX'], signal, () =>
      this.restoreDistro(distro, `Cancelled the compact of ${distro.name}; its disk is as it was, so nothing was changed.`),
    );
    const state = this.write(withDistro(this.file.read(), distro.name, compacted));
    progress(1, `Compacted the disk of ${name}.`);
    return diskOf(this.mustFind(state, name)) as DistroDisk;
  }

  async setSparse(name: string, sparse: boolean): Promise<DistroDisk> {
    const distro = this.mustHaveStoppedDisk(name, 'change');
    const state = this.write(
      withDistro(this.file.read(), distro.name, (d) => {
        const disk = d.disk ? { ...d.disk, sparse } : null;
        return sparse ? freeBytes({ ...d, disk }, 0) : { ...d, disk };
      }),
    );
    return diskOf(this.mustFind(state, name)) as DistroDisk;
  }

  /** Cancelled between steps, the distro keeps its version and state. */
  async setVersion(name: string, version: WslVersion, progress: ProgressReporter, signal: AbortSignal): Promise<void> {
    const state = this.file.read();
    const distro = this.mustFind(state, name);
    this.mustBeIdle(distro, 'convert');
    if (distro.version === version) throw new ServiceError('CONFLICT', `${name} is already a WSL${version} distro.`);
    const config = this.effective(state);
    const stopped = stopDistro(state, name, this.clock.now());
    this.write(withDistro(stopped, name, (d) => ({ ...d, state: 'Converting', busy: { pid: process.pid, previousState: 'Stopped' } })));
    await this.steps(progress, ['Conversion in progress, this may take a few minutes.', 'Converting the file system', 'Converting the file system'], signal, () =>
      this.restoreDistro(distro, `Cancelled the conversion of ${distro.name} to WSL${version}; it is still a WSL${distro.version} distro, so nothing was changed.`),
    );
    this.finish(name, (d) => ({
      ...d,
      state: 'Stopped',
      version,
      disk: version === 2 ? { fileSizeBytes: d.usedBytes + VHDX_OVERHEAD_BYTES, maxSizeBytes: config.defaultVhdSizeBytes, sparse: false } : null,
    }));
    progress(1, `${name} is now a WSL${version} distro.`);
  }

  async readWslConfig(): Promise<WslConfigFile> {
    const bytes = readWslConfigBytesSync(this.wslConfigPath);
    return { path: this.wslConfigPath, text: bytes === null ? null : decodeWslConfig(bytes).text };
  }

  async writeWslConfig(text: string): Promise<void> {
    const bytes = encodeLikeExisting(readWslConfigBytesSync(this.wslConfigPath), text, this.wslConfigPath);
    fs.mkdirSync(path.dirname(this.wslConfigPath), { recursive: true });
    const temp = `${this.wslConfigPath}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(temp, bytes);
      fs.renameSync(temp, this.wslConfigPath);
    } finally {
      fs.rmSync(temp, { force: true });
    }
  }

  /** The modelled host RAM in use and each running WSL2 distro's processes. */
  async memoryUsage(): Promise<WslMemoryUsage> {
    const state = this.file.view();
    return memoryUsageOf(state, this.clock.now(), this.bootConfig(state));
  }

  /** Drops the modelled page cache of a running VM; CONFLICT when it is stopped. */
  async reclaimMemory(): Promise<void> {
    const state = this.file.read();
    this.write(reclaimPageCache(state, this.clock.now(), this.bootConfig(state)));
    for (const listener of this.listeners) listener(CHANGED);
  }

  /** The modelled working directories of a running distro's processes. */
  async distroDirectories(name: string): Promise<DistroDirectories> {
    const state = this.file.view();
    return simulatedDirectories(state, this.mustFind(state, name));
  }

  /** The modelled cost of the 9p boundary (labelled as modelled). */
  async measureBoundary(name: string, signal: AbortSignal): Promise<BoundaryCost> {
    const state = this.file.view();
    return simulatedBoundaryCost(state, this.mustFind(state, name), this.clock.now(), signal);
  }

  watchExternalChanges(listener: (tick: WslWatchTick) => void): () => void {
    this.listeners.add(listener);
    const stopWatching = this.file.watch(() => {
      listener(CHANGED);
      this.schedule();
    });
    this.schedule();
    return () => {
      stopWatching();
      this.listeners.delete(listener);
      if (this.listeners.size === 0) clearTimeout(this.timer);
    };
  }

  /** Arms one unref'd timer for the next moment the VM changes by itself, and tells watchers when it comes. */
  private schedule(): void {
    clearTimeout(this.timer);
    if (this.listeners.size === 0) return;
    const state = this.file.view();
    const now = this.clock.now();
    const at = nextVmEvent(state, now, this.bootConfig(state));
    if (at === null) return;
    this.timer = setTimeout(() => {
      for (const listener of this.listeners) listener(CHANGED);
      this.schedule();
    }, Math.max(1, at - now));
    this.timer.unref();
  }

  private write(state: SimulatedHostState): SimulatedHostState {
    this.file.write(state);
    this.schedule();
    return state;
  }

  private effective(state: SimulatedHostState): EffectiveWslConfig {
    let text: string | null = null;
    try {
      const bytes = readWslConfigBytesSync(this.wslConfigPath);
      text = bytes === null ? null : decodeWslConfig(bytes).text;
    } catch {
      text = null;
    }
    return effectiveWslConfig(text, { totalMemoryBytes: state.host.totalMemoryBytes, logicalProcessors: state.host.logicalProcessors });
  }

  /** What the VM would boot with now, from the current `.wslconfig`. */
  private bootConfig(state: SimulatedHostState): BootConfig {
    return bootConfigOf(this.effective(state));
  }

  private findAny(state: SimulatedHostState, name: string): SimulatedDistro | undefined {
    return state.distros.find((d) => d.name.toLowerCase() === name.toLowerCase());
  }

  private mustFind(state: SimulatedHostState, name: string): SimulatedDistro {
    const distro = findDistro(state, name) ?? this.findAny(state, name);
    if (!distro) throw new ServiceError('NOT_FOUND', `There is no distribution with the supplied name (${name}).`);
    return distro;
  }

  private mustBeIdle(distro: SimulatedDistro, verb: string): void {
    if (TRANSIENT_STATES.has(distro.state)) {
      throw new ServiceError('CONFLICT', `Cannot ${verb} ${distro.name}: it is ${distro.state.toLowerCase()}; try again when WSL has finished.`);
    }
  }

  private mustHaveStoppedDisk(name: string, verb: string): SimulatedDistro {
    const distro = this.mustFind(this.file.read(), name);
    this.mustBeIdle(distro, verb);
    if (!distro.disk) throw new ServiceError('VALIDATION', `${distro.name} is a WSL1 distro: it has no VHDX to ${verb}.`);
    if (distro.state === 'Running') throw new ServiceError('CONFLICT', `${distro.name} must be stopped to ${verb} its disk; terminate it first.`);
    return distro;
  }

  private mustBeWritableTarget(filePath: string): void {
    const dir = path.dirname(filePath);
    if (!isLocalPath(filePath) || !fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
      throw new ServiceError('NOT_FOUND', `The folder ${isLocalPath(filePath) ? dir : filePath} does not exist on this machine.`);
    }
    if (fs.existsSync(filePath) && fs.statSync(filePath).isDirectory()) {
      throw new ServiceError('VALIDATION', `${filePath} is a folder; give the path of the file to write.`);
    }
  }

  /**
   * Reports evenly spread progress for each step and waits one step time after each. When `signal` aborts
   * (checked before each step and as soon as it fires during a wait), `undo` restores the state and the
   * error it returns is thrown.
   */
  private async steps(progress: ProgressReporter, messages: string[], signal: AbortSignal, undo: () => ServiceError): Promise<void> {
    for (const [index, message] of messages.entries()) {
      if (signal.aborted) throw undo();
      progress(index / messages.length, message);
      await untilAborted(this.sleep(this.stepMs), signal);
    }
    if (signal.aborted) throw undo();
  }

  /** Removes a registration this operation added, and gives the default back to the one before. */
  private removeRegistration(id: string, defaultBefore: string | null, message: string): ServiceError {
    const state = this.file.read();
    const distros = state.distros.filter((d) => d.id !== id);
    const defaultId = distros.some((d) => d.id === defaultBefore) ? defaultBefore : (distros[0]?.id ?? null);
    this.write({ ...state, distros, defaultId });
    return new ServiceError('CANCELLED', message);
  }

  /** Puts the distro's record back as it was before the operation (state, version, disk), busy mark cleared. */
  private restoreDistro(before: SimulatedDistro, message: string): ServiceError {
    const state = this.file.read();
    if (state.distros.some((d) => d.id === before.id)) this.write({ ...state, distros: state.distros.map((d) => (d.id === before.id ? { ...before, busy: null } : d)) });
    return new ServiceError('CANCELLED', message);
  }

  /** Ends a long operation: applies the change and clears the busy mark. */
  private finish(name: string, change: (d: SimulatedDistro) => SimulatedDistro, after: (s: SimulatedHostState) => SimulatedHostState = (s) => s): void {
    const state = this.file.read();
    if (!findDistro(state, name)) return;
    this.write(after(withDistro(state, name, (d) => ({ ...change(d), busy: null }))));
  }

  /** Undoes transient states left by a process that died mid-operation (a half-installed distro is removed). */
  private recoverAbandonedOperations(): void {
    const state = this.file.read();
    const abandoned = state.distros.filter((d) => d.busy && d.busy.pid !== process.pid && !isAlive(d.busy.pid));
    if (abandoned.length === 0) return;
    const distros = state.distros
      .filter((d) => !abandoned.includes(d) || d.busy?.previousState !== null)
      .map((d) => (abandoned.includes(d) ? { ...d, state: d.busy?.previousState ?? 'Stopped', busy: null } : d));
    const defaultId = distros.some((d) => d.id === state.defaultId) ? state.defaultId : (distros[0]?.id ?? null);
    this.write({ ...state, distros, defaultId });
    this.logger.warn(`Undid ${abandoned.length} operation(s) left unfinished by a process that stopped: ${abandoned.map((d) => d.name).join(', ')}.`);
  }
}
