import type { ComposeAction } from '../../../../shared/model/compose';

/** Each Compose action's word on buttons and menu items. */
export const COMPOSE_ACTION_LABELS: Record<ComposeAction, string> = {
  up: 'Up',
  down: 'Down',
  restart: 'Restart',
  pull: 'Pull',
  logs: 'Logs',
};

/** The project actions in menu order. */
export const COMPOSE_ACTIONS: readonly ComposeAction[] = ['up', 'down', 'restart', 'pull', 'logs'];

/** A control's accessible name for an action on one project: "Down shop". */
export function composeActionName(action: ComposeAction, project: string): string {
  return `${COMPOSE_ACTION_LABELS[action]} ${project}`;
}

/** Whether a path typed for "Open a compose file…" is one the host will take: absolute, named *.yml or *.yaml. */
export function composeFileProblem(file: string): string | undefined {
  const trimmed = file.trim();
  if (trimmed === '') return 'Choose a Compose file.';
  if (!(trimmed.startsWith('/') || /^[A-Za-z]:[\\/]/.test(trimmed) || trimmed.startsWith('\\\\'))) return 'Give the full path (it starts with / or a drive letter).';
  if (!/\.ya?ml$/i.test(trimmed)) return 'A Compose file is named *.yml or *.yaml (compose.yaml, docker-compose.yml).';
  return undefined;
}
