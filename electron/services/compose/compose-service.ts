import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ComposeProjectName, type ComposeAction, type ComposeCli, type ComposeProject } from '../../../shared/model/compose';
import type { ContainerSummary } from '../../../shared/model/container';
import type { JobSummary } from '../../../shared/model/job';
import type { RunSpec } from '../../../shared/model/run-container';
import type { ActionDeps } from '../action-deps';
import type { ContainerEngine } from '../docker/container-engine';
import { ServiceError } from '../errors';
import type { JobReporter } from '../jobs/job-service';
import { composeArgv } from './compose-argv';
import { detectComposeCli } from './compose-cli';
import { isComposeFileName, MAX_COMPOSE_FILE_BYTES, projectNameFromFolder, specsFromComposeText } from './compose-file';
import { COMPOSE_LABELS, projectFacts, type ProjectFacts } from './compose-labels';
import { projectPathsProblem, requireComposeFile } from './compose-paths';
import { runComposeChild, terminate } from './compose-process';
import { SIMULATED_COMPOSE_CLI, simulatedDown, simulatedLogs, simulatedPull, simulatedRestart, simulatedUp } from './compose-simulated';
import { DownProjects, type DownProject } from './down-projects';

/** How long up, down, restart and pull may run before they are stopped and fail. */
export const COMPOSE_ACTION_TIMEOUT_MS = 10 * 60_000;
/** How long a detection that found no Compose CLI is trusted before the next ask detects again. */
export const RETRY_DETECT_MS = 10_000;
/** How long `logs` is followed at most. */
export const COMPOSE_LOGS_CAP_MS = 60 * 60_000;

const DONE_WORDS: Record<ComposeAction, string> = {
  up: 'is up',
  down: 'is down',
  restart: 'restarted',
  pull: 'pulled its images',
  logs: 'logs ended',
};

/** One project as the service resolved it for an action: its labels' facts, its containers and any remembered down state. */
interface ResolvedProject {
  facts: ProjectFacts;
  members: ContainerSummary[];
  down: DownProject | null;
}

function downFacts(project: DownProject): ProjectFacts {
  return {
    name: project.name,
    validName: true,
    workingDir: project.workingDir,
    configFiles: project.configFiles,
    services: project.services,
    containers: 0,
    running: 0,
    problem: null,
  };
}

/**
 * Compose projects from their containers' labels (plus the ones Lightdock took down, so they can come up again),
 * and up/down/restart/pull/logs through the user's Compose CLI — `docker compose`, else `docker-compose` — run as
 * jobs with an argument array (never a shell), the project's folder as cwd and DOCKER_HOST pointing at the engine
 * Lightdock shows. Everything is validated before anything runs. On the simulated engine Compose is modelled
 * through the engine port.
 */
export class ComposeService {
  private detected: Promise<ComposeCli> | null = null;
  private failedAt: number | null = null;
  private readonly children = new Set<ChildProcess>();
  private readonly downProjects: DownProjects;

  constructor(private readonly deps: ActionDeps) {
    this.downProjects = new DownProjects(deps.dataDir, deps.clock, deps.logger);
  }

  private async engineOrNull(): Promise<ContainerEngine | null> {
    try {
      return await this.deps.engine.current();
    } catch {
      return null;
    }
  }

  /**
   * Which Compose CLI runs: detected once per process; after a detection that found none, detected again when asked
   * (at most every RETRY_DETECT_MS, so a project list refreshed on every container change spawns nothing new meanwhile).
   */
  async cli(): Promise<ComposeCli> {
    const engine = await this.engineOrNull();
    if (engine?.kind === 'simulated') return { ...SIMULATED_COMPOSE_CLI };
    if (this.failedAt !== null && this.deps.clock.now() - this.failedAt >= RETRY_DETECT_MS) {
      this.detected = null;
      this.failedAt = null;
    }
    this.detected ??= detectComposeCli(this.deps.env, this.deps.logger);
    const found = await this.detected;
    if (!found.available) this.failedAt ??= this.deps.clock.now();
    return { ...found, command: [...found.command] };
  }

  private async describe(facts: ProjectFacts, cli: ComposeCli, simulated: boolean): Promise<ComposeProject> {
    let reason: string | null = null;
    if (!cli.available) reason = cli.hint;
    else if (facts.problem !== null) reason = facts.problem;
    else if (!simulated) reason = await projectPathsProblem(facts.workingDir, facts.configFiles, this.deps.platform);
    return {
      name: facts.name,
      workingDir: facts.workingDir,
      configFiles: facts.configFiles,
      services: facts.services,
      containers: facts.containers,
      running: facts.running,
      actionable: reason === null,
      reason,
    };
  }

  /** The projects, from their containers' labels, then the ones taken down through Lightdock (with no containers), by name. */
  async projects(): Promise<ComposeProject[]> {
    const engine = await this.deps.engine.current();
    const [containers, cli] = await Promise.all([engine.listContainers(), this.cli()]);
    const live = projectFacts(containers, this.deps.platform);
    const names = new Set(live.map((facts) => facts.name));
    const down = this.downProjects.list(engine.endpoint).filter((project) => !names.has(project.name)).map(downFacts);
    const all = [...live, ...down].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return Promise.all(all.map((facts) => this.describe(facts, cli, engine.kind === 'simulated')));
  }

  private async resolve(engine: ContainerEngine, name: string): Promise<ResolvedProject> {
    const containers = await engine.listContainers();
    const members = containers.filter((container) => container.labels[COMPOSE_LABELS.project] === name);
    const down = this.downProjects.list(engine.endpoint).find((project) => project.name === name) ?? null;
    const facts = projectFacts(members, this.deps.platform)[0] ?? (down === null ? null : downFacts(down));
    if (facts === null) throw new ServiceError('NOT_FOUND', `No Compose project named ${name}.`);
    return { facts, members, down: members.length === 0 ? down : null };
  }

  /** The environment of a Compose child: the host's, with DOCKER_HOST set to the engine's unix:// or tcp:// endpoint. */
  private childEnv(engine: ContainerEngine): NodeJS.ProcessEnv {
    const env = { ...this.deps.env };
    if (engine.context !== null && env.DOCKER_HOST === undefined) return env;
    if (/^(unix|tcp):\/\//.test(engine.endpoint)) env.DOCKER_HOST = engine.endpoint;
    return env;
  }

  /** Starts one action on a project as a job; refuses (changing nothing) an unknown or unusable project. */
  async act(project: string, action: ComposeAction): Promise<JobSummary> {
    if (!ComposeProjectName.safeParse(project).success) throw new ServiceError('VALIDATION', 'Not a Compose project name.');
    const engine = await this.deps.engine.current();
    const cli = await this.cli();
    if (!cli.available) throw new ServiceError('UNAVAILABLE', cli.hint ?? 'No Compose CLI was found.');
    const resolved = await this.resolve(engine, project);
    const { facts } = resolved;
    if (resolved.members.length === 0 && action !== 'up') throw new ServiceError('CONFLICT', `${project} has no containers; bring it up first.`);
    const spec = { kind: 'compose' as const, target: project, title: `Compose ${action} ${project}` };
    if (engine.kind === 'simulated') return this.deps.jobs.start(spec, (reporter, signal) => this.simulatedAct(engine, resolved, action, reporter, signal));
    if (facts.problem !== null) throw new ServiceError('CONFLICT', facts.problem);
    const pathsProblem = await projectPathsProblem(facts.workingDir, facts.configFiles, this.deps.platform);
    if (pathsProblem !== null || facts.workingDir === null) throw new ServiceError('CONFLICT', pathsProblem ?? 'Its working directory is unknown.');
    const argv = composeArgv({ command: cli.command, project, files: facts.configFiles, action });
    const cwd = facts.workingDir;
    return this.deps.jobs.start(spec, async (reporter, signal) => {
      reporter.status(`Running ${argv.join(' ')}`);
      await runComposeChild({
        argv,
        cwd,
        env: this.childEnv(engine),
        timeoutMs: action === 'logs' ? COMPOSE_LOGS_CAP_MS : COMPOSE_ACTION_TIMEOUT_MS,
        timeoutEnds: action === 'logs' ? 'finish' : 'fail',
        signal,
        onOutput: (text) => reporter.output(text),
        logger: this.deps.logger,
        children: this.children,
      });
      if (signal.aborted) return;
      this.afterAction(facts, action, engine.endpoint, []);
      reporter.status(`${project} ${DONE_WORDS[action]}.`);
    });
  }

  private afterAction(facts: ProjectFacts, action: ComposeAction, endpoint: string, specs: RunSpec[]): void {
    if (action === 'up') this.downProjects.forget(facts.name, endpoint);
    if (action === 'down') {
      this.downProjects.remember({
        name: facts.name,
        endpoint,
        workingDir: facts.workingDir,
        configFiles: facts.configFiles,
        services: facts.services,
        specs: specs.slice(0, 64),
        downAt: this.deps.clock.now(),
      });
    }
  }

  private async simulatedAct(engine: ContainerEngine, resolved: ResolvedProject, action: ComposeAction, reporter: JobReporter, signal: AbortSignal): Promise<void> {
    const { facts, members } = resolved;
    this.deps.logger.info('compose: simulated', { project: facts.name, action });
    let specs: RunSpec[] = [];
    if (action === 'up') await simulatedUp(engine, members, resolved.down?.specs ?? [], reporter);
    else if (action === 'down') specs = await simulatedDown(engine, members, reporter);
    else if (action === 'restart') await simulatedRestart(engine, members, reporter);
    else if (action === 'pull') simulatedPull(members, reporter);
    else await simulatedLogs(engine, members, reporter, signal, COMPOSE_LOGS_CAP_MS);
    if (signal.aborted) return;
    this.afterAction(facts, action, engine.endpoint, specs);
    reporter.status(`${facts.name} ${DONE_WORDS[action]}.`);
  }

  /** Brings up a project from a Compose file (`-f <file> up -d` in its folder) as a job; refuses a missing or non-Compose file. */
  async upFile(file: string): Promise<JobSummary> {
    await requireComposeFile(file, this.deps.platform);
    if (!isComposeFileName(file)) throw new ServiceError('VALIDATION', `${path.basename(file)} does not look like a Compose file (*.yml or *.yaml).`);
    const engine = await this.deps.engine.current();
    const cli = await this.cli();
    if (!cli.available) throw new ServiceError('UNAVAILABLE', cli.hint ?? 'No Compose CLI was found.');
    const folder = path.dirname(file);
    const spec = { kind: 'compose' as const, target: file, title: `Compose up ${file}` };
    if (engine.kind === 'simulated') {
      const specs = await this.simulatedSpecs(file, folder);
      return this.deps.jobs.start(spec, async (reporter) => {
        const project = projectNameFromFolder(folder);
        const members = (await engine.listContainers()).filter((container) => container.labels[COMPOSE_LABELS.project] === project);
        await simulatedUp(engine, members, specs, reporter);
        this.downProjects.forget(project, engine.endpoint);
        reporter.status(`${project} is up.`);
      });
    }
    const argv = composeArgv({ command: cli.command, project: null, files: [file], action: 'up' });
    return this.deps.jobs.start(spec, async (reporter, signal) => {
      reporter.status(`Running ${argv.join(' ')}`);
      await runComposeChild({
        argv,
        cwd: folder,
        env: this.childEnv(engine),
        timeoutMs: COMPOSE_ACTION_TIMEOUT_MS,
        timeoutEnds: 'fail',
        signal,
        onOutput: (text) => reporter.output(text),
        logger: this.deps.logger,
        children: this.children,
      });
      if (!signal.aborted) reporter.status(`${path.basename(file)} is up.`);
    });
  }

  private async simulatedSpecs(file: string, folder: string): Promise<RunSpec[]> {
    const project = projectNameFromFolder(folder);
    const handle = await fs.open(file, 'r');
    try {
      const buffer = Buffer.alloc(MAX_COMPOSE_FILE_BYTES + 1);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      if (bytesRead > MAX_COMPOSE_FILE_BYTES) throw new ServiceError('VALIDATION', 'The Compose file is larger than 1 MiB.');
      return specsFromComposeText(buffer.subarray(0, bytesRead).toString('utf8'), { project, workingDir: folder, file });
    } finally {
      await handle.close();
    }
  }

  /** Stops every Compose child process (SIGTERM, then SIGKILL after 5 s). */
  dispose(): void {
    for (const child of this.children) terminate(child);
    this.children.clear();
  }
}
