import path from 'node:path';
import type { Distro } from '../../../../shared/model/distro';
import type { ScenarioName } from '../../../../shared/model/host';
import type { VmSummary } from '../../../../shared/model/vm';
import type { Clock, Logger } from '../../ports';
import { JsonStateFile } from '../../storage/json-state-file';
import type { WslBackend } from '../wsl-backend';
import { SimulatedHostState, listDistros, shutDown, vmSummary, withDefault, withDistroState } from './host-state';
import { seedScenario } from './scenarios';

/** File name of the simulated host's state inside the data directory. */
export const SIMULATED_HOST_FILE = 'simulated-host.json';

/**
 * The embedded simulated WSL host: distros and their VM, persisted under the data directory so every
 * host process (desktop, browser, CLI) sees and changes the same machine.
 */
export class SimulatedWslBackend implements WslBackend {
  readonly kind = 'simulated' as const;
  private readonly file: JsonStateFile<SimulatedHostState>;

  constructor(dataDir: string, scenario: ScenarioName, clock: Clock, logger: Logger) {
    this.file = new JsonStateFile(path.join(dataDir, SIMULATED_HOST_FILE), SimulatedHostState, () => seedScenario(scenario), clock, logger);
    this.file.read();
  }

  /** The scenario the persisted host was seeded from. */
  scenario(): ScenarioName {
    return this.file.read().scenario;
  }

  /** Reseeds the host when it was seeded from another scenario than the one asked for explicitly. */
  reseedIfScenarioDiffers(scenario: ScenarioName): void {
    if (this.file.read().scenario !== scenario) this.file.write(seedScenario(scenario));
  }

  async listDistros(): Promise<Distro[]> {
    return listDistros(this.file.read());
  }

  async startDistro(name: string): Promise<void> {
    this.file.update((s) => withDistroState(s, name, 'Running'));
  }

  async terminateDistro(name: string): Promise<void> {
    this.file.update((s) => withDistroState(s, name, 'Stopped'));
  }

  async setDefaultDistro(name: string): Promise<void> {
    this.file.update((s) => withDefault(s, name));
  }

  async shutdown(): Promise<void> {
    this.file.update(shutDown);
  }

  async vmSummary(): Promise<VmSummary> {
    return vmSummary(this.file.read());
  }

  watchExternalChanges(listener: () => void): () => void {
    return this.file.watch(listener);
  }
}
