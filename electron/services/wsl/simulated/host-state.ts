import { z } from 'zod';
import { DistroName, DistroState, WslVersion, type Distro } from '../../../../shared/model/distro';
import { ScenarioName } from '../../../../shared/model/host';
import type { VmSummary } from '../../../../shared/model/vm';

/** One registered distro as the simulated host persists it (the registry's Lxss subkey, in short). */
export const SimulatedDistro = z.object({
  id: z.string().min(1),
  name: DistroName,
  version: WslVersion,
  state: DistroState,
});
export type SimulatedDistro = z.infer<typeof SimulatedDistro>;

/** The whole persisted simulated host; `schema` is bumped with a migration when the shape changes. */
export const SimulatedHostState = z.object({
  schema: z.literal(1),
  scenario: ScenarioName,
  defaultId: z.string().nullable(),
  distros: z.array(SimulatedDistro),
});
export type SimulatedHostState = z.infer<typeof SimulatedHostState>;

/** Rows in `wsl -l -v` order: the default first, then registration order. */
export function listDistros(state: SimulatedHostState): Distro[] {
  const rows = state.distros.map((d) => ({ name: d.name, state: d.state, version: d.version, isDefault: d.id === state.defaultId }));
  return [...rows.filter((r) => r.isDefault), ...rows.filter((r) => !r.isDefault)];
}

/** The VM runs while any WSL2 distro runs. */
export function vmSummary(state: SimulatedHostState): VmSummary {
  const runningDistros = state.distros.filter((d) => d.version === 2 && d.state === 'Running').length;
  return { state: runningDistros > 0 ? 'Running' : 'Stopped', runningDistros };
}

/** Returns a new state with the named distro's state replaced. */
export function withDistroState(state: SimulatedHostState, name: string, next: Distro['state']): SimulatedHostState {
  return { ...state, distros: state.distros.map((d) => (d.name === name ? { ...d, state: next } : d)) };
}

/** Returns a new state whose default is the named distro. */
export function withDefault(state: SimulatedHostState, name: string): SimulatedHostState {
  const target = state.distros.find((d) => d.name === name);
  return target ? { ...state, defaultId: target.id } : state;
}

/** Returns a new state with every running distro stopped (`wsl --shutdown`). */
export function shutDown(state: SimulatedHostState): SimulatedHostState {
  return { ...state, distros: state.distros.map((d) => (d.state === 'Running' ? { ...d, state: 'Stopped' } : d)) };
}
