import type { Command } from 'commander';
import type { InvokeChannel, InvokeResponse } from '../../../shared/ipc/contract';
import type { ContainerAction } from '../../../shared/model/container';
import { formatLifecycle } from './format-lifecycle';
import { formatActionResults, formatContainerDetail, formatContainerTable, formatContexts, formatEngineStatus, formatStatsTable } from './format-engine';

/** Runs one channel through the dispatcher and prints the answer; `onValue` sees a successful answer. */
export type RunChannel = <C extends InvokeChannel>(
  channel: C,
  request: unknown,
  json: boolean | undefined,
  format: (value: InvokeResponse<C>) => string,
  onValue?: (value: InvokeResponse<C>) => void,
) => Promise<void>;

/**
 * Adds `engine status|contexts|use` and `containers list|inspect|start|stop|restart|pause|unpause|kill|rm|stats`.
 * `containers list --json` prints the summaries, `containers inspect <ref> --json` the detail (namespaces,
 * cgroup); a bulk action prints one result per container and exits 1 when any of them failed.
 */
export function registerEngineCommands(program: Command, run: RunChannel, setExitCode: (code: number) => void): void {
  const engine = program.command('engine').description('the container engine: status and Docker contexts');
  engine
    .command('status')
    .description('which engine answers, where, and whether it is connected')
    .option('--json', 'machine-readable output')
    .action((opts: { json?: boolean }) => run('engine:status', {}, opts.json, formatEngineStatus));
  engine
    .command('contexts')
    .description('list the Docker contexts (docker context ls)')
    .option('--json', 'machine-readable output')
    .action((opts: { json?: boolean }) => run('engine:contexts', {}, opts.json, formatContexts));
  engine
    .command('use')
    .description('switch the Docker context (docker context use)')
    .argument('<context>', 'context name')
    .option('--json', 'machine-readable output')
    .action((name: string, opts: { json?: boolean }) => run('engine:use-context', { name }, opts.json, formatEngineStatus));
  for (const verb of ['start', 'stop'] as const) {
    engine
      .command(verb)
      .description(`${verb} the Docker engine Lightdock manages (simulated, or in the WSL distro)`)
      .option('--json', 'machine-readable output (the engine lifecycle)')
      .action((opts: { json?: boolean }) => run(verb === 'start' ? 'engine:start' : 'engine:stop', {}, opts.json, formatLifecycle));
  }

  const containers = program.command('containers').description('list and control containers');
  containers
    .command('list')
    .alias('ls')
    .description('every container, stopped ones included (docker ps -a)')
    .option('--json', 'machine-readable output (the container summaries)')
    .action((opts: { json?: boolean }) => run('containers:list', {}, opts.json, formatContainerTable));
  containers
    .command('inspect')
    .description('one container in full: process, namespaces and cgroup')
    .argument('<container>', 'id, id prefix or name')
    .option('--json', 'machine-readable output (the container detail)')
    .action((id: string, opts: { json?: boolean }) => run('containers:inspect', { id }, opts.json, formatContainerDetail));
  containers
    .command('stats')
    .description('one sample per running container (docker stats --no-stream)')
    .argument('[containers...]', 'ids or names (default: every running container)')
    .option('--json', 'machine-readable output')
    .action((ids: string[], opts: { json?: boolean }) => run('containers:stats', ids.length > 0 ? { ids } : {}, opts.json, formatStatsTable));

  const act = async (ids: string[], action: ContainerAction, opts: { json?: boolean; force?: boolean; volumes?: boolean }): Promise<void> => {
    const request = { ids, action, ...(opts.force ? { force: true } : {}), ...(opts.volumes ? { removeVolumes: true } : {}) };
    await run('containers:act', request, opts.json, formatActionResults, (results) => {
      if (results.some((r) => !r.ok)) setExitCode(1);
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
      .action((ids: string[], opts: { json?: boolean }) => act(ids, action, opts));
  }
  containers
    .command('rm')
    .description('remove containers')
    .argument('<containers...>', 'ids, id prefixes or names')
    .option('-f, --force', 'remove running containers too')
    .option('-v, --volumes', 'remove their anonymous volumes')
    .option('--json', 'machine-readable output')
    .action((ids: string[], opts: { json?: boolean; force?: boolean; volumes?: boolean }) => act(ids, 'remove', opts));
}
