import path from 'node:path';
import type { Command } from 'commander';
import type { InvokeChannel, InvokeResponse } from '../../../shared/ipc/contract';
import type { CliIo, OpenDispatcher } from './cli-program';
import {
  formatByteCount,
  formatDisk,
  formatDistroDetail,
  formatDistroLine,
  formatOnlineDistros,
  formatVmInfo,
  formatWslConfig,
  formatWslConfigSet,
  formatWslConfigSetting,
} from './format-output';

/** Runs one channel and prints its answer; with `progress`, `operations:progressed` lines go to stderr (never with --json). */
export type RunWithProgress = <C extends InvokeChannel>(
  channel: C,
  request: unknown,
  json: boolean | undefined,
  format: (value: InvokeResponse<C>) => string,
  onValue?: (value: InvokeResponse<C>) => void,
  progress?: boolean,
) => Promise<void>;

/** What the WSL commands need from the program: the shared `run`, plus raw access for `wslconfig get <key>`. */
export interface WslCommandContext {
  run: RunWithProgress;
  open: OpenDispatcher;
  io: CliIo;
  setExitCode: (code: number) => void;
}

type JsonOption = { json?: boolean };

/** A version argument as the contract wants it: 1 or 2 as a number, anything else passed on for the host to refuse. */
function version(text: string): number | string {
  return /^[12]$/.test(text) ? Number(text) : text;
}

/** A file argument made absolute against the working directory (relative paths are what people type). */
function absolute(file: string): string {
  return path.resolve(file);
}

/** `tar` or `vhdx`: the explicit --format, else the file's extension. */
function formatFor(file: string, explicit: string | undefined): string {
  return explicit ?? (/\.vhdx$/i.test(file) ? 'vhdx' : 'tar');
}

async function printSetting({ open, io, setExitCode }: WslCommandContext, key: string, json: boolean | undefined): Promise<void> {
  const { dispatch, close } = open();
  try {
    const result = await dispatch('wslconfig:get', {}, { id: 'cli' });
    const fail = (error: { code: string; message: string }): void => {
      if (json) io.out(JSON.stringify({ error }, null, 2));
      io.err(`lightdock: ${error.message}`);
      setExitCode(1);
    };
    if (!result.ok) return fail(result.error);
    const view = result.value as InvokeResponse<'wslconfig:get'>;
    const setting = view.settings.find((known) => known.key.toLowerCase() === key.toLowerCase());
    if (setting === undefined) {
      return fail({ code: 'NOT_FOUND', message: `${key} is not a .wslconfig setting Lightdock knows; run "lightdock wslconfig get" to list them.` });
    }
    io.out(json ? JSON.stringify(setting, null, 2) : formatWslConfigSetting(setting));
  } finally {
    close();
  }
}

/**
 * Adds `vm`, `distros show|online|install|export|import|unregister|compact|set-sparse|set-version` and
 * `wslconfig get|set`. `--json` prints the contract's values with the model's field names; long operations print
 * progress lines on stderr unless --json; relative file arguments are made absolute; nothing is changed when the
 * host refuses the input.
 */
export function registerWslCommands(program: Command, context: WslCommandContext): void {
  const { run } = context;
  program
    .command('vm')
    .description('the WSL2 utility VM: state, uptime, kernel, memory, processors, network, idle timeout')
    .option('--json', 'machine-readable output (kernel.version, memory.limitBytes, network.vmIp, …)')
    .action((opts: JsonOption) => run('vm:info', {}, opts.json, (vm) => formatVmInfo(vm)));

  const distros = program.commands.find((command) => command.name() === 'distros') ?? program.command('distros');
  distros
    .command('show')
    .description('one distro in full: disk, mounts, IP, OS, user')
    .argument('<name>', 'distro name')
    .option('--json', 'machine-readable output (disk.fileSizeBytes, mounts, ip, …)')
    .action((name: string, opts: JsonOption) => run('distros:show', { name }, opts.json, formatDistroDetail));
  distros
    .command('online')
    .description('distros that "distros install" can fetch (wsl -l -o)')
    .option('--json', 'machine-readable output')
    .action((opts: JsonOption) => run('distros:list-online', {}, opts.json, formatOnlineDistros));
  distros
    .command('install')
    .description('download and register a distro from the online list')
    .argument('<name>', 'name from "lightdock distros online"')
    .option('--json', 'machine-readable output')
    .action((name: string, opts: JsonOption) => run('distros:install', { name }, opts.json, (d) => `Installed ${formatDistroLine(d)}`, undefined, true));
  distros
    .command('export')
    .description('write a distro to a .tar archive or a .vhdx disk')
    .argument('<name>', 'distro name')
    .argument('<file>', 'file to write (must not exist)')
    .option('--format <format>', 'tar or vhdx (default: from the file extension)')
    .option('--json', 'machine-readable output')
    .action((name: string, file: string, opts: JsonOption & { format?: string }) =>
      run(
        'distros:export',
        { name, filePath: absolute(file), format: formatFor(file, opts.format) },
        opts.json,
        (done) => `Exported ${name} to ${done.filePath} (${formatByteCount(done.sizeBytes)}).`,
        undefined,
        true,
      ),
    );
  distros
    .command('import')
    .description('register a new distro from a .tar archive or a .vhdx disk')
    .argument('<name>', 'name of the new distro')
    .argument('<installDir>', 'folder that receives its disk')
    .argument('<file>', '.tar or .vhdx file to import')
    .option('--version <version>', 'WSL version 1 or 2 (tar only; default: WSL\'s default)')
    .option('--format <format>', 'tar or vhdx (default: from the file extension)')
    .option('--json', 'machine-readable output')
    .action((name: string, installDir: string, file: string, opts: JsonOption & { version?: string; format?: string }) =>
      run(
        'distros:import',
        {
          name,
          installDir: absolute(installDir),
          filePath: absolute(file),
          format: formatFor(file, opts.format),
          ...(opts.version === undefined ? {} : { version: version(opts.version) }),
        },
        opts.json,
        (d) => `Imported ${formatDistroLine(d)}`,
        undefined,
        true,
      ),
    );
  distros
    .command('unregister')
    .description('delete a distro and its disk (cannot be undone)')
    .argument('<name>', 'distro name')
    .requiredOption('--confirm <name>', 'the distro name again, exactly')
    .option('--json', 'machine-readable output')
    .action((name: string, opts: JsonOption & { confirm: string }) =>
      run('distros:unregister', { name, confirm: opts.confirm }, opts.json, (done) => `Unregistered ${done.name}; its disk is deleted.`, undefined, true),
    );
  distros
    .command('compact')
    .description('shrink a stopped WSL 2 distro\'s VHDX to what it uses')
    .argument('<name>', 'distro name')
    .option('--json', 'machine-readable output (the disk after)')
    .action((name: string, opts: JsonOption) => run('distros:compact', { name }, opts.json, (disk) => `Compacted ${name}: ${formatDisk(disk)}`, undefined, true));
  distros
    .command('set-sparse')
    .description('make a WSL 2 distro\'s VHDX sparse (freed space goes back to Windows) or not')
    .argument('<name>', 'distro name')
    .argument('<sparse>', 'true or false')
    .option('--json', 'machine-readable output (the disk after)')
    .action((name: string, sparse: string, opts: JsonOption) =>
      run('distros:set-sparse', { name, sparse: sparse === 'true' ? true : sparse === 'false' ? false : sparse }, opts.json, (disk) => `${name}: ${formatDisk(disk)}`),
    );
  distros
    .command('set-version')
    .description('convert a distro to WSL 1 or WSL 2')
    .argument('<name>', 'distro name')
    .argument('<version>', '1 or 2')
    .option('--json', 'machine-readable output')
    .action((name: string, target: string, opts: JsonOption) =>
      run('distros:set-version', { name, version: version(target) }, opts.json, (d) => `Converted ${formatDistroLine(d)}`, undefined, true),
    );

  const wslconfig = program.command('wslconfig').description('read and edit %UserProfile%\\.wslconfig');
  wslconfig
    .command('get')
    .description('every known setting, or one, with the value in the file and the value in effect')
    .argument('[key]', 'section.name, for example wsl2.memory')
    .option('--json', 'machine-readable output')
    .action((key: string | undefined, opts: JsonOption) =>
      key === undefined ? run('wslconfig:get', {}, opts.json, formatWslConfig) : printSetting(context, key, opts.json),
    );
  wslconfig
    .command('set')
    .description('set a key (no value removes it), keeping comments and order; says whether a restart is needed')
    .argument('<key>', 'section.name, for example wsl2.memory')
    .argument('[value]', 'the new value; leave out to remove the key')
    .option('--json', 'machine-readable output')
    .action((key: string, value: string | undefined, opts: JsonOption) =>
      run('wslconfig:set', { key, value: value ?? null }, opts.json, (result) => formatWslConfigSet(result, key)),
    );
}
