import Conf from 'conf';
import { composeServices, type Services } from '../../electron/hosts/common/compose-services';
import { createInvokeDispatcher, type InvokeDispatcher } from '../../electron/hosts/common/invoke-dispatcher';
import { createInvokeHandlers } from '../../electron/hosts/common/invoke-handlers';
import { systemClock } from '../../electron/services/ports';
import { RecordingLogger } from './recording';

/** Real services over the simulated host in `dataDir`, composed exactly as the plain Node hosts do. */
export function composeTestServices(dataDir: string, env: NodeJS.ProcessEnv = {}): { services: Services; dispatch: InvokeDispatcher; logger: RecordingLogger } {
  const logger = new RecordingLogger();
  const services = composeServices({
    env: { LIGHTDOCK_DATA_DIR: dataDir, LIGHTDOCK_WSL_BACKEND: 'simulated', ...env },
    platform: 'linux',
    clock: systemClock,
    logger,
    openSettingsStore: (dir, name) => new Conf<Record<string, unknown>>({ cwd: dir, configName: name }),
  });
  return { services, dispatch: createInvokeDispatcher(createInvokeHandlers(services), logger), logger };
}
