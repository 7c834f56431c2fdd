import path from 'node:path';
import type { Command } from 'commander';
import type { InvokeRequest } from '../../../shared/ipc/contract';
import { formatDownload, formatFileText, formatListing, formatUpload } from './format-container-files';
import { refusedByHost, reportFailure, request, type CliContext, type JsonOption } from './cli-run';

type Offset = InvokeRequest<'container-files:list'>['offset'];

/** A number option as the contract wants it: digits as a number, anything else passed on for the host to refuse. */
function offsetOf(text: string | undefined): Offset {
  if (text === undefined) return undefined;
  return /^\d{1,9}$/.test(text) ? Number(text) : refusedByHost<Offset>(text);
}

/**
 * Registers on `lightdock containers`: `files <container> [path] [--offset n]` (one page of a folder, `/` by default),
 * `cat <container> <path>` (a file's text, its first MiB; a binary file is an error), `cp-out <container> <path>
 * <tarFile>` (a file or folder saved as a tar, never over an existing file) and `cp-in <container> <localFile>
 * <folder>`. Local paths are resolved from the current folder; every command takes `--json`.
 */
export function registerContainerFilesCommands(containers: Command, context: CliContext): void {
  const { run, open, io, setExitCode } = context;
  containers
    .command('files')
    .description("list a folder inside a container (one page, folders first; works on stopped containers)")
    .argument('<container>', 'container id or name')
    .argument('[path]', 'absolute path inside the container', '/')
    .option('--offset <n>', 'start the page at this entry')
    .option('--json', 'machine-readable output')
    .action((container: string, folder: string, opts: JsonOption & { offset?: string }) =>
      run('container-files:list', { id: container, path: folder, offset: offsetOf(opts.offset) }, opts.json, (listing) => formatListing(listing, container)),
    );

  containers
    .command('cat')
    .description("print a file inside a container (its first MiB; control characters shown as '?')")
    .argument('<container>', 'container id or name')
    .argument('<path>', 'absolute path inside the container')
    .option('--json', 'machine-readable output')
    .action(async (container: string, file: string, opts: JsonOption) => {
      const { dispatch, close } = open();
      try {
        const result = await request(dispatch, 'container-files:read', { id: container, path: file });
        if (!result.ok) return reportFailure(context, opts.json, result.error);
        if (opts.json) {
          io.out(JSON.stringify(result.value, null, 2));
          return;
        }
        const text = result.value;
        if (text.binary) {
          io.err(`lightdock: ${text.path} is a binary file; save it with: lightdock containers cp-out ${container} ${text.path} <file.tar>`);
          setExitCode(1);
          return;
        }
        io.out(formatFileText(text));
      } finally {
        close();
      }
    });

  containers
    .command('cp-out')
    .description('save a file or folder of a container as a tar archive on this machine (never overwrites)')
    .argument('<container>', 'container id or name')
    .argument('<path>', 'absolute path inside the container')
    .argument('<tarFile>', 'the tar file to create')
    .option('--json', 'machine-readable output')
    .action((container: string, inside: string, tarFile: string, opts: JsonOption) =>
      run('container-files:download', { id: container, path: inside, filePath: path.resolve(tarFile) }, opts.json, formatDownload),
    );

  containers
    .command('cp-in')
    .description('copy a file of this machine into a folder of a container (a file of the same name is replaced)')
    .argument('<container>', 'container id or name')
    .argument('<localFile>', 'the file to copy')
    .argument('<folder>', 'absolute folder inside the container')
    .option('--json', 'machine-readable output')
    .action((container: string, localFile: string, folder: string, opts: JsonOption) =>
      run('container-files:upload', { id: container, folder, filePath: path.resolve(localFile) }, opts.json, formatUpload),
    );
}
