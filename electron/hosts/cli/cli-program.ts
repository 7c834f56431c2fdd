import { Command, CommanderError } from 'commander';
import type { IpcErrorPayload } from '../../../shared/ipc/result';
import { createRun, type CliContext, type CliIo, type OpenDispatcher } from './cli-run';
import { registerComposeCommands } from './compose-commands';
import { registerContainerCommands } from './container-commands';
import { registerContainerFilesCommands } from './container-files-command';
import { registerDistroCommands } from './distros-commands';
import { registerDoctorCommand } from './doctor-command';
import { registerEngineCommands } from './engine-commands';
import { registerFilesCommand } from './files-command';
import { registerImageCommands } from './image-commands';
import { registerMemoryCommand } from './memory-command';
import { registerNetworkCommand } from './network-command';
import { registerRunCommand } from './run-command';
import { registerStatusCommands, registerVmCommand } from './vm-commands';
import { registerWslConfigCommands } from './wslconfig-commands';

/**
 * Builds the `lightdock` command tree from one module per domain. Every command goes through the same dispatcher as
 * the other hosts, so validation and errors are identical; `--json` prints the model's field names; a failure prints
 * one sentence on stderr and resolves to exit code 1.
 */
export function createCliProgram(open: OpenDispatcher, io: CliIo, setExitCode: (code: number) => void): Command {
  const context: CliContext = { run: createRun(open, io, setExitCode), open, io, setExitCode };
  const program = new Command('lightdock')
    .description('Lightdock: WSL2 and Docker from the command line')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  registerStatusCommands(program, context);
  registerDistroCommands(program, context);
  registerEngineCommands(program, context);
  const containers = registerContainerCommands(program, context);
  registerVmCommand(program, context);
  registerWslConfigCommands(program, context);
  registerDoctorCommand(program, context);
  registerMemoryCommand(program, context);
  registerNetworkCommand(program, context);
  registerFilesCommand(program, context);
  registerRunCommand(containers, context);
  registerContainerFilesCommands(containers, context);
  registerImageCommands(program, context);
  registerComposeCommands(program, context);
  return program;
}

/**
 * Runs the CLI on argv (without `node` and the script) and returns the exit code. Anything a command throws
 * becomes one sentence on stderr (from `unexpected`, else the error's text), the error as JSON on stdout with
 * --json, and exit code 1.
 */
export async function runCli(argv: string[], open: OpenDispatcher, io: CliIo, unexpected?: (error: unknown) => IpcErrorPayload): Promise<number> {
  let exitCode = 0;
  const program = createCliProgram(open, io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    const failure = unexpected?.(error) ?? { code: 'INTERNAL', message: `lightdock failed unexpectedly (${error instanceof Error ? error.message : String(error)}).` };
    if (argv.includes('--json')) io.out(JSON.stringify({ error: failure }, null, 2));
    io.err(`lightdock: ${failure.message}`);
    return 1;
  }
  return exitCode;
}
