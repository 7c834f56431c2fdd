import type { ScenarioName } from '../../../shared/model/host';
import type { EngineHost } from '../docker/engine-lifecycle';
import type { Clock, Logger } from '../ports';
import type { Settings } from '../settings/settings';
import { WslCliBackend } from './cli/wsl-cli-backend';
import { WslEngineHost } from './cli/wsl-engine-host';
import { selectWslBackend, type WslBackendChoice } from './select-wsl-backend';
import { SimulatedWslBackend, type Sleep } from './simulated/simulated-wsl-backend';
import type { WslBackend } from './wsl-backend';

/** What building the WSL backend needs from the host. */
export interface WslBackendFactoryOptions {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  settings: Settings;
  dataDir: string;
  clock: Clock;
  logger: Logger;
  /** How the simulated host waits; tests pass one that moves their clock. */
  sleep?: Sleep;
}

/** The backend built, the simulated host's scenario (null for `wsl.exe`) and where the engine can be started (cli only). */
export interface BuiltWslBackend {
  backend: WslBackend;
  scenario: ScenarioName | null;
  engineHost: EngineHost | undefined;
}

/** The backend kind read and validated, and the backend not built yet. */
export interface WslBackendPlan {
  choice: WslBackendChoice;
  /** Builds the chosen backend (the simulated one reseeded when a scenario was asked for explicitly). */
  build(): BuiltWslBackend;
}

/**
 * Reads the backend kind (LIGHTDOCK_WSL_BACKEND, then settings `wsl.backend`, then the platform default: `cli` on
 * Windows, `simulated` elsewhere) and refuses an unknown value with a VALIDATION error naming the accepted ones;
 * nothing is built until `build()`.
 */
export function planWslBackend(options: WslBackendFactoryOptions): WslBackendPlan {
  const choice = selectWslBackend(options.env, options.settings, options.platform);
  return { choice, build: () => buildWslBackend(choice, options) };
}

/** Environment variable setting how long each step of a simulated long operation takes (ms, 0 to 60000); e2e tests slow them to cancel one. */
export const SIMULATED_STEP_MS_ENV = 'LIGHTDOCK_SIMULATED_STEP_MS';

function simulatedStepMs(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env[SIMULATED_STEP_MS_ENV];
  const value = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
  return Number.isInteger(value) && value >= 0 && value <= 60_000 ? value : undefined;
}

function buildWslBackend(choice: WslBackendChoice, options: WslBackendFactoryOptions): BuiltWslBackend {
  const { env, platform, logger } = options;
  if (choice.kind === 'cli') {
    const backend = new WslCliBackend({ env, platform, logger });
    const engineDistro = async (): Promise<string | null> => (await backend.listDistros()).find((distro) => distro.isDefault)?.name ?? null;
    return { backend, scenario: null, engineHost: new WslEngineHost({ env, platform, logger, engineDistro }) };
  }
  const stepMs = simulatedStepMs(env);
  const simulated = new SimulatedWslBackend(options.dataDir, choice.scenario, options.clock, logger, {
    ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
    ...(stepMs === undefined ? {} : { stepMs }),
  });
  if (choice.scenarioExplicit) simulated.reseedIfScenarioDiffers(choice.scenario);
  return { backend: simulated, scenario: simulated.scenario(), engineHost: undefined };
}
