import { ServiceError } from '../../errors';
import type { DistroDirectories } from '../wsl-backend';
import type { DistroShell } from './distro-shell';

/** The working directories of a running distro's processes (`/proc/<pid>/cwd`), and the default user's home. */
export async function readDistroDirectories(shell: DistroShell, name: string): Promise<DistroDirectories> {
  void shell;
  void name;
  throw new ServiceError('INTERNAL', 'Not built yet.');
}
