import type { ScenarioName } from '../../../../shared/model/host';
import type { SimulatedHostState } from './host-state';

/** The scenario a fresh simulated host starts from when none is chosen. */
export const DEFAULT_SCENARIO: ScenarioName = 'ready';

const guid = (n: number): string => `{6c9a3e0b-1d2f-4b7a-9c1e-${n.toString(16).padStart(12, '0')}}`;

/** Builds the initial state of a named scenario; each call returns a fresh object. */
export function seedScenario(name: ScenarioName): SimulatedHostState {
  switch (name) {
    case 'ready':
      return {
        schema: 1,
        scenario: name,
        defaultId: guid(1),
        distros: [
          { id: guid(1), name: 'Ubuntu-24.04', version: 2, state: 'Stopped' },
          { id: guid(2), name: 'docker-desktop', version: 2, state: 'Stopped' },
          { id: guid(3), name: 'Debian', version: 2, state: 'Stopped' },
        ],
      };
    case 'empty':
      return { schema: 1, scenario: name, defaultId: null, distros: [] };
  }
}
