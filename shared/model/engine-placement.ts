import { z } from 'zod';

/**
 * Where the Docker engine's containers run, which decides where they sit in the memory breakdown and the
 * network map: inside a WSL distro (in the utility VM), directly on the Linux machine Lightdock runs on (no VM,
 * as on the test machines), on another machine, or nowhere (no engine answers).
 */
export const EnginePlacementKind = z.enum(['wsl-distro', 'linux-host', 'remote', 'none']);
export type EnginePlacementKind = z.infer<typeof EnginePlacementKind>;

/** The engine's placement with the distro it runs in (kind `wsl-distro`) and one sentence for people. */
export const EnginePlacement = z.object({
  kind: EnginePlacementKind,
  /** The WSL distro the engine runs in (kind `wsl-distro`), else null. */
  distro: z.string().nullable(),
  /** True when the engine is the simulated host's. */
  simulated: z.boolean(),
  description: z.string(),
});
export type EnginePlacement = z.infer<typeof EnginePlacement>;
