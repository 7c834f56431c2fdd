import type { RunSpec } from '../../../../shared/model/run-container';
import { ServiceError } from '../../errors';
import type { SimulatedAccess } from './simulated-access';

/** `docker create` on the simulated engine (stub until the run work lands). */
export async function createSimulatedContainer(_engine: SimulatedAccess, _spec: RunSpec): Promise<{ id: string; warnings: string[] }> {
  throw new ServiceError('UNAVAILABLE', 'Running a container is not available yet.');
}
