import type { BoundaryCost } from '../../../../shared/model/files';
import { ServiceError } from '../../errors';
import type { DistroShell } from './distro-shell';

/** A short, bounded timed read/write on a Windows drive and in the distro's home, from one constant script. */
export async function measureBoundaryInDistro(shell: DistroShell, name: string, signal: AbortSignal): Promise<BoundaryCost> {
  void shell;
  void name;
  void signal;
  throw new ServiceError('INTERNAL', 'Not built yet.');
}
