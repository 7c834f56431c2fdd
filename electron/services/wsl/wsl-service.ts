import { DistroName, type Distro, type DistroDetail, type DistroDisk, type OnlineDistro, type WslVersion } from '../../../shared/model/distro';
import type { HostStatus } from '../../../shared/model/host';
import type { VmInfo, VmSummary } from '../../../shared/model/vm';
import type { WslConfigView } from '../../../shared/model/wslconfig';
import { ServiceError } from '../errors';
import { systemClock, type Clock, type EventSink, type Logger } from '../ports';
import { Operations, type OperationSpec, type OperationWork } from './operations';
import type { BoundaryCost } from '../../../shared/model/files';
import { DistroDetailCache, DistroListCache } from './distro-list-cache';
import { WslLookers } from './wsl-lookers';
import type { DistroDirectories, WslBackend, WslConfigFile, WslMemoryUsage, WslWatchTick } from './wsl-backend';
import { checkValue, effectiveWslConfig, type EffectiveWslConfig, type WslHostFacts } from './wslconfig/effective-config';
import { setWslConfigKey } from './wslconfig/wslconfig-document';
import { findKeyDef, keyOf } from './wslconfig/wslconfig-keys';
import { buildWslConfigView } from './wslconfig/wslconfig-view';

/** States in which a distro cannot be started, stopped or made default until WSL finishes. */
const BUSY_STATES = new Set<Distro['state']>(['Installing', 'Uninstalling', 'Converting', 'Exporting']);

/** What `distros:import` asks for. */
export interface ImportRequest {
  name: string;
  installDir: string;
  filePath: string;
  format: 'tar' | 'vhdx';
  version?: WslVersion | undefined;
}

/** What the service is given besides its backend: the clock the list cache ages by, and the cache's time to live. */
export interface WslServiceOptions {
  clock?: Clock;
  /** `DISTRO_LIST_TTL_MS` when left out. */
  listTtlMs?: number;
}

/** A distro resolved from a fresh cached list, or only its validated name when no list is cached. */
interface Target {
  name: string;
  distro: Distro | null;
}

/** True when a running VM shows other figures than the file would boot it with. */
function differsFromVm(vm: VmInfo, config: EffectiveWslConfig): boolean {
  return (
    vm.memory.limitBytes !== config.memoryLimitBytes ||
    vm.memory.swapBytes !== config.swapBytes ||
    vm.memory.reclaimMode !== config.autoMemoryReclaim ||
    vm.processors !== config.processors ||
    vm.idleTimeoutMs !== config.vmIdleTimeoutMs ||
    vm.network.mode !== config.networkingMode ||
    vm.kernel.customKernelPath !== config.kernel ||
    vm.kernel.commandLine !== config.kernelCommandLine
  );
}

/**
 * WSL distros, the utility VM and `.wslconfig` for every host. Validates names against WSL's grammar,
 * resolves them case-insensitively as wsl.exe does, refuses unknown or busy distros and bad input
 * without touching the backend, runs long work as operations with progress, and pushes
 * `distros:changed` and `vm:changed` after every change, local or external, each once per change.
 *
 * Lean on wsl.exe: one distro list is shared for `DISTRO_LIST_TTL_MS` by every read (and forgotten at each
 * of our own changes); start, terminate, set-default, shutdown and set-sparse make the action and one
 * list (with nothing cached, the name is checked against the grammar and wsl.exe says whether it exists).
 * The VM is probed only for `vm:info`/`wslconfig:*`, and for pushes while a visible client holds a
 * `vm:watch`; the backend watches for external changes only while a client is visible or a CLI watches.
 */
export class WslService {
  private stopWatching: (() => void) | null = null;
  private readonly operations: Operations;
  private readonly lists: DistroListCache;
  private readonly details: DistroDetailCache;
  private readonly lookers = new WslLookers(() => this.updateWatch());
  /** The last payloads pushed, so an unchanged one is not pushed again. */
  private lastPushed: { distros: string | null; vm: string | null } = { distros: null, vm: null };
  /** Publishes in the order they started reading, and the latest one that pushed: an older read never overwrites a newer one. */
  private publishes = { started: 0, pushed: 0 };
  /** Boot time of the VM that was running when a restart-needing `.wslconfig` change was written. */
  private pendingSinceBoot: number | null = null;

  constructor(
    private readonly backend: WslBackend,
    private readonly events: EventSink,
    private readonly logger: Logger,
    options: WslServiceOptions = {},
  ) {
    this.operations = new Operations(events);
    this.lists = new DistroListCache(() => this.backend.listDistros(), options.clock ?? systemClock, options.listTtlMs);
    this.details = new DistroDetailCache(this.lists, options.clock ?? systemClock, options.listTtlMs);
  }

  /** Distros in `wsl -l -v` order (a list read less than `DISTRO_LIST_TTL_MS` ago when there is one). */
  list(): Promise<Distro[]> {
    return this.lists.get();
  }

  /** One distro in full; never starts it. A detail read less than the list's time to live ago for the same row is reused. */
  async show(name: string): Promise<DistroDetail> {
    const distro = await this.resolve(name);
    return this.details.get(distro, () => this.backend.showDistro(distro.name, distro));
  }

  /** Distros `wsl --install` can fetch. */
  listOnline(): Promise<OnlineDistro[]> {
    return this.backend.listOnline();
  }

  /** The utility VM: probed for its live figures unless `live` is false (then no wsl.exe call beyond a list older than the TTL). */
  async vm(live = true): Promise<VmInfo> {
    return this.backend.vmInfo({ distros: await this.lists.get(), probe: live });
  }

  /** Host RAM in use and each running WSL2 distro's processes' memory. */
  memoryUsage(): Promise<WslMemoryUsage> {
    return this.backend.memoryUsage();
  }

  /** Gives the VM's page cache back to the host, then pushes the VM's new figures. */
  async reclaimMemory(): Promise<VmInfo> {
    const vm = await this.vm();
    if (vm.state !== 'Running') throw new ServiceError('CONFLICT', 'The WSL VM is not running, so it holds no page cache to give back.');
    await this.backend.reclaimMemory();
    return (await this.publish({ distros: await this.lists.get(), probe: true })).vm;
  }

  /** Where a running distro's processes work, and its home; CONFLICT when it is not running. */
  async distroDirectories(name: string): Promise<DistroDirectories> {
    const distro = await this.resolve(name);
    if (distro.state !== 'Running') throw new ServiceError('CONFLICT', `${distro.name} is not running, so none of its processes work anywhere.`);
    return this.backend.distroDirectories(distro.name);
  }

  /** Times a short read/write on a Windows drive and in the distro's own disk; CONFLICT when it is not running. */
  async measureBoundary(name: string, signal: AbortSignal): Promise<BoundaryCost> {
    const distro = await this.resolve(name);
    if (distro.state !== 'Running') throw new ServiceError('CONFLICT', `Start ${distro.name} first: the cost of its Windows drives is measured inside it.`);
    return this.backend.measureBoundary(distro.name, signal);
  }

  /** Starts a stopped distro (a running one, known from a fresh list, is left as it is) and returns its new row. */
  start(name: string): Promise<Distro> {
    return this.change(name, 'start', (d) => d.state === 'Running', (target) => this.backend.startDistro(target));
  }

  /** Terminates a running distro (a stopped one, known from a fresh list, is left as it is) and returns its new row. */
  terminate(name: string): Promise<Distro> {
    return this.change(name, 'terminate', (d) => d.state === 'Stopped', (target) => this.backend.terminateDistro(target));
  }

  /** Makes a distro the default and returns its new row. */
  setDefault(name: string): Promise<Distro> {
    return this.change(name, 'set-default', (d) => d.isDefault, (target) => this.backend.setDefaultDistro(target));
  }

  /** Stops every distro and the VM at once: `wsl --shutdown` and one list. */
  async shutdown(): Promise<VmSummary> {
    await this.acting(null, () => this.backend.shutdown());
    const { vm } = await this.publish();
    return { state: vm.state, runningDistros: vm.runningDistros };
  }

  /**
   * Shuts the VM down and boots it again with the default distro (or the first WSL2 one), so `.wslconfig`
   * applies. The list after is not read: it is the list before with every distro stopped but the one booted
   * (a change made outside meanwhile shows at the next poll); the VM is probed only while someone watches it.
   */
  async restartVm(): Promise<VmInfo> {
    const distros = await this.lists.get();
    const wsl2 = distros.filter((d) => d.version === 2 && !BUSY_STATES.has(d.state));
    const boot = wsl2.find((d) => d.isDefault) ?? wsl2[0];
    if (!boot) throw new ServiceError('CONFLICT', 'There is no WSL2 distro to boot the VM with; install or import one first.');
    await this.acting(null, async () => {
      await this.backend.shutdown();
      await this.backend.startDistro(boot.name);
    });
    this.pendingSinceBoot = null;
    const after = distros.map((d): Distro => {
      if (d.name === boot.name) return { name: d.name, version: d.version, isDefault: d.isDefault, state: 'Running' };
      return d.state === 'Running' ? { ...d, state: 'Stopped' } : d;
    });
    return (await this.publish({ distros: after })).vm;
  }

  /** Installs a distro from the online list and returns its row. */
  async install(name: string): Promise<Distro> {
    const valid = await this.onlineName(this.validName(name));
    const existing = (await this.lists.get()).find((d) => d.name.toLowerCase() === valid.toLowerCase());
    if (existing) throw new ServiceError('CONFLICT', `${existing.name} is already installed.`);
    await this.operation({ kind: 'install', target: valid, startMessage: `Installing ${valid}`, doneMessage: () => `Installed ${valid}.` }, (progress, signal) =>
      this.backend.installDistro(valid, progress, signal),
    );
    return this.resolve(valid);
  }

  /** Exports a distro to a .tar or .vhdx file and returns where it went and how big it is. */
  async exportDistro(name: string, filePath: string, format: 'tar' | 'vhdx'): Promise<{ filePath: string; sizeBytes: number }> {
    const distro = await this.idle(name, 'export');
    return this.operation(
      { kind: 'export', target: distro.name, startMessage: `Exporting ${distro.name} to ${filePath}`, doneMessage: (r) => `Exported ${distro.name} to ${r.filePath}.` },
      (progress, signal) => this.backend.exportDistro(distro.name, filePath, format, progress, signal),
    );
  }

  /** Registers a new distro from a .tar or .vhdx file and returns its row. */
  async importDistro(request: ImportRequest): Promise<Distro> {
    const name = this.validName(request.name);
    const existing = (await this.lists.get()).find((d) => d.name.toLowerCase() === name.toLowerCase());
    if (existing) throw new ServiceError('CONFLICT', `A distro named ${existing.name} already exists; pick another name.`);
    await this.operation({ kind: 'import', target: name, startMessage: `Importing ${name} from ${request.filePath}`, doneMessage: () => `Imported ${name}.` }, (progress, signal) =>
      this.backend.importDistro(name, request.installDir, request.filePath, request.format, request.version, progress, signal),
    );
    return this.resolve(name);
  }

  /** Deletes a distro and its disk; `confirm` must repeat its registered name exactly. */
  async unregister(name: string, confirm: string): Promise<{ name: string }> {
    const distro = await this.resolve(name);
    if (confirm !== distro.name) {
      throw new ServiceError('VALIDATION', `To delete ${distro.name} and its disk, type its name exactly as confirmation ("${distro.name}").`);
    }
    await this.idle(distro.name, 'unregister');
    await this.operation(
      { kind: 'unregister', target: distro.name, startMessage: `Unregistering ${distro.name}`, doneMessage: () => `Unregistered ${distro.name}; its disk was deleted.` },
      (progress, signal) => this.backend.unregisterDistro(distro.name, progress, signal),
    );
    return { name: distro.name };
  }

  /** Shrinks a stopped WSL2 distro's VHDX to what it uses and returns the disk after. */
  async compact(name: string): Promise<DistroDisk> {
    const distro = await this.idle(name, 'compact');
    return this.operation(
      { kind: 'compact', target: distro.name, startMessage: `Compacting the disk of ${distro.name}`, doneMessage: (disk) => `Compacted the disk of ${distro.name} to ${disk.fileSizeBytes} bytes.` },
      (progress, signal) => this.backend.compactDisk(distro.name, progress, signal),
    );
  }

  /** Makes a stopped WSL2 distro's VHDX sparse (or not) and returns the disk after: `wsl --manage` and one list. */
  async setSparse(name: string, sparse: boolean): Promise<DistroDisk> {
    const { name: target } = this.idleIfKnown(name, 'change the disk of');
    const disk = await this.acting(target, () => this.backend.setSparse(target, sparse));
    await this.publish();
    return disk;
  }

  /** Converts a distro between WSL1 and WSL2 and returns its new row. */
  async setVersion(name: string, version: WslVersion): Promise<Distro> {
    const distro = await this.idle(name, 'convert');
    if (distro.version === version) throw new ServiceError('CONFLICT', `${distro.name} is already a WSL${version} distro.`);
    await this.operation(
      { kind: 'set-version', target: distro.name, startMessage: `Converting ${distro.name} to WSL${version}`, doneMessage: () => `${distro.name} is now a WSL${version} distro.` },
      (progress, signal) => this.backend.setVersion(distro.name, version, progress, signal),
    );
    return this.resolve(distro.name);
  }

  /** `.wslconfig` as the editor shows it, with WSL's warnings and whether the running VM still uses older values. */
  async wslConfig(): Promise<WslConfigView> {
    const [file, facts, vm] = await Promise.all([this.backend.readWslConfig(), this.hostFacts(), this.vm()]);
    return this.wslConfigView(file, facts, vm);
  }

  /**
   * Sets one key (null removes it) keeping every other line; an unknown key, an invalid value or one the
   * file's encoding cannot hold is refused with VALIDATION and the file is not touched. Everything that
   * can fail (reading the file and the VM) happens before the write; after it, only the event push
   * remains, and its failure is logged, not reported. Says whether the VM must restart to use it.
   */
  async setWslConfig(key: string, value: string | null): Promise<{ view: WslConfigView; restartNeeded: boolean }> {
    const def = findKeyDef(key);
    if (!def && value !== null) {
      throw new ServiceError('VALIDATION', `${key} is not a .wslconfig setting WSL knows; check its spelling (for example wsl2.memory).`);
    }
    const facts = await this.hostFacts();
    if (def && value !== null) {
      if (/[\r\n\0]/.test(value)) throw new ServiceError('VALIDATION', `A value for ${keyOf(def)} must be on one line.`);
      const problem = checkValue(def, value, facts);
      if (problem) throw new ServiceError('VALIDATION', problem);
    }
    const [file, vm] = await Promise.all([this.backend.readWslConfig(), this.vm()]);
    const before = file.text ?? '';
    const after = setWslConfigKey(before, def ? keyOf(def) : key, value, def?.name);
    if (after === before) return { view: this.wslConfigView(file, facts, vm), restartNeeded: false };
    await this.backend.writeWslConfig(after);
    const restartNeeded = (def?.restartNeeded ?? false) && vm.state !== 'Stopped';
    if (restartNeeded) this.pendingSinceBoot = vm.bootTime;
    await this.lists
      .get()
      .then((distros) => this.publish({ distros }))
      .catch((error: unknown) => this.logger.warn('Could not publish a .wslconfig change', error));
    return { view: this.wslConfigView({ ...file, text: after }, facts, vm), restartNeeded };
  }

  private wslConfigView(file: WslConfigFile, facts: WslHostFacts, vm: VmInfo): WslConfigView {
    const running = vm.state !== 'Stopped';
    const pending = running && ((this.pendingSinceBoot !== null && this.pendingSinceBoot === vm.bootTime) || differsFromVm(vm, effectiveWslConfig(file.text, facts)));
    return buildWslConfigView(file, facts, pending);
  }

  /** Counts for the one-line status: one list (or the cached one), no probe. */
  async status(host: HostStatus['host']): Promise<HostStatus> {
    const distros = await this.lists.get();
    const vm = await this.backend.vmInfo({ distros, probe: false });
    return {
      host,
      vm: { state: vm.state, runningDistros: vm.runningDistros },
      distros: {
        total: distros.length,
        running: distros.filter((d) => d.state === 'Running').length,
        defaultDistro: distros.find((d) => d.isDefault)?.name ?? null,
      },
    };
  }

  /** Asks the running operation with this id to stop (see `WslBackend`); false when none with that id runs. */
  cancelOperation(id: string): boolean {
    return this.operations.cancel(id);
  }

  /**
   * A view showing the VM's live figures opened for this client (which is then visible, unless it said
   * otherwise): while a visible client holds one, pushes and every poll carry the probed VM (`live: true`).
   */
  watchVm(clientId: string): { subscriptionId: string } {
    return this.lookers.watchVm(clientId);
  }

  /** Ends one of this client's VM watches (an unknown id changes nothing). */
  unwatchVm(clientId: string, subscriptionId: string): void {
    this.lookers.unwatchVm(clientId, subscriptionId);
  }

  /** A client's window can be seen (or not): WSL is watched for external changes only while one can, or a CLI watches. */
  setVisibility(clientId: string, visible: boolean): void {
    this.lookers.setVisibility(clientId, visible);
  }

  /** A CLI process watches for changes (its `--watch`) until it calls the returned function (once is enough). */
  watchChanges(): () => void {
    return this.lookers.watchChanges();
  }

  /** Ends every VM watch of a client that went away, and forgets whether it could be seen. */
  releaseClient(clientId: string): void {
    this.lookers.releaseClient(clientId);
  }

  /** Stops listening for external changes. */
  dispose(): void {
    this.lookers.clear();
  }

  /** Attaches the backend's watch while a client can be seen or a CLI watches, and detaches it when none does. */
  private updateWatch(): void {
    const looking = this.lookers.looking();
    if (looking && this.stopWatching === null) {
      this.stopWatching = this.backend.watchExternalChanges((tick) => this.onWatchTick(tick));
    } else if (!looking && this.stopWatching !== null) {
      const stop = this.stopWatching;
      this.stopWatching = null;
      stop();
    }
  }

  /** A look of the backend's watch: its list refreshes the cache; a change, or a VM someone watches, is pushed. */
  private onWatchTick(tick: WslWatchTick): void {
    if (tick.distros !== null) this.lists.offer(tick.distros);
    if (!tick.changed && !this.probing()) return;
    void this.publish(tick.distros === null ? {} : { distros: tick.distros }).catch((error: unknown) =>
      this.logger.warn('Could not publish an external WSL change', error),
    );
  }

  /** True while a client that can be seen holds a VM watch: only then do pushes probe the VM. */
  private probing(): boolean {
    return this.lookers.probing();
  }

  private hostFacts(): Promise<WslHostFacts> {
    return this.backend.hostFacts();
  }

  private async operation<T>(spec: OperationSpec<T>, work: OperationWork<T>): Promise<T> {
    this.lists.invalidate();
    try {
      return await this.operations.run({ ...spec, onStarted: () => this.publishSoon(`the start of ${spec.kind}`) }, work);
    } finally {
      this.lists.invalidate();
      await this.publish().catch((error: unknown) => this.logger.warn(`Could not publish the end of ${spec.kind}`, error));
    }
  }

  /**
   * A quick change: refused without a call when a fresh list shows the distro unknown or busy (or this process
   * runs an operation on it), answered from that list when it is already `done`; else the action, then one list
   * that gives the row and the push.
   */
  private async change(name: string, verb: string, done: (distro: Distro) => boolean, act: (name: string) => Promise<void>): Promise<Distro> {
    const target = this.idleIfKnown(name, verb);
    if (target.distro !== null && done(target.distro)) return target.distro;
    await this.acting(target.name, () => act(target.name));
    const { distros } = await this.publish();
    return this.find(distros, target.name);
  }

  /**
   * Runs one of our own changes with the list cache forgotten before and after it; wsl.exe's "no such distro"
   * (NOT_FOUND) becomes the sentence a resolved name gets.
   */
  private async acting<T>(name: string | null, act: () => Promise<T>): Promise<T> {
    this.lists.invalidate();
    try {
      return await act();
    } catch (error) {
      if (name !== null && error instanceof ServiceError && error.code === 'NOT_FOUND') throw this.notFound(name);
      throw error;
    } finally {
      this.lists.invalidate();
    }
  }

  /**
   * The name checked against WSL's grammar, and, when a fresh list is cached, its row: unknown is NOT_FOUND, a
   * transient state CONFLICT. An operation of this process on it is CONFLICT either way. Lists nothing.
   */
  private idleIfKnown(name: string, verb: string): Target {
    const valid = this.validName(name);
    const cached = this.lists.peek();
    const distro = cached === null ? null : this.find(cached, valid);
    if (distro !== null) this.refuseBusy(distro, verb);
    const target = distro?.name ?? valid;
    const running = this.operations.runningOn(target);
    if (running) throw new ServiceError('CONFLICT', `Cannot ${verb} ${target}: ${running.kind} is still running.`);
    return { name: target, distro };
  }

  /** Resolves a distro that is not in a transient state nor in an operation of this process. */
  private async idle(name: string, verb: string): Promise<Distro> {
    const distro = await this.resolve(name);
    this.refuseBusy(distro, verb);
    const running = this.operations.runningOn(distro.name);
    if (running) throw new ServiceError('CONFLICT', `Cannot ${verb} ${distro.name}: ${running.kind} is still running.`);
    return distro;
  }

  /** The online list's spelling of a name; unknown names are NOT_FOUND. When the list cannot be fetched, wsl --install decides. */
  private async onlineName(name: string): Promise<string> {
    let online: OnlineDistro[];
    try {
      online = await this.backend.listOnline();
    } catch (error) {
      this.logger.warn('Could not fetch the online distro list before installing', error);
      return name;
    }
    const found = online.find((d) => d.name.toLowerCase() === name.toLowerCase());
    if (!found) throw new ServiceError('NOT_FOUND', `There is no distro named ${name} to install (see the list of distros that can be installed).`);
    return found.name;
  }

  private validName(name: string): string {
    const parsed = DistroName.safeParse(name);
    if (!parsed.success) {
      throw new ServiceError('VALIDATION', `"${name}" is not a valid distro name: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    }
    return parsed.data;
  }

  private refuseBusy(distro: Distro, verb: string): void {
    if (BUSY_STATES.has(distro.state)) {
      throw new ServiceError('CONFLICT', `Cannot ${verb} ${distro.name}: it is ${distro.state.toLowerCase()}; try again when WSL has finished.`);
    }
  }

  private async resolve(name: string): Promise<Distro> {
    return this.find(await this.lists.get(), this.validName(name));
  }

  /** The row of a validated name, matched case-insensitively as wsl.exe does; NOT_FOUND when absent. */
  private find(distros: Distro[], valid: string): Distro {
    const wanted = valid.toLowerCase();
    const found = distros.find((d) => d.name.toLowerCase() === wanted);
    if (!found) throw this.notFound(valid);
    return found;
  }

  private notFound(valid: string): ServiceError {
    return new ServiceError('NOT_FOUND', `There is no distro named ${valid}; run "lightdock distros list" to see them.`);
  }

  private publishSoon(what: string): void {
    void this.publish().catch((error: unknown) => this.logger.warn(`Could not publish ${what}`, error));
  }

  /**
   * Pushes the distros (the list given, else one read now) and the VM read from that same list, probed only
   * while someone watches it unless `probe` says otherwise; a payload equal to the last one pushed is not sent
   * again, nor one read before what a later-started publish already pushed.
   */
  private async publish(options: { distros?: Distro[]; probe?: boolean } = {}): Promise<{ distros: Distro[]; vm: VmInfo }> {
    const order = ++this.publishes.started;
    const distros = options.distros ?? (await this.lists.refresh());
    const vm = await this.backend.vmInfo({ distros, probe: options.probe ?? this.probing() });
    if (order < this.publishes.pushed) return { distros, vm };
    this.publishes.pushed = order;
    const distrosJson = JSON.stringify(distros);
    if (distrosJson !== this.lastPushed.distros) {
      this.lastPushed.distros = distrosJson;
      this.events.emit('distros:changed', distros);
    }
    const vmJson = JSON.stringify(vm);
    if (vmJson !== this.lastPushed.vm) {
      this.lastPushed.vm = vmJson;
      this.events.emit('vm:changed', vm);
    }
    return { distros, vm };
  }
}
