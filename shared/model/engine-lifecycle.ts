import { z } from 'zod';

/** Where the Docker engine is in its life, as Lightdock shows it in every view and in the tray icon. */
export const EngineLifecycleState = z.enum(['stopped', 'starting', 'running', 'stopping', 'error']);
export type EngineLifecycleState = z.infer<typeof EngineLifecycleState>;

/** The engine's lifecycle and whether Lightdock may start and stop it (`reason` says why not, in one sentence). */
export const EngineLifecycle = z.object({
  state: EngineLifecycleState,
  /** True when Lightdock can start and stop this engine (the simulated one, or one in a WSL distro). */
  manageable: z.boolean(),
  /** Why Lightdock cannot start or stop it; null when it can. */
  reason: z.string().nullable(),
  /** One sentence about the last failure (state `error`); null otherwise. */
  message: z.string().nullable(),
  since: z.number().int(),
});
export type EngineLifecycle = z.infer<typeof EngineLifecycle>;
