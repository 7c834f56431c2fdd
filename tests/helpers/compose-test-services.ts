import { afterEach, beforeEach } from 'vitest';
import Conf from 'conf';
import { composeServices, type Services } from '../../electron/hosts/common/compose-services';
import { createInvokeDispatcher, type InvokeDispatcher } from '../../electron/hosts/common/invoke-dispatcher';
import { createInvokeHandlers } from '../../electron/hosts/common/invoke-handlers';
import type { Clock } from '../../electron/services/ports';
import type { Sleep } from '../../electron/services/wsl/simulated/simulated-wsl-backend';
import { RecordingLogger } from './recording';
import { makeTempDir } from './temp-dir';

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

/**
 * Real services over the simulated host in `dataDir`, composed exactly as the plain Node hosts do, with time that skips
 * waits. Their home is `env.HOME`, else `dataDir`, never this user's: Docker's config and contexts stay in the test's folder.
 */
export function composeTestServices(dataDir: string, env: NodeJS.ProcessEnv = {}): { services: Services; dispatch: InvokeDispatcher; logger: RecordingLogger } {
  const logger = new RecordingLogger();
  const { clock, sleep } = skippingClock();
  const services = composeServices({
    env: { LIGHTDOCK_DATA_DIR: dataDir, LIGHTDOCK_WSL_BACKEND: 'simulated', ...env },
    platform: 'linux',
    homeDir: env['HOME'] ?? dataDir,
    clock,
    sleep,
    logger,
    openSettingsStore: (dir, name) => new Conf<Record<string, unknown>>({ cwd: dir, configName: name }),
  });
  return { services, dispatch: createInvokeDispatcher(createInvokeHandlers(services), logger), logger };
}

/** The services a test got from `useSimulatedTestServices`, and their data folder. */
export interface SimulatedTestServices {
  readonly services: Services;
  readonly dataDir: string;
}

/** Composes fresh services over the simulated host and engine in a temp folder before each test and disposes them after. */
export function useSimulatedTestServices(): SimulatedTestServices {
  let temp: ReturnType<typeof makeTempDir> | undefined;
  let current: Services | undefined;
  beforeEach(() => {
    temp = makeTempDir();
    current = composeTestServices(temp.dir, { LIGHTDOCK_ENGINE: 'simulated' }).services;
  });
  afterEach(() => {
    current?.dispose();
    temp?.cleanup();
  });
  const inTest = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The services exist only inside a test.');
    return value;
  };
  return {
    get services() {
      return inTest(current);
    },
    get dataDir() {
      return inTest(temp).dir;
    },
  };
}
