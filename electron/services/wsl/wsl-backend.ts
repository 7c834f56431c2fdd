import type { Distro } from '../../../shared/model/distro';
import type { WslBackendKind } from '../../../shared/model/host';
import type { VmSummary } from '../../../shared/model/vm';

/**
 * The port every WSL source implements. Names passed in are already validated and resolved to the
 * exact registered spelling by `WslService`; a backend reports failures as `ServiceError`s.
 */
export interface WslBackend {
  readonly kind: WslBackendKind;
  /** Distros in `wsl -l -v` order: the default first, then registration order. */
  listDistros(): Promise<Distro[]>;
  startDistro(name: string): Promise<void>;
  terminateDistro(name: string): Promise<void>;
  setDefaultDistro(name: string): Promise<void>;
  /** `wsl --shutdown`: every distro stops and the utility VM goes down. */
  shutdown(): Promise<void>;
  vmSummary(): Promise<VmSummary>;
  /** Calls the listener when state changed outside this process (another host, the user's shell). */
  watchExternalChanges(listener: () => void): () => void;
}
