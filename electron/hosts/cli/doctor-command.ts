import type { Command } from 'commander';
import type { SetupCheck } from '../../../shared/model/setup-check';
import { reportFailure, request, type CliContext, type JsonOption } from './cli-run';

const MARK: Record<SetupCheck['status'], string> = { ok: 'ok  ', warn: 'warn', fail: 'FAIL', unknown: '?   ' };

/** One line per check: status, title, what was found, and the fix on offer. */
export function formatCheckLine(check: SetupCheck): string {
  const fix = check.status !== 'ok' && check.fix ? ` → ${check.fix.label}${check.fix.unavailableReason ? ` (unavailable: ${check.fix.unavailableReason})` : ''}` : '';
  return `${MARK[check.status]}  ${check.title}: ${check.detail}${fix}`;
}

/**
 * Adds `lightdock doctor [--json]`: runs the setup checks through the dispatcher, prints one line each (with
 * `--json`, the array of check objects) and exits 1 when a check fails.
 */
export function registerDoctorCommand(program: Command, context: CliContext): void {
  const { open, io, setExitCode } = context;
  program
    .command('doctor')
    .description('check this machine for WSL 2 and Docker (the setup wizard\'s checks); exits 1 when one fails')
    .option('--json', 'machine-readable output (an array of checks)')
    .action(async (opts: JsonOption) => {
      const { dispatch, close } = open();
      try {
        const result = await request(dispatch, 'setup:checks', {});
        if (!result.ok) return reportFailure(context, opts.json, result.error);
        const report = result.value;
        io.out(opts.json ? JSON.stringify(report.checks, null, 2) : report.checks.map(formatCheckLine).join('\n'));
        if (!opts.json && report.rebootPending) io.err('lightdock: Windows has a restart pending; run lightdock doctor again after it.');
        if (report.checks.some((check) => check.status === 'fail')) setExitCode(1);
      } finally {
        close();
      }
    });
}
