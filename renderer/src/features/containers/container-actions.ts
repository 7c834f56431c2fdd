import type { ContainerAction, ContainerState } from '../../../../shared/model/container';

/** How an action reads in the UI: the button, the progress line and the outcome line. */
export interface ActionWords {
  label: string;
  running: string;
  done: string;
}

/** The words of every container action, in toolbar order. */
export const ACTION_WORDS: Readonly<Record<ContainerAction, ActionWords>> = {
  start: { label: 'Start', running: 'Starting', done: 'Started' },
  stop: { label: 'Stop', running: 'Stopping', done: 'Stopped' },
  restart: { label: 'Restart', running: 'Restarting', done: 'Restarted' },
  pause: { label: 'Pause', running: 'Pausing', done: 'Paused' },
  unpause: { label: 'Unpause', running: 'Unpausing', done: 'Unpaused' },
  kill: { label: 'Kill', running: 'Killing', done: 'Killed' },
  remove: { label: 'Remove', running: 'Removing', done: 'Removed' },
};

/** Every action, in the order the toolbars show them. */
export const ACTIONS: readonly ContainerAction[] = ['start', 'stop', 'restart', 'pause', 'unpause', 'kill', 'remove'];

const APPLIES: Readonly<Record<ContainerAction, readonly ContainerState[]>> = {
  start: ['created', 'exited'],
  stop: ['running', 'restarting', 'paused'],
  restart: ['running', 'exited', 'created', 'paused', 'restarting'],
  pause: ['running'],
  unpause: ['paused'],
  kill: ['running', 'restarting'],
  remove: ['created', 'running', 'paused', 'restarting', 'exited', 'dead'],
};

/** Whether an action makes sense for a container in this state (the engine would refuse it otherwise). */
export function actionApplies(action: ContainerAction, state: ContainerState): boolean {
  return APPLIES[action].includes(state);
}

/** Whether a container is live enough to have stats, a terminal and a live log. */
export function isRunning(state: ContainerState): boolean {
  return state === 'running' || state === 'restarting' || state === 'paused';
}
