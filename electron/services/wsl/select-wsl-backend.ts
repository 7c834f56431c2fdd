import { WslBackendKind, ScenarioName } from '../../../shared/model/host';
import { readBackendChoice } from '../backend-choice';
import { ServiceError } from '../errors';
import type { Settings } from '../settings/settings';

/** Environment variable that picks the WSL backend (`simulated` or `cli`). */
export const WSL_BACKEND_ENV = 'LIGHTDOCK_WSL_BACKEND';
/** Environment variable that picks the simulated host's scenario. */
export const SCENARIO_ENV = 'LIGHTDOCK_SCENARIO';

/** The chosen backend and, for the simulated one, its scenario and whether it was asked for explicitly. */
export interface WslBackendChoice {
  kind: WslBackendKind;
  scenario: ScenarioName;
  scenarioExplicit: boolean;
}

/**
 * Environment first, then settings, then the platform default (`cli` on Windows, `simulated` elsewhere).
 * An unknown value is an error naming the accepted ones, never a silent fallback.
 */
export function selectWslBackend(env: NodeJS.ProcessEnv, settings: Settings, platform: NodeJS.Platform): WslBackendChoice {
  const kind = readBackendChoice({
    variable: WSL_BACKEND_ENV,
    env,
    accepted: WslBackendKind.options,
    setting: settings.wsl.backend,
    platformDefault: platform === 'win32' ? 'cli' : 'simulated',
  });
  const rawScenario = env[SCENARIO_ENV];
  if (rawScenario !== undefined && rawScenario !== '') {
    const parsed = ScenarioName.safeParse(rawScenario);
    if (!parsed.success) {
      throw new ServiceError('VALIDATION', `${SCENARIO_ENV} must be one of ${ScenarioName.options.join(', ')}, not "${rawScenario}".`);
    }
    return { kind, scenario: parsed.data, scenarioExplicit: true };
  }
  return { kind, scenario: settings.wsl.scenario, scenarioExplicit: false };
}
