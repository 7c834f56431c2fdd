import { ServiceError } from '../errors';
import { EngineSetting, type Settings } from '../settings/settings';

/** Environment variable that picks the container engine (`docker`, `simulated` or `auto`). */
export const ENGINE_ENV = 'LIGHTDOCK_ENGINE';

/**
 * Environment first, then settings (default `auto`: the real engine when it answers a ping, else the
 * simulated one). An unknown value is a VALIDATION error naming the accepted ones, never a silent fallback.
 */
export function selectEngineSetting(env: NodeJS.ProcessEnv, settings: Settings): EngineSetting {
  const raw = env[ENGINE_ENV];
  if (raw !== undefined && raw !== '') {
    const parsed = EngineSetting.safeParse(raw);
    if (!parsed.success) throw new ServiceError('VALIDATION', `${ENGINE_ENV} must be "docker", "simulated" or "auto", not "${raw}".`);
    return parsed.data;
  }
  return settings.engine.kind;
}
