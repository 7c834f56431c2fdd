import type { BoundaryCost } from '../../../../shared/model/files';
import { ServiceError } from '../../errors';
import type { DistroDirectories } from '../wsl-backend';
import type { SimulatedDistro, SimulatedHostState } from './host-state';

/** The modelled working directories of a running distro's processes, and its home. */
export function simulatedDirectories(state: SimulatedHostState, distro: SimulatedDistro): DistroDirectories {
  void state;
  void distro;
  throw new ServiceError('INTERNAL', 'Not built yet.');
}

/** The modelled cost of crossing the 9p boundary in a running distro (labelled as modelled). */
export async function simulatedBoundaryCost(state: SimulatedHostState, distro: SimulatedDistro, now: number, signal: AbortSignal): Promise<BoundaryCost> {
  void state;
  void distro;
  void now;
  void signal;
  throw new ServiceError('INTERNAL', 'Not built yet.');
}
