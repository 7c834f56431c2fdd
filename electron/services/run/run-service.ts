import { dockerRunLine } from '../../../shared/model/docker-run-line';
import { isolationPreview } from '../../../shared/model/isolation-preview';
import type { RunPlan, RunProblem, RunResult, RunSpec } from '../../../shared/model/run-container';
import type { ActionDeps } from '../action-deps';
import type { ContainerEngine } from '../docker/container-engine';
import { findContainer } from '../docker/find-container';
import { ServiceError } from '../errors';
import { engineIsLocal, expandHome, localProblems } from './local-checks';
import { listingProblems, type EngineListing } from './run-problems';
import { runFailure } from './run-failure';

/** A plan with what the run needs of it: the spec as it will be sent, and the volumes that do not exist yet. */
interface PlanContext {
  plan: RunPlan;
  spec: RunSpec;
  engine: ContainerEngine;
  missingVolumes: string[];
}

/**
 * Plans and runs containers (`docker run`) through the engine port: the plan is the isolation preview, the docker
 * run line and problems by field, creating nothing; a run refuses blocking problems (VALIDATION with
 * `details.problems`), creates, starts, and on a failed start removes what it made, so a failure leaves nothing.
 */
export class RunService {
  constructor(private readonly deps: ActionDeps) {}

  /** The isolation preview, the docker run line and the problems of a spec, creating nothing. */
  async plan(spec: RunSpec): Promise<RunPlan> {
    return (await this.planWith(spec)).plan;
  }

  /** Creates and starts the container; on failure nothing is left behind. */
  async run(spec: RunSpec): Promise<RunResult> {
    const { plan, spec: sent, engine, missingVolumes } = await this.planWith(spec);
    const blockers = plan.problems.filter((p) => p.blocking);
    if (blockers.length > 0) throw new ServiceError('VALIDATION', blockers[0]?.message ?? 'The run has problems.', { problems: plan.problems });
    this.deps.logger.info('Creating a container', { image: sent.image, name: sent.name, line: plan.command });
    let created: { id: string; warnings: string[] };
    try {
      created = await engine.createContainer(sent);
    } catch (error) {
      await this.removeVolumes(engine, missingVolumes);
      throw runFailure(sent, error);
    }
    if (sent.start) {
      try {
        await engine.act(created.id, 'start', {});
      } catch (error) {
        await this.removeCreated(engine, created.id, missingVolumes);
        throw runFailure(sent, error);
      }
    }
    const name = await engine.inspectContainer(created.id).then(
      (detail) => detail.name,
      () => sent.name ?? created.id.slice(0, 12),
    );
    const warnings = [...plan.problems.map((p) => `${p.field}: ${p.message}`), ...created.warnings];
    return { id: created.id, name, started: sent.start, warnings };
  }

  /** The plan, from one read of the engine's containers, images, networks (and volumes) and its facts. */
  private async planWith(input: RunSpec): Promise<PlanContext> {
    const engine = await this.deps.engine.current();
    const spec = expandHome(input, this.deps.homeDir);
    const [containers, images, networks, volumes, facts] = await Promise.all([
      engine.listContainers(),
      engine.listImages(),
      engine.listNetworks(),
      spec.mounts.some((m) => m.kind === 'volume') ? engine.listVolumes() : Promise.resolve([]),
      engine.engineFacts(),
    ]);
    const listing: EngineListing = { containers, images, networks };
    const problems: RunProblem[] = listingProblems(spec, listing);
    if (engineIsLocal(engine, this.deps.platform)) {
      const flagged = new Set(problems.filter((p) => p.blocking).map((p) => p.field));
      problems.push(...(await localProblems(spec, flagged)));
    }
    const preview = isolationPreview(spec, facts, (ref) => {
      const found = findContainer(containers, ref);
      return found === undefined ? undefined : { id: found.id, name: found.name };
    });
    const known = new Set(volumes.map((v) => v.name));
    const missingVolumes = [...new Set(spec.mounts.filter((m) => m.kind === 'volume' && !known.has(m.source)).map((m) => m.source))];
    return { plan: { ...preview, command: dockerRunLine(spec), problems }, spec, engine, missingVolumes };
  }

  /** Removes a container whose start failed, and the named volumes its create made; a failure here is logged, not thrown. */
  private async removeCreated(engine: ContainerEngine, id: string, volumes: readonly string[]): Promise<void> {
    try {
      await engine.act(id, 'remove', { force: true, removeVolumes: true });
    } catch (error) {
      this.deps.logger.warn('Could not remove the container of a failed run', { id, error });
    }
    await this.removeVolumes(engine, volumes);
  }

  /** Removes the named volumes a failed run may have created (those missing before it); one that is not there is fine. */
  private async removeVolumes(engine: ContainerEngine, volumes: readonly string[]): Promise<void> {
    for (const volume of volumes) {
      try {
        await engine.removeVolume(volume, false);
      } catch (error) {
        if (!(error instanceof ServiceError && error.code === 'NOT_FOUND')) this.deps.logger.warn('Could not remove a volume of a failed run', { volume, error });
      }
    }
  }
}
