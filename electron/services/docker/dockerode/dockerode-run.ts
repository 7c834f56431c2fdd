import type Docker from 'dockerode';
import type { RunSpec } from '../../../../shared/model/run-container';
import { ServiceError } from '../../errors';

/** `docker create` through the Engine API from a validated spec (stub until the run work lands). */
export async function createContainer(_docker: Docker, _spec: RunSpec): Promise<{ id: string; warnings: string[] }> {
  throw new ServiceError('UNAVAILABLE', 'Running a container is not available yet.');
}
