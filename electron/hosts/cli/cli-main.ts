import os from 'node:os';
import path from 'node:path';
import type { IpcErrorPayload } from '../../../shared/ipc/result';
import { resolveDataDir } from '../../services/app-paths';
import { systemClock } from '../../services/ports';
import { ServiceError } from '../../services/errors';
import { composeServices } from '../common/compose-services';
import { openConfSettingsStore } from '../common/conf-settings-store';
import { createInvokeDispatcher } from '../common/invoke-dispatcher';
import { createInvokeHandlers } from '../common/invoke-handlers';
import { CLI_LOG_FILE, CliLog, describeFsError } from './cli-log';
import { runCli } from './cli-program';
import type { CliIo, OpenDispatcher } from './cli-run';

/** The process facts the CLI runs with (`process.*` in `lightdock.ts`, chosen values in tests). */
export interface CliHost {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  homeDir?: string;
}

/** Why the services could not open: the data folder in words when the file system refused, else INTERNAL via the log. */
function openFailure(dataDir: string, error: unknown, log: CliLog): IpcErrorPayload {
  log.error('Lightdock could not open its services', error);
  if (error instanceof ServiceError) return { code: error.code, message: error.message };
  const fsReason = describeFsError(error);
  if (fsReason !== null) return { code: 'UNAVAILABLE', message: `Lightdock cannot use its data folder ${dataDir}: ${fsReason}.` };
  return log.explain({ code: 'INTERNAL', message: 'Lightdock could not open its services; the log has the details.' });
}

/**
 * Runs `lightdock <argv>` with the real services: everything is logged to `lightdock-cli.log` in the data
 * folder, and every failure (a refused request, a data folder that is a file or read-only, a crash) ends as one
 * sentence on stderr, `{"error":{"code","message"}}` on stdout with --json, and exit code 1. A sentence that
 * points at the log names its path, or carries the detail itself when the log could not be written.
 */
export function runLightdockCli(argv: string[], host: CliHost, io: CliIo): Promise<number> {
  const dataDir = resolveDataDir(host.env, host.platform, host.homeDir ?? os.homedir());
  const log = new CliLog(path.join(dataDir, CLI_LOG_FILE));
  const open: OpenDispatcher = () => {
    let services;
    try {
      services = composeServices({
        env: host.env,
        platform: host.platform,
        ...(host.homeDir === undefined ? {} : { homeDir: host.homeDir }),
        clock: systemClock,
        logger: log,
        openSettingsStore: openConfSettingsStore,
      });
    } catch (error) {
      const failure = openFailure(dataDir, error, log);
      return { dispatch: async () => ({ ok: false, error: failure }), close: () => undefined };
    }
    const dispatch = createInvokeDispatcher(createInvokeHandlers(services), log);
    return {
      dispatch: async (channel, request, client) => {
        const result = await dispatch(channel, request, client);
        return result.ok ? result : { ok: false, error: log.explain(result.error) };
      },
      close: () => services.dispose(),
      events: services.events,
    };
  };
  return runCli(argv, open, io, (error) => {
    log.error('lightdock failed', error);
    return log.explain({ code: 'INTERNAL', message: 'lightdock failed unexpectedly; the log has the details.' });
  });
}
