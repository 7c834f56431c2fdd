import path from 'node:path';
import { ServiceError } from '../../errors';
import { decodeRegOutput } from './decode-output';
import { LXSS_KEY, parseLxssRegistry, type LxssRegistry } from './parse-reg-query';
import type { ProcessRunner } from './process-runner';

/** Environment variable holding the full path of the reg.exe to run (a test double on Linux). */
export const REG_EXE_ENV = 'LIGHTDOCK_REG_EXE';

/** `LIGHTDOCK_REG_EXE` when set, else `%SystemRoot%\System32\reg.exe` (`C:\Windows` when unset). */
export function resolveRegExe(env: NodeJS.ProcessEnv, systemRoot: string | undefined): string {
  const explicit = env[REG_EXE_ENV];
  if (explicit !== undefined && explicit.trim() !== '') return explicit;
  return path.win32.join(systemRoot ?? 'C:\\Windows', 'System32', 'reg.exe');
}

const EMPTY: LxssRegistry = { defaultDistributionId: null, defaultVersion: null, natIpAddress: null, distros: [] };

/**
 * Runs `reg.exe query HKCU\…\Lxss /s` and parses it. reg.exe exits 1 with a localized line on stderr
 * and nothing on stdout when the key does not exist (no distro was ever registered): that is an empty
 * registry. Any other failure is an INTERNAL `ServiceError` with the exit code.
 */
export async function readLxssRegistry(runner: ProcessRunner, exe: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<LxssRegistry> {
  let result;
  try {
    result = await runner.run(exe, ['query', LXSS_KEY, '/s'], { env, timeoutMs });
  } catch (error) {
    throw new ServiceError('INTERNAL', `reg.exe at ${exe} could not be started (${(error as NodeJS.ErrnoException).code ?? String(error)}).`, {
      code: null,
      exitCode: null,
    });
  }
  if (result.timedOut) throw new ServiceError('TIMEOUT', `reg.exe did not read the WSL registry within ${timeoutMs / 1000} seconds.`);
  if (result.overflow) {
    throw new ServiceError('INTERNAL', `reg.exe printed more than ${result.overflow.limitBytes} bytes on ${result.overflow.stream}; the WSL registry was not read.`, {
      code: null,
      exitCode: result.exitCode,
    });
  }
  const output = decodeRegOutput(result.stdout);
  if (result.exitCode === 1 && output.trim() === '') return EMPTY;
  if (result.exitCode !== 0) {
    throw new ServiceError('INTERNAL', `reg.exe could not read the WSL registry (exit code ${result.exitCode}).`, { code: null, exitCode: result.exitCode });
  }
  return parseLxssRegistry(output);
}
