import type { ComposeAction } from '../../../shared/model/compose';
import { ComposeProjectName } from '../../../shared/model/compose';
import { ServiceError } from '../errors';

/** The arguments each action adds after the project and its files. */
export const ACTION_ARGS: Readonly<Record<ComposeAction, readonly string[]>> = {
  up: ['up', '-d'],
  down: ['down'],
  restart: ['restart'],
  pull: ['pull'],
  logs: ['logs', '-f', '--no-color', '--tail', '200'],
};

/** What one Compose run is given: the CLI's argv prefix, the project (null: Compose derives it), its files, the action. */
export interface ComposeInvocation {
  command: readonly string[];
  project: string | null;
  files: readonly string[];
  action: ComposeAction;
}

/**
 * The argument vector of one Compose run: the CLI prefix, `-p <project>` (validated as a Compose project name),
 * `-f <file>` per config file (absolute, no NUL), then the action's arguments. Never a shell string.
 */
export function composeArgv({ command, project, files, action }: ComposeInvocation): string[] {
  if (command.length === 0) throw new ServiceError('UNAVAILABLE', 'No Compose CLI to run.');
  if (files.length === 0) throw new ServiceError('VALIDATION', 'A Compose run needs at least one config file.');
  const argv = [...command];
  if (project !== null) {
    if (!ComposeProjectName.safeParse(project).success) throw new ServiceError('VALIDATION', `Not a Compose project name: ${JSON.stringify(project.slice(0, 80))}.`);
    argv.push('-p', project);
  }
  for (const file of files) {
    if (file.includes('\0') || !(file.startsWith('/') || /^[A-Za-z]:[\\/]/.test(file) || file.startsWith('\\\\'))) {
      throw new ServiceError('VALIDATION', 'Compose config files must be absolute paths.');
    }
    argv.push('-f', file);
  }
  argv.push(...ACTION_ARGS[action]);
  return argv;
}
