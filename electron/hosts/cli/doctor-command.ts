import type { Command } from 'commander';
import type { SetupCheck, SetupReport } from '../../../shared/model/setup-check';
import type { CliIo, OpenDispatcher } from './cli-program';

/** What `doctor` needs from the program: raw dispatcher access (it prints the checks, not the whole report). */
export interface DoctorContext {
  open: OpenDispatcher;
  io: CliIo;
  setExitCode: (code: number) => void;
}

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
export function registerDoctorCommand(program: Command, { open, io, setExitCode }: DoctorContext): void {
  program
    .command('doctor')
    .description('check this machine for WSL 2 and Docker (the setup wizard\'s checks); exits 1 when one fails')
    .option('--json', 'machine-readable output (an array of checks)')
    .action(async (opts: { json?: boolean }) => {
      const { dispatch, close } = open();
      try {
        const result = await dispatch('setup:checks', {}, { id: 'cli' });
        if (!result.ok) {
          if (opts.json) io.out(JSON.stringify({ error: result.error }, null, 2));
          io.err(`lightdock: ${result.error.message}`);
          setExitCode(1);
          return;
        }
        const report = result.value as SetupReport;
        io.out(opts.json ? JSON.stringify(report.checks, null, 2) : report.checks.map(formatCheckLine).join('\n'));
        if (!opts.json && report.rebootPending) io.err('lightdock: Windows has a restart pending; run lightdock doctor again after it.');
        if (report.checks.some((check) => check.status === 'fail')) setExitCode(1);
      } finally {
        close();
      }
    });
}
