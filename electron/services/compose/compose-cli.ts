import type { ComposeCli } from '../../../shared/model/compose';
import type { Logger } from '../ports';
import { execFileRunner } from '../wsl/cli/process-runner';

/** What to install when neither `docker compose` nor `docker-compose` answers. */
export const COMPOSE_INSTALL_HINT =
  'Install Docker Compose: with Docker Engine, `sudo apt install docker-compose-plugin` (gives `docker compose`) or `docker-compose`; Docker Desktop includes it.';
/** How long one `version` call may take. */
export const DETECT_TIMEOUT_MS = 5_000;
const VERSION = /^v?\d+\.\d+(?:\.\d+)?[0-9A-Za-z.+-]{0,40}$/;

/** The Compose commands tried, in order: the v2 plugin, then the standalone binary. */
export const COMPOSE_CANDIDATES: readonly (readonly string[])[] = [['docker', 'compose'], ['docker-compose']];

/** The version a `version --short` call printed ('' when it exited 0 without one), or null when it failed or did not start. */
async function versionOf(file: string, args: readonly string[], env: NodeJS.ProcessEnv, logger: Logger): Promise<string | null> {
  const argv = [...args, 'version', '--short'];
  logger.info('compose: detecting the CLI', { argv: [file, ...argv] });
  const result = await execFileRunner.run(file, argv, { env, timeoutMs: DETECT_TIMEOUT_MS }).catch(() => null);
  if (result === null || result.exitCode !== 0 || result.timedOut || (result.overflow ?? null) !== null) return null;
  const first = result.stdout.toString('utf8').split(/\r?\n/).map((line) => line.trim()).find((line) => line !== '') ?? '';
  return VERSION.test(first) ? first : '';
}

/**
 * Finds the user's Compose CLI: `docker compose version --short`, else `docker-compose version --short` (argument
 * arrays, no shell, 5 s each, the output bounded by the shared process runner). A command that exits 0 is the CLI (its version when the output
 * reads as one, else null); when neither does, `available` is false with COMPOSE_INSTALL_HINT.
 */
export async function detectComposeCli(env: NodeJS.ProcessEnv, logger: Logger): Promise<ComposeCli> {
  for (const [file, ...args] of COMPOSE_CANDIDATES) {
    if (file === undefined) continue;
    const version = await versionOf(file, args, env, logger);
    if (version !== null) return { available: true, command: [file, ...args], version: version === '' ? null : version, hint: null, simulated: false };
  }
  logger.info('compose: no Compose CLI found');
  return { available: false, command: [], version: null, hint: COMPOSE_INSTALL_HINT, simulated: false };
}
