import type { EngineSetting } from '../settings/settings';
import type { EngineHost } from './engine-lifecycle';
import { EngineService, type EngineServiceOptions } from './engine-service';
import { selectEngineSetting } from './select-engine';

/** What building the engine service needs from the host: everything but the kind, which the factory reads. */
export type EngineFactoryOptions = Omit<EngineServiceOptions, 'kind'>;

/** The engine setting read and validated, and the service not built yet (the WSL backend may bring its EngineHost). */
export interface EngineServicePlan {
  kind: EngineSetting;
  /** Builds the service, which connects nothing until first used (`auto` is decided there by a ping). */
  build(engineHost?: EngineHost): EngineService;
}

/**
 * Reads the engine setting (LIGHTDOCK_ENGINE, then settings `engine.kind`, then the platform default `auto`) and
 * refuses an unknown value with a VALIDATION error naming the accepted ones; nothing is built until `build()`.
 */
export function planEngineService(options: Omit<EngineFactoryOptions, 'engineHost'>): EngineServicePlan {
  const kind = selectEngineSetting(options.env, options.settings, options.platform);
  return { kind, build: (engineHost) => new EngineService({ ...options, kind, ...(engineHost === undefined ? {} : { engineHost }) }) };
}

