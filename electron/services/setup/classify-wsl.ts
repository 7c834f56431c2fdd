import { parseWslStatus } from '../wsl/cli/parse-status';
import { parseWslVersion } from '../wsl/cli/parse-version';
import type { WslProbe } from './setup-ports';

/** wsl.exe's own failure (-1 as an unsigned 32-bit exit code). */
export const WSL_EXIT_FAILURE = 0xffffffff;
/** The inbox wsl.exe's `--status` when the kernel is missing (0xFFFFFE44, -444). */
export const WSL_EXIT_NO_KERNEL = 0xfffffe44;
/** The inbox stub's `--status` when WSL is not installed. */
export const WSL_EXIT_NOT_INSTALLED = 50;

/** What answers as wsl.exe, told apart by exit codes and layout only (never by localized sentences). */
export type WslKind =
  | { kind: 'none' }
  | { kind: 'stub' }
  | { kind: 'inbox'; kernelVersion: string | null; kernelMissing: boolean }
  | { kind: 'store'; wslVersion: string; kernelVersion: string }
  | { kind: 'unknown'; reason: string };

/** Normalizes an exit code to unsigned 32 bits (Node on Windows reports -1 as 4294967295, elsewhere it may be -1). */
export function unsignedExit(code: number | null): number | null {
  return code === null ? null : code >>> 0;
}

/**
 * Reads `wsl --version` and `wsl --status`: exit 0 with seven version lines is the Store WSL; the inbox
 * wsl.exe rejects `--version` (exit -1) and answers `--status` (0, or -444 without a kernel); the stub that
 * only offers to install exits 1 (50 for `--status`); no wsl.exe at all is a Windows too old for WSL.
 */
export function classifyWsl(probe: WslProbe): WslKind {
  if (probe.version.missing && probe.status.missing) return { kind: 'none' };
  const versionExit = unsignedExit(probe.version.exitCode);
  const statusExit = unsignedExit(probe.status.exitCode);
  if (versionExit === 0) {
    const parsed = parseWslVersion(probe.version.text);
    if (parsed) return { kind: 'store', wslVersion: parsed.wslVersion, kernelVersion: parsed.kernelVersion };
    return { kind: 'unknown', reason: 'wsl --version answered with a layout Lightdock does not know.' };
  }
  if (statusExit === WSL_EXIT_NOT_INSTALLED || (versionExit === 1 && statusExit === 1)) return { kind: 'stub' };
  if (versionExit === WSL_EXIT_FAILURE && (statusExit === 0 || statusExit === WSL_EXIT_NO_KERNEL)) {
    const kernelMissing = statusExit === WSL_EXIT_NO_KERNEL;
    return { kind: 'inbox', kernelVersion: kernelMissing ? null : parseWslStatus(probe.status.text).kernelVersion, kernelMissing };
  }
  if (versionExit === null || statusExit === null) return { kind: 'unknown', reason: 'wsl.exe did not finish in time.' };
  return { kind: 'unknown', reason: `wsl --version exited with ${versionExit} and wsl --status with ${statusExit}.` };
}
