import Conf from 'conf';
import { composeServices, type Services } from '../../electron/hosts/common/compose-services';
import { createInvokeDispatcher, type InvokeDispatcher } from '../../electron/hosts/common/invoke-dispatcher';
import { createInvokeHandlers } from '../../electron/hosts/common/invoke-handlers';
import type { Clock } from '../../electron/services/ports';
import type { Sleep } from '../../electron/services/wsl/simulated/simulated-wsl-backend';
import { RecordingLogger } from './recording';

/** Wall-clock time that a sleep skips ahead instead of waiting: the simulated VM boots and long operations step at once. */
export function skippingClock(): { clock: Clock; sleep: Sleep } {
  let skipped = 0;
  return {
    clock: { now: () => Date.now() + skipped },
    sleep: async (ms) => {
      skipped += ms;
    },
  };
}

/** Real services over the simulated host in `dataDir`, composed exactly as the plain Node hosts do, with time that skips waits. */
export function composeTestServices(dataDir: string, env: NodeJS.ProcessEnv = {}): { services: Services; dispatch: InvokeDispatcher; logger: RecordingLogger } {
  const logger = new RecordingLogger();
  const { clock, sleep } = skippingClock();
  const services = composeServices({
    env: { LIGHTDOCK_DATA_DIR: dataDir, LIGHTDOCK_WSL_BACKEND: 'simulated', ...env },
    platform: 'linux',
    clock,
    sleep,
    logger,
    openSettingsStore: (dir, name) => new Conf<Record<string, unknown>>({ cwd: dir, configName: name }),
  });
  return { services, dispatch: createInvokeDispatcher(createInvokeHandlers(services), logger), logger };
}
