import fs from 'node:fs';
import path from 'node:path';
import type { Operation } from '../../../shared/model/operation';
import type { RunnableFixId, SetupCheck, SetupFixId, SetupFixRequest, SetupReport } from '../../../shared/model/setup-check';
import { ServiceError } from '../errors';
import type { Clock, EventSink, Logger } from '../ports';
import { JsonStateFile } from '../storage/json-state-file';
import type { ProgressReporter } from '../wsl/wsl-backend';
import { classifyWsl } from './classify-wsl';
import { buildChecks, type CheckInputs } from './setup-checks';
import type { FixOutcome, HostFacts, HostFactsPort, SetupActionsPort, SetupEnginePort, SetupWslPort } from './setup-ports';
import { SETUP_STATE_FILE, SetupState, emptySetupState } from './setup-state';

/** Whether the wizard was ever shown, kept in the settings. */
export interface SeenFlag {
  seen(): boolean;
  markSeen(): void;
}

/** What the setup service is built from. */
export interface SetupServiceDeps {
  dataDir: string;
  facts: HostFactsPort;
  actions: SetupActionsPort;
  wsl: SetupWslPort;
  engine: SetupEnginePort;
  seen: SeenFlag;
  events: EventSink;
  clock: Clock;
  logger: Logger;
}

const TARGETS: Record<RunnableFixId, string> = {
  'install-wsl': 'WSL',
  'update-wsl': 'WSL',
  'enable-features': 'the Windows features',
  'install-distro': 'a distro',
  'start-engine': 'the Docker engine',
};

interface Running {
  fixId: RunnableFixId;
  controller: AbortController;
  cancellable: boolean;
}

/**
 * Runs the setup checks in order from the host-facts port, WSL and the engine; runs one fix at a time with
 * `operations:progressed`; remembers, in the data directory, a fix that waits for a Windows restart (so the
 * wizard resumes after it) and the statuses people last saw (so a check that passed and now fails brings the
 * wizard back). A fix that fails or is cancelled leaves the machine as it was.
 */
export class SetupService {
  private readonly file: JsonStateFile<SetupState>;
  private running: Running | null = null;
  private nextOperation = 1;

  constructor(private readonly deps: SetupServiceDeps) {
    this.file = new JsonStateFile(path.join(deps.dataDir, SETUP_STATE_FILE), SetupState, emptySetupState, deps.clock, deps.logger);
  }

  /** Runs every check; with `acknowledge` (the wizard is on screen) it records them as seen and ends a finished resume. */
  async report(options: { acknowledge: boolean }): Promise<SetupReport> {
    const facts = await this.deps.facts.read();
    const state = this.readState();
    const resume = state.resume;
    const rebooted = resume !== null && resume.bootId !== facts.bootId;
    const checks = await this.checks(facts, resume !== null && !rebooted ? resume.fixId : null);
    const regressed = checks.filter((c) => state.baseline[c.id] === 'ok' && c.status === 'fail').map((c) => c.id);
    const somethingToDo = checks.some((c) => c.status !== 'ok');
    const attention = resume !== null ? 'resume' : regressed.length > 0 ? 'regressed' : !this.deps.seen.seen() && somethingToDo ? 'first-run' : null;
    const report: SetupReport = {
      checks,
      rebootPending: facts.rebootPending || (resume !== null && !rebooted),
      resume: resume === null ? null : { checkId: resume.checkId, fixId: resume.fixId, at: resume.at, rebooted },
      attention,
      regressed,
      canReboot: this.deps.actions.reboot !== null,
    };
    if (options.acknowledge) {
      const baseline = Object.fromEntries(checks.map((c) => [c.id, c.status]));
      this.file.write({ ...state, baseline, resume: rebooted ? null : resume });
      if (!this.deps.seen.seen()) this.deps.seen.markSeen();
    }
    return report;
  }

  /** Runs one fix as a long operation, after checking that a failing check offers it and nothing blocks it. */
  async fix(request: SetupFixRequest): Promise<SetupReport> {
    if (this.running) throw new ServiceError('CONFLICT', `Another setup step is still running (${this.running.fixId}); wait for it or cancel it.`);
    const facts = await this.deps.facts.read();
    const state = this.readState();
    const awaiting = state.resume !== null && state.resume.bootId === facts.bootId ? state.resume.fixId : null;
    const checks = await this.checks(facts, awaiting);
    const check = checks.find((c) => c.fix?.id === request.fix && c.status !== 'ok');
    if (!check?.fix) throw new ServiceError('CONFLICT', `Nothing needs this step now: no check offers "${request.fix}".`);
    if (check.fix.unavailableReason !== null) throw new ServiceError('UNAVAILABLE', check.fix.unavailableReason);
    const controller = new AbortController();
    this.running = { fixId: request.fix, controller, cancellable: check.fix.cancellable };
    try {
      const outcome = await this.perform(request, controller.signal);
      if (outcome.rebootRequired) {
        this.file.write({ ...this.readState(), resume: { checkId: check.id, fixId: request.fix, at: this.deps.clock.now(), bootId: facts.bootId } });
        this.deps.logger.info(`Setup step ${request.fix} needs a Windows restart; the wizard resumes at ${check.id} after it.`);
      }
    } finally {
      this.running = null;
    }
    return this.report({ acknowledge: false });
  }

  /** Cancels the running fix when it can be cancelled; says whether it was. */
  cancel(fixId: SetupFixId): { cancelled: boolean } {
    const running = this.running;
    if (!running || running.fixId !== fixId) throw new ServiceError('NOT_FOUND', `No "${fixId}" step is running.`);
    if (!running.cancellable) throw new ServiceError('CONFLICT', 'This step cannot be interrupted once Windows has started it; wait for it to finish.');
    running.controller.abort();
    return { cancelled: true };
  }

  /** Restarts the simulated machine (with virtualization turned on in its firmware when asked); refused on real Windows. */
  async reboot(options: { enableFirmwareVirtualization: boolean }): Promise<SetupReport> {
    const reboot = this.deps.actions.reboot;
    if (reboot === null) throw new ServiceError('UNAVAILABLE', 'Lightdock does not restart Windows: save your work and restart it from the Start menu.');
    if (this.running) throw new ServiceError('CONFLICT', `A setup step is still running (${this.running.fixId}); wait for it before restarting.`);
    await reboot(options);
    await this.deps.engine.stop().catch((error: unknown) => this.deps.logger.info(`The engine was not stopped with the simulated restart: ${sentence(error)}`));
    return this.report({ acknowledge: false });
  }

  /** The stored state, or the empty one when there is none yet; reading never creates the file (a refused request writes nothing). */
  private readState(): SetupState {
    return fs.existsSync(this.file.filePath) ? this.file.read() : emptySetupState();
  }

  private async checks(facts: HostFacts, awaitingRestartFor: SetupFixId | null): Promise<SetupCheck[]> {
    const probe = await this.deps.facts.probeWsl();
    const wsl = classifyWsl(probe);
    const usable = wsl.kind === 'store' || wsl.kind === 'inbox';
    const readEngine = async (): Promise<CheckInputs['engine']> => ({ status: await this.deps.engine.status(), lifecycle: await this.deps.engine.lifecycle() });
    const [distros, engine] = await Promise.all([
      usable ? this.deps.wsl.list().catch((error: unknown) => ({ error: sentence(error) })) : Promise.resolve([]),
      readEngine().catch((error: unknown) => ({ error: sentence(error) })),
    ]);
    const inputs: CheckInputs = {
      facts,
      wsl,
      distros,
      engine,
      awaitingRestartFor,
      abilities: { cancellable: new Set<SetupFixId>([...this.deps.actions.cancellable]) },
    };
    return buildChecks(inputs);
  }

  private async perform(request: SetupFixRequest, signal: AbortSignal): Promise<FixOutcome> {
    const { actions, engine, wsl } = this.deps;
    switch (request.fix) {
      case 'install-distro':
        await wsl.install(request.distro);
        return { rebootRequired: false };
      case 'install-wsl':
        return this.operation(request.fix, (progress) => actions.installWsl(progress, signal));
      case 'update-wsl':
        return this.operation(request.fix, (progress) => actions.updateWsl(progress, signal));
      case 'enable-features':
        return this.operation(request.fix, (progress) => actions.enableFeatures(progress, signal));
      case 'start-engine':
        return this.operation(request.fix, async (progress) => {
          progress(null, 'Starting the Docker engine (engine:start)');
          await engine.start();
          return { rebootRequired: false };
        });
    }
  }

  /** One fix as an operation pushed from `running` to `succeeded` or `failed`. */
  private async operation(fixId: RunnableFixId, work: (progress: ProgressReporter) => Promise<FixOutcome>): Promise<FixOutcome> {
    const target = TARGETS[fixId];
    let operation: Operation = { id: `setup-${this.nextOperation++}`, kind: 'setup', target, state: 'running', progress: 0, message: `Setting up ${target}` };
    const emit = (): void => this.deps.events.emit('operations:progressed', operation);
    emit();
    const progress: ProgressReporter = (value, message) => {
      operation = { ...operation, progress: value === null ? null : Math.min(1, Math.max(0, value)), message };
      emit();
    };
    try {
      const outcome = await work(progress);
      operation = { ...operation, state: 'succeeded', progress: 1, message: outcome.rebootRequired ? 'Done; Windows needs a restart to finish.' : 'Done.' };
      emit();
      return outcome;
    } catch (error) {
      const failure = error instanceof ServiceError ? error : new ServiceError('INTERNAL', `Setting up ${target} failed: ${sentence(error)}`);
      operation = { ...operation, state: 'failed', message: failure.message, error: { code: failure.code, message: failure.message } };
      emit();
      throw failure;
    }
  }
}

function sentence(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
