import type { ContainerSummary } from '../../../shared/model/container';
import type { Distro, DistroDetail } from '../../../shared/model/distro';
import type { EnginePlacement } from '../../../shared/model/engine-placement';
import { BoundaryCost, FilesReport, type FilesSubject } from '../../../shared/model/files';
import { ServiceError } from '../errors';
import type { InsightDeps } from '../insight-deps';
import { DOCKER_DESKTOP_DISTRO } from '../placement/engine-placement';
import type { DistroDirectories } from '../wsl/wsl-backend';
import { containerSubject, hasWindowsBind, workingDirOf } from './container-files';
import { distroSubject, homeOfUser } from './distro-files';

/** The hard bound on one measurement as the service waits for it (the script itself stops at 15 s). */
export const MEASURE_TIMEOUT_MS = 20_000;
/** Costs remembered at most (one per distro; names no longer listed are dropped at each report). */
const MAX_COSTS = 64;
/** Containers whose working directory is read (`inspect`) at once. */
const INSPECT_BATCH = 4;
/** Subjects one report may hold (the model's bound). */
const MAX_SUBJECTS = 2000;

type Filter = { distro?: string | undefined; container?: string | undefined };

/** The Files view: which working directories and bind mounts of each distro and container live on a Windows drive, what that costs, and how to move them. */
export class FilesService {
  /** The last cost per distro name; never filled by `report`. */
  private readonly costs = new Map<string, BoundaryCost>();
  /** Measurements under way, so two asks for one distro share one run. */
  private readonly measuring = new Map<string, Promise<BoundaryCost>>();

  constructor(private readonly deps: InsightDeps) {}

  /**
   * Every distro and container, or only the distro and/or container named (NOT_FOUND when it does not exist).
   * Never measures: each subject carries the last cost measured for its distro, or null.
   */
  async report(filter: Filter): Promise<FilesReport> {
    const wantDistros = filter.container === undefined || filter.distro !== undefined;
    const wantContainers = filter.distro === undefined || filter.container !== undefined;
    const distros = await this.distros(filter.distro);
    this.forgetUnlisted(distros, filter.distro === undefined);
    const distroSubjects = wantDistros ? await Promise.all(distros.map((d) => this.distroSubject(d, filter.distro !== undefined))) : [];
    const containerSubjects = wantContainers ? await this.containerSubjects(filter.container, distros, distroSubjects) : [];
    return FilesReport.parse({
      at: this.deps.clock.now(),
      simulated: this.deps.hostInfo.simulated,
      subjects: [...distroSubjects, ...containerSubjects].slice(0, MAX_SUBJECTS),
    });
  }

  /** Times the boundary in one running distro (modelled on the simulated host); bounded by `MEASURE_TIMEOUT_MS`, one run per distro at a time. */
  async measure(name: string): Promise<BoundaryCost> {
    const key = name.toLowerCase();
    const running = this.measuring.get(key);
    if (running !== undefined) return running;
    const run = this.measureOnce(name).finally(() => this.measuring.delete(key));
    this.measuring.set(key, run);
    return run;
  }

  private async measureOnce(name: string): Promise<BoundaryCost> {
    this.deps.logger.info(`Timing the Windows boundary in ${name} (bounded to ${MEASURE_TIMEOUT_MS / 1000} s).`);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), MEASURE_TIMEOUT_MS);
    let cost: BoundaryCost;
    try {
      cost = BoundaryCost.parse(await this.deps.wsl.measureBoundary(name, controller.signal));
    } finally {
      clearTimeout(timer);
    }
    this.costs.delete(cost.distro);
    this.costs.set(cost.distro, cost);
    while (this.costs.size > MAX_COSTS) this.costs.delete(this.costs.keys().next().value ?? '');
    this.deps.logger.info(`Boundary of ${cost.distro}: the Windows drive is ${cost.slowdown}x slower (${cost.measured ? 'measured' : 'modelled'}).`);
    return cost;
  }

  /** Every distro, or the one named (its exact spelling found without regard to case). A WSL that cannot be listed leaves no distros unless one was asked for. */
  private async distros(name: string | undefined): Promise<Distro[]> {
    let all: Distro[];
    try {
      all = await this.deps.wsl.list();
    } catch (error) {
      if (name !== undefined) throw error;
      this.deps.logger.warn(`Files: the WSL distros could not be listed: ${message(error)}`);
      return [];
    }
    if (name === undefined) return all;
    const found = all.find((d) => d.name.toLowerCase() === name.toLowerCase());
    if (found === undefined) throw new ServiceError('NOT_FOUND', `There is no WSL distro named ${name}.`);
    return [found];
  }

  /** Drops costs of distros no longer registered, so the cache never outgrows the distro list. */
  private forgetUnlisted(distros: Distro[], complete: boolean): void {
    if (!complete) return;
    const names = new Set(distros.map((d) => d.name));
    for (const name of [...this.costs.keys()]) if (!names.has(name)) this.costs.delete(name);
  }

  /**
   * One distro's subject. A running distro's directories are read with its mounts (without them, paths are placed
   * by the default /mnt layout); a failure to read the directories is logged (or thrown when it alone was asked for).
   */
  private async distroSubject(distro: Distro, alone: boolean): Promise<FilesSubject> {
    const cost = this.costs.get(distro.name) ?? null;
    if (distro.state !== 'Running') {
      const detail = await this.detail(distro.name);
      return distroSubject({ distro, detail, directories: null, cost });
    }
    try {
      const [detail, directories] = await Promise.all([this.detail(distro.name), this.deps.wsl.distroDirectories(distro.name)]);
      return distroSubject({ distro, detail, directories, cost });
    } catch (error) {
      if (error instanceof ServiceError && error.code === 'CONFLICT') {
        return distroSubject({ distro: { ...distro, state: 'Stopped' }, detail: await this.detail(distro.name), directories: null, cost });
      }
      if (alone) throw error;
      this.deps.logger.warn(`Files: the working directories of ${distro.name} could not be read: ${message(error)}`);
      return distroSubject({ distro, detail: null, directories: { home: null, processes: [] }, cost });
    }
  }

  /** A distro's detail for its default user, or null when it cannot be read (logged). */
  private async detail(name: string): Promise<DistroDetail | null> {
    try {
      return await this.deps.wsl.show(name);
    } catch (error) {
      this.deps.logger.warn(`Files: ${name} could not be read: ${message(error)}`);
      return null;
    }
  }

  /** Every container (or the one named), with the home and cost of the distro its bind sources are reached from. */
  private async containerSubjects(ref: string | undefined, distros: Distro[], distroSubjects: FilesSubject[]): Promise<FilesSubject[]> {
    let containers: ContainerSummary[];
    const workingDirs = new Map<string, string | null>();
    if (ref !== undefined) {
      const detail = await this.deps.engine.inspect(ref);
      workingDirs.set(detail.id, workingDirOf(detail.inspect));
      containers = [detail];
    } else {
      try {
        containers = (await this.deps.engine.list()).slice(0, MAX_SUBJECTS);
      } catch (error) {
        this.deps.logger.warn(`Files: the containers could not be listed: ${message(error)}`);
        return [];
      }
      await this.readWorkingDirs(containers.filter(hasWindowsBind), workingDirs);
    }
    const { home, cost } = await this.engineDistro(distros, distroSubjects);
    return containers.map((container) => containerSubject({ container, workingDir: workingDirs.get(container.id) ?? null, home, cost }));
  }

  /** Reads `Config.WorkingDir` of each container, a few at a time; one that cannot be read has none. */
  private async readWorkingDirs(containers: ContainerSummary[], into: Map<string, string | null>): Promise<void> {
    for (let i = 0; i < containers.length; i += INSPECT_BATCH) {
      await Promise.all(
        containers.slice(i, i + INSPECT_BATCH).map(async (c) => {
          try {
            into.set(c.id, workingDirOf((await this.deps.engine.inspect(c.id)).inspect));
          } catch (error) {
            this.deps.logger.warn(`Files: ${c.name} could not be inspected: ${message(error)}`);
          }
        }),
      );
    }
  }

  /**
   * The distro whose home the containers' advice moves projects to: the engine's distro, except Docker Desktop's
   * own (which holds no projects), where the default distro is used; its home and last cost when known.
   */
  private async engineDistro(distros: Distro[], distroSubjects: FilesSubject[]): Promise<{ home: string | null; cost: BoundaryCost | null }> {
    let placement: EnginePlacement;
    try {
      placement = await this.deps.placement();
    } catch (error) {
      this.deps.logger.warn(`Files: where the engine runs could not be told: ${message(error)}`);
      return { home: null, cost: null };
    }
    if (placement.kind !== 'wsl-distro' || placement.distro === null) return { home: null, cost: null };
    const name = placement.distro === DOCKER_DESKTOP_DISTRO ? (distros.find((d) => d.isDefault)?.name ?? (await this.defaultDistro())) : placement.distro;
    if (name === null) return { home: null, cost: null };
    const cost = this.costs.get(name) ?? null;
    const known = distroSubjects.find((s) => s.id === name);
    if (known !== undefined) return { home: known.homePath, cost };
    return { home: await this.homeOf(name), cost };
  }

  private async defaultDistro(): Promise<string | null> {
    try {
      return (await this.deps.wsl.list()).find((d) => d.isDefault)?.name ?? null;
    } catch {
      return null;
    }
  }

  /** A distro's home: from its processes' view when it runs, else from its default user. */
  private async homeOf(name: string): Promise<string | null> {
    let directories: DistroDirectories | null = null;
    try {
      directories = await this.deps.wsl.distroDirectories(name);
    } catch {
      directories = null;
    }
    return directories?.home ?? homeOfUser((await this.detail(name))?.defaultUser ?? null);
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
