import path from 'node:path';
import type { Command } from 'commander';
import { ComposeAction } from '../../../shared/model/compose';
import { followJob } from './follow-job';
import { formatComposeCli, formatComposeProjects } from './format-compose';
import type { CliContext, JsonOption } from './cli-run';

const ACTION_HELP: Record<ComposeAction, string> = {
  up: 'bring a project up (`up -d`), or a new one from a Compose file with -f',
  down: 'stop and remove a project’s containers and networks',
  restart: 'restart a project’s containers',
  pull: 'pull a project’s images',
  logs: 'follow a project’s logs (Ctrl+C stops)',
};

/**
 * Registers `lightdock compose ls|cli|up|down|restart|pull|logs`: the projects and the Compose CLI through the
 * shared `run`, and each action as a job followed to its end (output on stdout, Ctrl+C cancels, exit code 1 when it
 * failed). `up -f <file>` brings up a new project from a Compose file (a relative path is taken from the current folder).
 */
export function registerComposeCommands(program: Command, context: CliContext): void {
  const { run, io, setExitCode } = context;
  const compose = program.command('compose').description('Compose projects: list them, bring them up or down, follow their logs');
  compose
    .command('ls')
    .description('list Compose projects with their working directory')
    .option('--json', 'machine-readable output')
    .action((opts: JsonOption) => run('compose:projects', {}, opts.json, formatComposeProjects));
  compose
    .command('cli')
    .description('which Compose CLI Lightdock runs, or how to install one')
    .option('--json', 'machine-readable output')
    .action((opts: JsonOption) => run('compose:cli', {}, opts.json, formatComposeCli));
  compose
    .command('up')
    .description(ACTION_HELP.up)
    .argument('[project]', 'Compose project name')
    .option('-f, --file <file>', 'a Compose file to bring up as a new project')
    .option('--json', 'print the finished job as JSON')
    .action(async (project: string | undefined, opts: JsonOption & { file?: string }) => {
      if ((project === undefined) === (opts.file === undefined)) {
        io.err('lightdock: give a project name or -f <compose file>, not both.');
        setExitCode(2);
        return;
      }
      if (opts.file !== undefined) await followJob(context, 'compose:up-file', { file: path.resolve(opts.file) }, opts.json === true);
      else if (project !== undefined) await followJob(context, 'compose:act', { project, action: 'up' }, opts.json === true);
    });
  for (const action of ComposeAction.options.filter((name) => name !== 'up')) {
    compose
      .command(action)
      .description(ACTION_HELP[action])
      .argument('<project>', 'Compose project name')
      .option('--json', 'print the finished job as JSON')
      .action((project: string, opts: JsonOption) => followJob(context, 'compose:act', { project, action }, opts.json === true));
  }
}
