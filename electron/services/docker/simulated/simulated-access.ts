import type { Clock, Logger } from '../../ports';
import type { SimulatedEngineState } from './engine-state';

/** What the simulated engine's feature modules (run, images, archive) get of it: its state, clock and timers. */
export interface SimulatedAccess {
  read(): SimulatedEngineState;
  /** Changes the persisted state atomically (every process sees it; events are delivered). */
  mutate(change: (state: SimulatedEngineState) => SimulatedEngineState): void;
  clock: Clock;
  logger: Logger;
  /** Runs `task` after `ms` unless the engine closes first. */
  later(task: () => void, ms: number): void;
}
