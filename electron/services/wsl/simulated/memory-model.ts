import { ServiceError } from '../../errors';
import type { WslMemoryUsage } from '../wsl-backend';
import type { BootConfig, SimulatedHostState } from './host-state';

/** The modelled host RAM in use and each running WSL2 distro's processes at `now`. */
export function memoryUsageOf(state: SimulatedHostState, now: number, current: BootConfig): WslMemoryUsage {
  void state;
  void now;
  void current;
  throw new ServiceError('INTERNAL', 'Not built yet.');
}

/** The state with the VM's page cache dropped; CONFLICT when the VM is not running. */
export function reclaimPageCache(state: SimulatedHostState, now: number, current: BootConfig): SimulatedHostState {
  void now;
  void current;
  void state;
  throw new ServiceError('INTERNAL', 'Not built yet.');
}
