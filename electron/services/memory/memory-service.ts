import type { ContainerSummary } from '../../../shared/model/container';
import type { EnginePlacement } from '../../../shared/model/engine-placement';
import type { MemoryActionResult, MemoryReport } from '../../../shared/model/memory';
import type { VmInfo } from '../../../shared/model/vm';
import type { ContainerMemoryUse } from '../docker/container-engine';
import { ServiceError } from '../errors';
import type { InsightDeps } from '../insight-deps';
import type { WslMemoryUsage } from '../wsl/wsl-backend';
import { buildBreakdown, type MachineMemory } from './build-breakdown';
import { readThisMachine } from './machine-memory';
import { findContainer } from '../docker/find-container';
import { figuresOf, formatBytes } from './memory-figures';
import { memoryWarnings, type OomKilledContainer } from './memory-warnings';
import { OomWatch } from './oom-watch';

/** What the service reads besides its deps; injected so tests choose this machine's RAM. */
export interface MemoryServiceOptions {
  thisMachine?: () => { totalBytes: number; availableBytes: number };
}

/** How often the exited containers are listed again for OOM kills (the 1 s history sampler reuses the last answer between). */
export const OOM_LIST_INTERVAL_MS = 5_000;

/** How long where the engine runs is reused between reports (it changes only when the engine or WSL does). */
export const PLACEMENT_REUSE_MS = 5_000;

/**
 * How long the distros' figures from wsl.exe (one process per running distro) are reused between reports; the
 * simulated host is read every time. Actions read afresh.
 */
export const DISTRO_REUSE_MS = 5_000;

/** The label of this Linux machine's root. */
export const LINUX_HOST_LABEL = 'This Linux machine';


/** `before → after` of one figure for a message. */
const change = (label: string, before: number, after: number): string => `${label} ${formatBytes(before)} → ${formatBytes(after)}`;

/**
 * The Memory page's breakdown (host → VM → distros → containers, plus this Linux machine when the engine runs on
 * it) with its warnings, and its actions (drop the VM's page cache, stop containers), each with the figures before
 * and after. A part that cannot be read (no WSL, no engine) is left out and logged, never fails the report.
 */
export class MemoryService {
  private readonly oom: OomWatch;
  private readonly thisMachine: () => { totalBytes: number; availableBytes: number };
  private lastOom: { at: number; killed: OomKilledContainer[] } | null = null;
  private lastPlacement: { at: number; placement: EnginePlacement } | null = null;
  private lastUsage: { at: number; usage: WslMemoryUsage } | null = null;
  private lastVm: { at: number; vm: VmInfo } | null = null;

  constructor(
    private readonly deps: InsightDeps,
    options: MemoryServiceOptions = {},
  ) {
    this.oom = new OomWatch((id) => deps.engine.inspect(id));
    this.thisMachine = options.thisMachine ?? (() => readThisMachine());
  }

  /** The breakdown now; every node's children add up to its bytes and nothing is negative. */
  async report(): Promise<MemoryReport> {
    const at = this.deps.clock.now();
    const [placement, wsl] = await Promise.all([this.readPlacement(at), this.readWsl(at)]);
    const local = placement.kind === 'wsl-distro' || placement.kind === 'linux-host';
    const [containers, oomKilled] = local ? await Promise.all([this.readContainers(), this.readOomKilled(at)]) : [[], []];
    const vmRunning = wsl.vm !== null && (wsl.vm.state === 'Running' || wsl.vm.state === 'Starting');
    const host: MachineMemory = { label: this.hostLabel(wsl.usage !== null), totalBytes: 0, availableBytes: 0 };
    if (wsl.usage !== null) {
      host.totalBytes = wsl.usage.hostTotalBytes;
      host.availableBytes = wsl.usage.hostAvailableBytes;
    } else {
      Object.assign(host, this.thisMachine());
    }
    const linuxHost: MachineMemory | null = placement.kind === 'linux-host' ? { label: LINUX_HOST_LABEL, ...this.thisMachine() } : null;
    const built = buildBreakdown({
      host,
      vm: wsl.vm?.memory ?? null,
      vmRunning,
      distros: wsl.usage?.distros ?? [],
      distroEstimate: wsl.usage?.distroEstimate ?? 'Unknown.',
      placement,
      containers,
      linuxHost,
    });
    // Without WSL the host root is this same machine: only the root with the containers is kept.
    const sameMachine = wsl.usage === null && linuxHost !== null;
    const roots = sameMachine ? built.slice(1) : built;
    const machines = [...(sameMachine ? [] : [{ id: 'host', memory: host }]), ...(linuxHost === null ? [] : [{ id: 'linux', memory: linuxHost }])];
    return {
      at,
      simulated: this.deps.hostInfo.simulated || placement.simulated,
      placement,
      roots,
      vm: wsl.vm?.memory ?? null,
      warnings: memoryWarnings({ at, vm: wsl.vm?.memory ?? null, vmRunning, machines, containers, oomKilled }),
    };
  }

  /** Drops the VM's page cache and reports the figures before and after; CONFLICT when the VM is not running. */
  async reclaim(): Promise<MemoryActionResult> {
    const before = await this.report();
    await this.deps.wsl.reclaimMemory();
    this.lastUsage = null;
    this.lastVm = null;
    const report = await this.report();
    const [b, a] = [figuresOf(before), figuresOf(report)];
    const freed = Math.max(0, b.vmPageCacheBytes - a.vmPageCacheBytes);
    return {
      action: 'reclaim',
      before: b,
      after: a,
      message: `The VM dropped ${formatBytes(freed)} of page cache (${change('VM holds', b.vmAssignedBytes, a.vmAssignedBytes)}).`,
      stopped: [],
      report,
    };
  }

  /**
   * Stops the containers named (ids, names or unambiguous id prefixes) and reports the figures before and after.
   * An unknown reference is NOT_FOUND before anything is stopped; when none could be stopped, the first failure is thrown.
   */
  async stopContainers(ids: string[]): Promise<MemoryActionResult> {
    const listed = await this.deps.engine.list();
    const targets = ids.map((ref) => {
      const found = findContainer(listed, ref);
      if (found === undefined) throw new ServiceError('NOT_FOUND', `No such container: ${ref}`);
      return found;
    });
    const unique = [...new Map(targets.map((c) => [c.id, c])).values()];
    const before = await this.report();
    const results = await this.deps.engine.act(
      unique.map((c) => c.id),
      'stop',
      {},
    );
    const stopped = unique.filter((_, i) => results[i]?.ok === true).map((c) => c.name);
    const failures = results.flatMap((r, i) =>
      r.ok ? [] : [{ name: (unique[i] as ContainerSummary).name, error: r.error ?? { code: 'INTERNAL', message: 'the engine gave no reason' } }],
    );
    const first = failures[0];
    if (stopped.length === 0 && first !== undefined) throw new ServiceError(first.error.code as ServiceError['code'], first.error.message);
    this.lastOom = null;
    this.lastUsage = null;
    this.lastVm = null;
    const report = await this.report();
    const [b, a] = [figuresOf(before), figuresOf(report)];
    const failed = failures.length === 0 ? '' : ` Not stopped: ${failures.map((f) => `${f.name} (${f.error.message})`).join('; ')}.`;
    return {
      action: 'stop-containers',
      before: b,
      after: a,
      message: `Stopped ${stopped.join(', ')} (${change('containers', b.containersBytes, a.containersBytes)}).${failed}`,
      stopped,
      report,
    };
  }

  private hostLabel(hasWsl: boolean): string {
    if (this.deps.hostInfo.simulated) return 'Windows host (simulated)';
    if (this.deps.platform === 'win32') return 'This Windows PC';
    return hasWsl ? 'WSL host' : 'This machine (no WSL)';
  }

  /** Where the engine runs, reused for PLACEMENT_REUSE_MS; nowhere (no containers shown) when that cannot be told (logged). */
  private async readPlacement(now: number): Promise<EnginePlacement> {
    const last = this.lastPlacement;
    if (last !== null && now >= last.at && now - last.at < PLACEMENT_REUSE_MS) return last.placement;
    try {
      const placement = await this.deps.placement();
      this.lastPlacement = { at: now, placement };
      return placement;
    } catch (error) {
      this.deps.logger.warn('memory: where the engine runs cannot be told', error);
      const simulated = this.deps.hostInfo.simulated;
      return { kind: 'none', distro: null, simulated, description: 'Where the Docker engine runs cannot be told now, so no containers are shown.' };
    }
  }

  /** The host's and distros' memory and the VM; both null when WSL cannot be read (logged). */
  private async readWsl(now: number): Promise<{ usage: WslMemoryUsage | null; vm: VmInfo | null }> {
    try {
      const [usage, vm] = await Promise.all([this.readUsage(now), this.readVm(now)]);
      return { usage, vm };
    } catch (error) {
      this.deps.logger.warn('memory: WSL memory cannot be read', error);
      return { usage: null, vm: null };
    }
  }

  /**
   * The host's and distros' memory; over wsl.exe the distros' figures are reused for DISTRO_REUSE_MS, with the
   * host's RAM read from this machine in between when wsl.exe runs here (Windows).
   */
  private async readUsage(now: number): Promise<WslMemoryUsage> {
    if (this.deps.hostInfo.backend !== 'cli') return this.deps.wsl.memoryUsage();
    const last = this.lastUsage;
    if (last !== null && now >= last.at && now - last.at < DISTRO_REUSE_MS) {
      if (this.deps.platform !== 'win32') return last.usage;
      const machine = this.thisMachine();
      return { ...last.usage, hostTotalBytes: machine.totalBytes, hostAvailableBytes: machine.availableBytes };
    }
    const usage = await this.deps.wsl.memoryUsage();
    this.lastUsage = { at: now, usage };
    return usage;
  }

  /** The VM; over wsl.exe (a list and a probe each time) it is reused for DISTRO_REUSE_MS, like the distros' figures. */
  private async readVm(now: number): Promise<VmInfo> {
    if (this.deps.hostInfo.backend !== 'cli') return this.deps.wsl.vm();
    const last = this.lastVm;
    if (last !== null && now >= last.at && now - last.at < DISTRO_REUSE_MS) return last.vm;
    const vm = await this.deps.wsl.vm();
    this.lastVm = { at: now, vm };
    return vm;
  }

  private async readContainers(): Promise<ContainerMemoryUse[]> {
    try {
      return await this.deps.engine.containerMemory();
    } catch (error) {
      this.deps.logger.warn("memory: the containers' memory cannot be read", error);
      return [];
    }
  }

  /** The OOM-killed containers, listed again at most every OOM_LIST_INTERVAL_MS (and after an action). */
  private async readOomKilled(now: number): Promise<OomKilledContainer[]> {
    if (this.lastOom !== null && now >= this.lastOom.at && now - this.lastOom.at < OOM_LIST_INTERVAL_MS) return this.lastOom.killed;
    try {
      const killed = await this.oom.killed(await this.deps.engine.list(), now);
      this.lastOom = { at: now, killed };
      return killed;
    } catch (error) {
      this.deps.logger.warn('memory: the exited containers cannot be listed', error);
      return [];
    }
  }
}
