import { ServiceError } from '../../errors';
import { parseWslErrorCode } from './parse-wsl-error';
import type { RunOverflow, RunResult } from './process-runner';

/**
 * wsl.exe ends every failure of its own with exit code -1, which Node reports as 4294967295 on
 * Windows; on Linux (the test double) -1 becomes 255. Any other non-zero code without a `Wsl/…` code
 * comes from the inbox stub of a machine without WSL (1, or 50 for `--status`) or from a Linux process.
 */
function isWslExeFailureExit(exitCode: number | null): boolean {
  return exitCode === 4294967295 || exitCode === -1 || exitCode === 255;
}

/** Codes that mean WSL cannot run on this machine yet: a Windows component or virtualization is missing. */
const UNAVAILABLE_TAILS = new Set([
  'WSL_E_WSL_OPTIONAL_COMPONENT_REQUIRED',
  'WSL_E_VIRTUAL_MACHINE_PLATFORM_REQUIRED',
  'HCS_E_HYPERV_NOT_INSTALLED',
  'HCS_E_SERVICE_NOT_AVAILABLE',
  '0x80370102',
  '0x80370114',
]);

/** Codes that mean the request clashes with the distro's current state (running, same version, name taken). */
const CONFLICT_TAILS = new Set([
  'WSL_E_DISTRO_NOT_STOPPED',
  'WSL_E_VM_MODE_INVALID_STATE',
  'WSL_E_WSL2_NEEDED',
  'WSL_E_VM_MODE_NOT_SUPPORTED',
  'ERROR_ALREADY_EXISTS',
  'E_ILLEGAL_STATE_CHANGE',
]);

/** One wsl.exe call that did not succeed: what it was for, what it returned and its decoded stdout. */
export interface FailedCall {
  action: string;
  result: RunResult;
  output: string;
  timeoutMs: number;
  /** True for `--exec` calls, whose exit code is the Linux process's own. */
  runsLinux?: boolean;
}

/**
 * Turns a failed call into the one `ServiceError` services throw, by the `Wsl/…` code and the exit
 * code only (never by a localized sentence): NOT_FOUND for WSL_E_DISTRO_NOT_FOUND, CONFLICT when the
 * distro's state forbids it, UNAVAILABLE when WSL is missing or cannot run or the network is unreachable,
 * TIMEOUT, INTERNAL naming the signal when one killed it, otherwise INTERNAL; `details` is `{ code, exitCode }`
 * (plus `signal` for a kill).
 */
export function failureToServiceError(call: FailedCall): ServiceError {
  const { exitCode, timedOut } = call.result;
  if (timedOut) {
    return new ServiceError('TIMEOUT', `wsl.exe did not ${call.action} within ${call.timeoutMs / 1000} seconds.`, {
      code: null,
      exitCode,
    });
  }
  const signal = call.result.signal ?? null;
  if (signal !== null) {
    return new ServiceError('INTERNAL', `wsl.exe was killed by the signal ${signal} before it could ${call.action}.`, { code: null, exitCode, signal });
  }
  const parsed = parseWslErrorCode(call.output);
  const details = { code: parsed?.code ?? null, exitCode };
  if (parsed?.tail === 'WSL_E_DISTRO_NOT_FOUND') {
    return new ServiceError('NOT_FOUND', `wsl.exe could not ${call.action}: there is no distro by that name.`, details);
  }
  if (parsed && CONFLICT_TAILS.has(parsed.tail)) {
    return new ServiceError('CONFLICT', `wsl.exe could not ${call.action}: the distro is not in a state that allows it (${parsed.code}).`, details);
  }
  if (parsed?.tail.startsWith('WININET_E_')) {
    return new ServiceError('UNAVAILABLE', `wsl.exe could not ${call.action}: the download server cannot be reached (${parsed.code}).`, details);
  }
  if (parsed && UNAVAILABLE_TAILS.has(parsed.tail)) {
    return new ServiceError('UNAVAILABLE', `WSL cannot run on this machine yet: a Windows component or virtualization is missing (${parsed.code}).`, details);
  }
  if (!parsed && !call.runsLinux && !isWslExeFailureExit(exitCode)) {
    return new ServiceError('UNAVAILABLE', `WSL does not appear to be installed: wsl.exe exited with code ${exitCode} without a WSL error code.`, details);
  }
  const reason = parsed ? parsed.code : `exit code ${exitCode}`;
  return new ServiceError('INTERNAL', `wsl.exe could not ${call.action} (${reason}).`, details);
}

/** The error for a wsl.exe that printed more than the runner's cap on one stream (it was killed, nothing is read). */
export function overflowToServiceError(action: string, overflow: RunOverflow, exitCode: number | null): ServiceError {
  const limit = overflow.limitBytes >= 1024 * 1024 ? `${overflow.limitBytes / (1024 * 1024)} MiB` : `${overflow.limitBytes} bytes`;
  return new ServiceError(
    'INTERNAL',
    `wsl.exe printed more than ${limit} on ${overflow.stream} when asked to ${action}; Lightdock stopped it and ignored the output.`,
    { code: null, exitCode, overflow: overflow.stream },
  );
}

/** The error for wsl.exe output that is not what the command prints (no table, a broken row, bytes it never prints). */
export function unrecognisedOutputToServiceError(action: string, command: string, reason: string, exitCode: number | null): ServiceError {
  return new ServiceError('INTERNAL', `wsl.exe printed output Lightdock does not recognise when asked to ${action} ("${command}": ${reason}).`, {
    code: null,
    exitCode,
  });
}

/** The error for a wsl.exe that cannot be started at all (missing file, no permission). */
export function spawnFailureToServiceError(exe: string, platform: NodeJS.Platform, error: unknown): ServiceError {
  const errno = (error as NodeJS.ErrnoException).code;
  if (errno === 'ENOENT') {
    const hint = platform === 'win32' ? 'WSL is not installed' : 'wsl.exe exists only on Windows (set LIGHTDOCK_WSL_EXE to a stand-in)';
    return new ServiceError('UNAVAILABLE', `wsl.exe was not found at ${exe}: ${hint}.`, { code: null, exitCode: null });
  }
  return new ServiceError('INTERNAL', `wsl.exe at ${exe} could not be started (${errno ?? String(error)}).`, { code: null, exitCode: null });
}
