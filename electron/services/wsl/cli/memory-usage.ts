import { ServiceError } from '../../errors';
import type { WslMemoryUsage } from '../wsl-backend';
import type { DistroShell } from './distro-shell';

/** Host RAM from the OS and each running WSL2 distro's processes' memory, from one constant script per distro. */
export async function readMemoryUsage(shell: DistroShell): Promise<WslMemoryUsage> {
  void shell;
  throw new ServiceError('INTERNAL', 'Not built yet.');
}

/** Drops the VM's page cache (`sync; echo 1 > /proc/sys/vm/drop_caches` as root) in the first running WSL2 distro. */
export async function dropPageCache(shell: DistroShell): Promise<void> {
  void shell;
  throw new ServiceError('INTERNAL', 'Not built yet.');
}
