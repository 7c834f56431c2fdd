import path from 'node:path';
import type { Command } from 'commander';
import type { InvokeRequest } from '../../../shared/ipc/contract';
import { refusedByHost, type CliContext, type JsonOption } from './cli-run';
import { formatByteCount, formatDisk, formatDistroDetail, formatDistroLine, formatDistroTable, formatOnlineDistros } from './format-output';

type Version = InvokeRequest<'distros:set-version'>['version'];
type ArchiveFormat = InvokeRequest<'distros:export'>['format'];

/** A version argument as the contract wants it: 1 or 2 as a number, anything else passed on for the host to refuse. */
function version(text: string): Version {
  return /^[12]$/.test(text) ? (Number(text) as Version) : refusedByHost<Version>(text);
}

/** `true` or `false` as a boolean, anything else passed on for the host to refuse. */
function sparseFlag(text: string): boolean {
  return text === 'true' ? true : text === 'false' ? false : refusedByHost<boolean>(text);
}

/** A file argument made absolute against the working directory (relative paths are what people type). */
function absolute(file: string): string {
  return path.resolve(file);
}

/** `tar` or `vhdx`: the explicit --format (anything else passed on for the host to refuse), else the file's extension. */
function formatFor(file: string, explicit: string | undefined): ArchiveFormat {
  if (explicit === 'tar' || explicit === 'vhdx') return explicit;
  if (explicit !== undefined) return refusedByHost<ArchiveFormat>(explicit);
  return /\.vhdx$/i.test(file) ? 'vhdx' : 'tar';
}

/**
 * Registers every `lightdock distros` command: `list|start|terminate|set-default|show|online|install|export|import|
 * unregister|compact|set-sparse|set-version`. `--json` prints the contract's values with the model's field names; long
 * operations print progress lines on stderr unless --json; relative file arguments are made absolute; nothing is
 * changed when the host refuses the input.
 */
export function registerDistroCommands(program: Command, { run }: CliContext): void {
  const distros = program.command('distros').description('list and control WSL distros');
  distros
    .command('list')
    .description('list distros with state, WSL version and the default marker')
    .option('--json', 'machine-readable output')
    .action((opts: JsonOption) => run('distros:list', {}, opts.json, formatDistroTable));
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
      .action((name: string, opts: JsonOption) => run(channel, { name }, opts.json, formatDistroLine));
  }
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
    .action((name: string, opts: JsonOption) => run('distros:install', { name }, opts.json, (d) => `Installed ${formatDistroLine(d)}`, { progress: true }));
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
        { progress: true },
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
        { progress: true },
      ),
    );
  distros
    .command('unregister')
    .description('delete a distro and its disk (cannot be undone)')
    .argument('<name>', 'distro name')
    .requiredOption('--confirm <name>', 'the distro name again, exactly')
    .option('--json', 'machine-readable output')
    .action((name: string, opts: JsonOption & { confirm: string }) =>
      run('distros:unregister', { name, confirm: opts.confirm }, opts.json, (done) => `Unregistered ${done.name}; its disk is deleted.`, { progress: true }),
    );
  distros
    .command('compact')
    .description('shrink a stopped WSL 2 distro\'s VHDX to what it uses')
    .argument('<name>', 'distro name')
    .option('--json', 'machine-readable output (the disk after)')
    .action((name: string, opts: JsonOption) => run('distros:compact', { name }, opts.json, (disk) => `Compacted ${name}: ${formatDisk(disk)}`, { progress: true }));
  distros
    .command('set-sparse')
    .description('make a WSL 2 distro\'s VHDX sparse (freed space goes back to Windows) or not')
    .argument('<name>', 'distro name')
    .argument('<sparse>', 'true or false')
    .option('--json', 'machine-readable output (the disk after)')
    .action((name: string, sparse: string, opts: JsonOption) => run('distros:set-sparse', { name, sparse: sparseFlag(sparse) }, opts.json, (disk) => `${name}: ${formatDisk(disk)}`));
  distros
    .command('set-version')
    .description('convert a distro to WSL 1 or WSL 2')
    .argument('<name>', 'distro name')
    .argument('<version>', '1 or 2')
    .option('--json', 'machine-readable output')
    .action((name: string, target: string, opts: JsonOption) =>
      run('distros:set-version', { name, version: version(target) }, opts.json, (d) => `Converted ${formatDistroLine(d)}`, { progress: true }),
    );
}
