import type { Command } from 'commander';
import type { CliContext, JsonOption } from './cli-run';
import { formatContexts, formatEngineStatus } from './format-engine';
import { formatLifecycle } from './format-lifecycle';

/** Registers `lightdock engine status|contexts|use|start|stop`: which engine answers and where, the Docker contexts, and the managed engine's lifecycle. */
export function registerEngineCommands(program: Command, { run }: CliContext): void {
  const engine = program.command('engine').description('the container engine: status and Docker contexts');
  engine
    .command('status')
    .description('which engine answers, where, and whether it is connected')
    .option('--json', 'machine-readable output')
    .action((opts: JsonOption) => run('engine:status', {}, opts.json, formatEngineStatus));
  engine
    .command('contexts')
    .description('list the Docker contexts (docker context ls)')
    .option('--json', 'machine-readable output')
    .action((opts: JsonOption) => run('engine:contexts', {}, opts.json, formatContexts));
  engine
    .command('use')
    .description('switch the Docker context (docker context use)')
    .argument('<context>', 'context name')
    .option('--json', 'machine-readable output')
    .action((name: string, opts: JsonOption) => run('engine:use-context', { name }, opts.json, formatEngineStatus));
  for (const verb of ['start', 'stop'] as const) {
    engine
      .command(verb)
      .description(`${verb} the Docker engine Lightdock manages (simulated, or in the WSL distro)`)
      .option('--json', 'machine-readable output (the engine lifecycle)')
      .action((opts: JsonOption) => run(verb === 'start' ? 'engine:start' : 'engine:stop', {}, opts.json, formatLifecycle));
  }
}
