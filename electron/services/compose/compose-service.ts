import type { ComposeAction, ComposeCli, ComposeProject } from '../../../shared/model/compose';
import type { JobSummary } from '../../../shared/model/job';
import type { ActionDeps } from '../action-deps';
import { ServiceError } from '../errors';

const notYet = (): ServiceError => new ServiceError('UNAVAILABLE', 'Compose actions are not available yet.');

/** Compose projects from labels, and up/down/restart/pull/logs through the user's Compose CLI (stub). */
export class ComposeService {
  constructor(private readonly deps: ActionDeps) {}

  /** Which Compose CLI runs. */
  async cli(): Promise<ComposeCli> {
    void this.deps;
    throw notYet();
  }

  /** The projects, from their containers' labels. */
  async projects(): Promise<ComposeProject[]> {
    throw notYet();
  }

  /** Starts one action on a project as a job. */
  async act(_project: string, _action: ComposeAction): Promise<JobSummary> {
    throw notYet();
  }

  /** Brings up a project from a Compose file as a job. */
  async upFile(_file: string): Promise<JobSummary> {
    throw notYet();
  }

  /** Stops every Compose child process. */
  dispose(): void {}
}
