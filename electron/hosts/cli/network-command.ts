import type { Command } from 'commander';
import { formatNetworkMap } from './format-network';
import type { CliContext } from './cli-run';

/**
 * Registers `lightdock network [--json] [--check | --no-check]`: the map, the published ports with their URLs and
 * the problems. Reachability checks on 127.0.0.1 run by default (the JSON carries each port's reachability);
 * `--no-check` skips them and leaves every port `unchecked`.
 */
export function registerNetworkCommand(program: Command, context: CliContext): void {
  program
    .command('network')
    .description('the network from Windows to each published port: URLs, reachability on 127.0.0.1, problems')
    .option('--json', 'machine-readable output (the network map)')
    .option('--check', 'check every published TCP port on 127.0.0.1 (the default)')
    .option('--no-check', 'skip the reachability checks (ports stay unchecked)')
    .action((opts: { json?: boolean; check?: boolean }) => context.run('network:map', { checkPorts: opts.check !== false }, opts.json, formatNetworkMap));
}
