import { readBackendChoice } from '../backend-choice';
import { EngineSetting, type Settings } from '../settings/settings';

/** Environment variable that picks the container engine (`auto`, `docker` or `simulated`). */
export const ENGINE_ENV = 'LIGHTDOCK_ENGINE';

/**
 * Environment first, then settings, then the platform default (`auto` everywhere: the real engine when it answers
 * a ping, else the simulated one). An unknown value is a VALIDATION error naming the accepted ones, never a fallback.
 */
export function selectEngineSetting(env: NodeJS.ProcessEnv, settings: Settings, _platform: NodeJS.Platform): EngineSetting {
  return readBackendChoice({ variable: ENGINE_ENV, env, accepted: EngineSetting.options, setting: settings.engine.kind, platformDefault: 'auto' });
}
