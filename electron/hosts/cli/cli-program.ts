import { Command, CommanderError } from 'commander';
import type { EventPayload, InvokeChannel, InvokeResponse } from '../../../shared/ipc/contract';
import type { IpcErrorPayload } from '../../../shared/ipc/result';
import type { EventListener } from '../../services/event-hub';
import type { InvokeDispatcher } from '../common/invoke-dispatcher';
import { registerComposeCommands } from './compose-commands';
import { registerContainerFilesCommands } from './container-files-command';
import { registerDoctorCommand } from './doctor-command';
import { registerImageCommands } from './image-commands';
import { registerRunCommand } from './run-command';
import { registerEngineCommands } from './engine-commands';
import { registerFilesCommand } from './files-command';
import { registerMemoryCommand } from './memory-command';
import { registerNetworkCommand } from './network-command';
import { formatDistroLine, formatDistroTable, formatProgressLine, formatStatusLine, formatVmLine } from './format-output';
import { registerWslCommands } from './wsl-commands';

/** Where the CLI writes; injected so tests read the output without a child process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** Opens the services for one command and returns the dispatcher, a close function and (optionally) their pushes. */
export type OpenDispatcher = () => { dispatch: InvokeDispatcher; close(): void; events?: { subscribe(listener: EventListener): () => void } };

type Formatter<C extends InvokeChannel> = (value: InvokeResponse<C>) => string;

/**
 * Builds the `lightdock` command tree. Every command goes through the same dispatcher as the other hosts,
 * so validation and errors are identical; `--json` prints the model's field names; a failure prints one
 * sentence on stderr and resolves to exit code 1.
 */
export function createCliProgram(open: OpenDispatcher, io: CliIo, setExitCode: (code: number) => void): Command {
  async function run<C extends InvokeChannel>(
    channel: C,
    request: unknown,
    json: boolean | undefined,
    format: Formatter<C>,
    onValue?: (value: InvokeResponse<C>) => void,
    progress = false,
  ): Promise<void> {
    const { dispatch, close, events } = open();
    let lastLine = '';
    const stopProgress =
      progress && !json
        ? events?.subscribe((pushed, payload) => {
            if (pushed !== 'operations:progressed') return;
            const operation = payload as EventPayload<'operations:progressed'>;
            const line = formatProgressLine(operation);
            if (operation.state !== 'failed' && line !== lastLine) io.err(line);
            lastLine = line;
          })
        : undefined;
    try {
      const result = await dispatch(channel, request, { id: 'cli' });
      if (result.ok) {
        io.out(json ? JSON.stringify(result.value, null, 2) : format(result.value as InvokeResponse<C>));
        onValue?.(result.value as InvokeResponse<C>);
        return;
      }
      if (json) io.out(JSON.stringify({ error: result.error }, null, 2));
      io.err(`lightdock: ${result.error.message}`);
      setExitCode(1);
    } finally {
      stopProgress?.();
      close();
    }
  }

  const program = new Command('lightdock')
    .description('Lightdock: WSL2 and Docker from the command line')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  program
    .command('status')
    .description('one-line status of WSL and its VM')
    .option('--json', 'machine-readable output')
    .action((opts: { json?: boolean }) => run('app:status', {}, opts.json, formatStatusLine));

  program
    .command('shutdown')
    .description('stop every distro and the WSL VM (wsl --shutdown)')
    .option('--json', 'machine-readable output')
    .action((opts: { json?: boolean }) => run('wsl:shutdown', {}, opts.json, formatVmLine));

  const distros = program.command('distros').description('list and control WSL distros');
  distros
    .command('list')
    .description('list distros with state, WSL version and the default marker')
    .option('--json', 'machine-readable output')
    .action((opts: { json?: boolean }) => run('distros:list', {}, opts.json, formatDistroTable));
  const actions = [
    ['start', 'distros:start', 'start a distro'],
    ['terminate', 'distros:terminate', 'terminate a running distro'],
    ['set-default', 'distros:set-default', 'make a distro the default'],
  ] as const;
  for (const [verb, channel, description] of actions) {
    distros
      .command(verb)
      .description(description)
      .argument('<name>', 'distro name')
      .option('--json', 'machine-readable output')
      .action((name: string, opts: { json?: boolean }) => run(channel, { name }, opts.json, formatDistroLine));
  }
  registerEngineCommands(program, run, setExitCode);
  registerWslCommands(program, { run, open, io, setExitCode });
  registerDoctorCommand(program, { open, io, setExitCode });
  registerMemoryCommand(program, { run, open, io, setExitCode });
  registerNetworkCommand(program, { run, open, io, setExitCode });
  registerFilesCommand(program, { run, open, io, setExitCode });
  const containers = program.commands.find((command) => command.name() === 'containers') ?? program.command('containers');
  registerRunCommand(containers, { run, open, io, setExitCode });
  registerContainerFilesCommands(containers, { run, open, io, setExitCode });
  registerImageCommands(program, { run, open, io, setExitCode });
  registerComposeCommands(program, { run, open, io, setExitCode });
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
