import type { RunPlan, RunResult, RunSpec } from '../../../shared/model/run-container';
import type { ActionDeps } from '../action-deps';
import { ServiceError } from '../errors';

/** Plans and runs containers (`docker run`) through the engine port (stub until the run work lands). */
export class RunService {
  constructor(private readonly deps: ActionDeps) {}

  /** The isolation preview, the docker run line and the problems of a spec, creating nothing. */
  async plan(_spec: RunSpec): Promise<RunPlan> {
    void this.deps;
    throw new ServiceError('UNAVAILABLE', 'Running a container is not available yet.');
  }

  /** Creates and starts the container; on failure nothing is left behind. */
  async run(_spec: RunSpec): Promise<RunResult> {
    throw new ServiceError('UNAVAILABLE', 'Running a container is not available yet.');
  }
}
