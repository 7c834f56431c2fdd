import type { Command } from 'commander';
import type { ContainerAction } from '../../../shared/model/container';
import type { CliContext, JsonOption } from './cli-run';
import { formatActionResults, formatContainerDetail, formatContainerTable, formatStatsTable } from './format-engine';

type ActOptions = JsonOption & { force?: boolean; volumes?: boolean };

/**
 * Registers `lightdock containers list|inspect|stats|start|stop|restart|pause|unpause|kill|rm` and returns the
 * `containers` command for the modules that add more to it. `list --json` prints the summaries, `inspect <ref> --json`
 * the detail (namespaces, cgroup); a bulk action prints one result per container and exits 1 when any of them failed.
 */
export function registerContainerCommands(program: Command, { run, setExitCode }: CliContext): Command {
  const containers = program.command('containers').description('list and control containers');
  containers
    .command('list')
    .alias('ls')
    .description('every container, stopped ones included (docker ps -a)')
    .option('--json', 'machine-readable output (the container summaries)')
    .action((opts: JsonOption) => run('containers:list', {}, opts.json, formatContainerTable));
  containers
    .command('inspect')
    .description('one container in full: process, namespaces and cgroup')
    .argument('<container>', 'id, id prefix or name')
    .option('--json', 'machine-readable output (the container detail)')
    .action((id: string, opts: JsonOption) => run('containers:inspect', { id }, opts.json, formatContainerDetail));
  containers
    .command('stats')
    .description('one sample per running container (docker stats --no-stream)')
    .argument('[containers...]', 'ids or names (default: every running container)')
    .option('--json', 'machine-readable output')
    .action((ids: string[], opts: JsonOption) => run('containers:stats', ids.length > 0 ? { ids } : {}, opts.json, formatStatsTable));

  const act = async (ids: string[], action: ContainerAction, opts: ActOptions): Promise<void> => {
    const request = { ids, action, ...(opts.force ? { force: true } : {}), ...(opts.volumes ? { removeVolumes: true } : {}) };
    await run('containers:act', request, opts.json, formatActionResults, {
      onValue: (results) => {
        if (results.some((r) => !r.ok)) setExitCode(1);
      },
    });
  };
  const verbs: [string, ContainerAction, string][] = [
    ['start', 'start', 'start containers'],
    ['stop', 'stop', 'stop containers'],
    ['restart', 'restart', 'restart containers'],
    ['pause', 'pause', 'pause containers'],
    ['unpause', 'unpause', 'unpause containers'],
    ['kill', 'kill', 'kill containers'],
  ];
  for (const [verb, action, description] of verbs) {
    containers
      .command(verb)
      .description(description)
      .argument('<containers...>', 'ids, id prefixes or names')
      .option('--json', 'machine-readable output')
      .action((ids: string[], opts: JsonOption) => act(ids, action, opts));
  }
  containers
    .command('rm')
    .description('remove containers')
    .argument('<containers...>', 'ids, id prefixes or names')
    .option('-f, --force', 'remove running containers too')
    .option('-v, --volumes', 'remove their anonymous volumes')
    .option('--json', 'machine-readable output')
    .action((ids: string[], opts: ActOptions) => act(ids, 'remove', opts));
  return containers;
}
