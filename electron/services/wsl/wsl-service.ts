import { DistroName, type Distro } from '../../../shared/model/distro';
import type { HostStatus } from '../../../shared/model/host';
import type { VmSummary } from '../../../shared/model/vm';
import { ServiceError } from '../errors';
import type { EventSink, Logger } from '../ports';
import type { WslBackend } from './wsl-backend';

/** States in which a distro cannot be started, stopped or made default until WSL finishes. */
const BUSY_STATES = new Set<Distro['state']>(['Installing', 'Uninstalling', 'Converting', 'Exporting']);

/**
 * WSL distros and the utility VM for every host. Validates names against WSL's grammar, resolves them
 * case-insensitively as wsl.exe does, refuses unknown or busy distros without touching the backend,
 * and pushes `distros:changed` and `vm:changed` after every change, local or external.
 */
export class WslService {
  private readonly stopWatching: () => void;

  constructor(
    private readonly backend: WslBackend,
    private readonly events: EventSink,
    private readonly logger: Logger,
  ) {
    this.stopWatching = backend.watchExternalChanges(() => {
      void this.publish().catch((error: unknown) => this.logger.warn('Could not publish an external WSL change', error));
    });
  }

  /** Distros in `wsl -l -v` order. */
  list(): Promise<Distro[]> {
    return this.backend.listDistros();
  }

  /** State of the utility VM. */
  vm(): Promise<VmSummary> {
    return this.backend.vmSummary();
  }

  /** Starts a stopped distro (a running one is left as it is) and returns its new row. */
  start(name: string): Promise<Distro> {
    return this.change(name, 'start', (distro) => (distro.state === 'Running' ? undefined : this.backend.startDistro(distro.name)));
  }

  /** Terminates a running distro (a stopped one is left as it is) and returns its new row. */
  terminate(name: string): Promise<Distro> {
    return this.change(name, 'terminate', (distro) =>
      distro.state === 'Stopped' ? undefined : this.backend.terminateDistro(distro.name),
    );
  }

  /** Makes a distro the default and returns its new row. */
  setDefault(name: string): Promise<Distro> {
    return this.change(name, 'set-default', (distro) => (distro.isDefault ? undefined : this.backend.setDefaultDistro(distro.name)));
  }

  /** Stops every distro and the VM. */
  async shutdown(): Promise<VmSummary> {
    await this.backend.shutdown();
    await this.publish();
    return this.backend.vmSummary();
  }

  /** Counts for the one-line status. */
  async status(host: HostStatus['host']): Promise<HostStatus> {
    const [distros, vm] = await Promise.all([this.backend.listDistros(), this.backend.vmSummary()]);
    return {
      host,
      vm,
      distros: {
        total: distros.length,
        running: distros.filter((d) => d.state === 'Running').length,
        defaultDistro: distros.find((d) => d.isDefault)?.name ?? null,
      },
    };
  }

  /** Stops listening for external changes. */
  dispose(): void {
    this.stopWatching();
  }

  private async change(name: string, verb: string, act: (distro: Distro) => Promise<void> | undefined): Promise<Distro> {
    const distro = await this.resolve(name);
    if (BUSY_STATES.has(distro.state)) {
      throw new ServiceError('CONFLICT', `Cannot ${verb} ${distro.name}: it is ${distro.state.toLowerCase()}; try again when WSL has finished.`);
    }
    const pending = act(distro);
    if (pending) {
      await pending;
      await this.publish();
    }
    return this.resolve(distro.name);
  }

  private async resolve(name: string): Promise<Distro> {
    const parsed = DistroName.safeParse(name);
    if (!parsed.success) {
      throw new ServiceError('VALIDATION', `"${name}" is not a valid distro name: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    }
    const wanted = parsed.data.toLowerCase();
    const found = (await this.backend.listDistros()).find((d) => d.name.toLowerCase() === wanted);
    if (!found) throw new ServiceError('NOT_FOUND', `There is no distro named ${parsed.data}; run "lightdock distros list" to see them.`);
    return found;
  }

  private async publish(): Promise<void> {
    const [distros, vm] = await Promise.all([this.backend.listDistros(), this.backend.vmSummary()]);
    this.events.emit('distros:changed', distros);
    this.events.emit('vm:changed', vm);
  }
}
