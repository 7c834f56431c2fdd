import type { Command } from 'commander';
import type { CliContext, JsonOption } from './cli-run';
import { formatStatusLine, formatVmInfo, formatVmLine } from './format-output';

/** Registers `lightdock status` (one line on WSL and its VM) and `lightdock shutdown` (wsl --shutdown); `--json` prints the contract's value. */
export function registerStatusCommands(program: Command, { run }: CliContext): void {
  program
    .command('status')
    .description('one-line status of WSL and its VM')
    .option('--json', 'machine-readable output')
    .action((opts: JsonOption) => run('app:status', {}, opts.json, formatStatusLine));
  program
    .command('shutdown')
    .description('stop every distro and the WSL VM (wsl --shutdown)')
    .option('--json', 'machine-readable output')
    .action((opts: JsonOption) => run('wsl:shutdown', {}, opts.json, formatVmLine));
}

/** Registers `lightdock vm`: the utility VM's state, uptime, kernel, memory, processors, network and idle timeout. */
export function registerVmCommand(program: Command, { run }: CliContext): void {
  program
    .command('vm')
    .description('the WSL2 utility VM: state, uptime, kernel, memory, processors, network, idle timeout')
    .option('--json', 'machine-readable output (kernel.version, memory.limitBytes, network.vmIp, …)')
    .action((opts: JsonOption) => run('vm:info', {}, opts.json, (vm) => formatVmInfo(vm)));
}
