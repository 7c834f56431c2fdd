import path from 'node:path';
import { z } from 'zod';
import type { EngineKind } from '../../../shared/model/engine';
import type { EngineLifecycle, EngineLifecycleState } from '../../../shared/model/engine-lifecycle';
import type { Clock, Logger } from '../ports';
import { JsonStateFile } from '../storage/json-state-file';
import { remoteHostOf } from './endpoint/endpoint-host';

/** The service manager of a machine Lightdock may start and stop a Docker engine on (the engine's WSL distro). */
export interface EngineHost {
  /** Starts the engine's service; resolves once the service manager reports success, rejects with a ServiceError. */
  start(): Promise<void>;
  /** Stops the engine's service; resolves once the service manager reports success, rejects with a ServiceError. */
  stop(): Promise<void>;
}

/** File name, inside the data directory, of whether the simulated engine runs (shared by every process). */
export const SIMULATED_POWER_FILE = 'simulated-engine-power.json';

/** Whether the simulated engine runs; seeded as running. */
export const SimulatedPower = z.object({ running: z.boolean() }).strict();
export type SimulatedPower = z.infer<typeof SimulatedPower>;

/** The simulated engine's power switch, persisted so the CLI, the browser host and the desktop app agree. */
export function openSimulatedPower(dataDir: string, clock: Clock, logger: Logger): JsonStateFile<SimulatedPower> {
  return new JsonStateFile(path.join(dataDir, SIMULATED_POWER_FILE), SimulatedPower, () => ({ running: true }), clock, logger);
}

/** The one sentence every call answers while the simulated engine is stopped. */
export const SIMULATED_STOPPED_MESSAGE = 'The simulated Docker engine is stopped; start it with Quick actions or `lightdock engine start`.';

/** What decides whether Lightdock may start and stop an engine. */
export interface EngineWhere {
  kind: EngineKind;
  endpoint: string;
  context: string | null;
}

/**
 * Whether Lightdock may start and stop this engine, and if not, why in one sentence: the simulated engine always;
 * a real one only through an EngineHost (the cli WSL backend) and only when it is local and not Docker Desktop's pipe.
 */
export function manageabilityOf(where: EngineWhere, hasHost: boolean): { manageable: boolean; reason: string | null } {
  if (where.kind === 'simulated') return { manageable: true, reason: null };
  const scheme = where.endpoint.split(':', 1)[0] ?? '';
  if (remoteHostOf(where.endpoint) !== null) {
    const named = where.context === null ? 'The Docker engine' : `The Docker context '${where.context}'`;
    return { manageable: false, reason: `${named} at ${where.endpoint} runs on another machine, so Lightdock cannot start or stop it.` };
  }
  if (!hasHost) {
    return { manageable: false, reason: `Lightdock did not start the Docker engine at ${where.endpoint}, so it cannot start or stop it; use the tool that runs it.` };
  }
  if (scheme === 'npipe') {
    return { manageable: false, reason: `The Docker engine at ${where.endpoint} is Docker Desktop's or Windows' own; Lightdock starts and stops only an engine inside a WSL distro.` };
  }
  return { manageable: true, reason: null };
}

/** Builds the lifecycle record; `since` is kept while the state stays the same. */
export function lifecycleRecord(
  previous: EngineLifecycle | null,
  state: EngineLifecycleState,
  manage: { manageable: boolean; reason: string | null },
  message: string | null,
  now: number,
): EngineLifecycle {
  return { state, manageable: manage.manageable, reason: manage.reason, message, since: previous !== null && previous.state === state ? previous.since : now };
}

/** True when two lifecycle records say the same thing (the push is skipped). */
export function sameLifecycle(a: EngineLifecycle | null, b: EngineLifecycle): boolean {
  return a !== null && a.state === b.state && a.manageable === b.manageable && a.reason === b.reason && a.message === b.message;
}
