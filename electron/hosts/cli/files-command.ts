import type { Command } from 'commander';
import { formatCost, formatFilesReport } from './format-files';
import type { CliContext } from './cli-run';

type FilesOptions = { json?: boolean; distro?: string; container?: string; measure?: string };

/**
 * Registers `lightdock files [--json] [--distro <name>] [--container <ref>] [--measure <distro>]`: each distro's
 * and container's directories with the ones on a Windows drive marked, how to move them and the cost when known;
 * `--measure` times (or, simulated, models) the boundary in one running distro instead. `--json` prints the
 * FilesReport, or the BoundaryCost with `--measure`.
 */
export function registerFilesCommand(program: Command, context: CliContext): void {
  const { run, io, setExitCode } = context;
  program
    .command('files')
    .description('working directories and bind mounts on Windows drives (slow across 9p), how to move them, and the cost')
    .option('--json', 'machine-readable output')
    .option('--distro <name>', 'only this distro')
    .option('--container <ref>', 'only this container (id or name)')
    .option('--measure <distro>', 'time a short read/write on a Windows drive and in the distro (modelled when simulated)')
    .action((opts: FilesOptions) => {
      if (opts.measure !== undefined && (opts.distro !== undefined || opts.container !== undefined)) {
        io.err('lightdock: --measure times one distro; it cannot be combined with --distro or --container.');
        setExitCode(1);
        return Promise.resolve();
      }
      if (opts.measure !== undefined) return run('files:measure', { name: opts.measure }, opts.json, formatCost);
      return run('files:report', { distro: opts.distro, container: opts.container }, opts.json, formatFilesReport);
    });
}
