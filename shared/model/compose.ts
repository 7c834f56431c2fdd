import { z } from 'zod';

/** A Compose project name as Compose accepts it (lowercase letters, digits, "_" and "-", starting with a letter or digit). */
export const ComposeProjectName = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,127}$/, 'Not a Compose project name.');
export type ComposeProjectName = z.infer<typeof ComposeProjectName>;

/** What can be done to a whole project. */
export const ComposeAction = z.enum(['up', 'down', 'restart', 'pull', 'logs']);
export type ComposeAction = z.infer<typeof ComposeAction>;

/** The Compose CLI Lightdock runs: `docker compose` (v2), else `docker-compose`, or none with how to get one. */
export const ComposeCli = z.object({
  available: z.boolean(),
  /** The argument vector prefix, e.g. ["docker", "compose"] or ["docker-compose"]. */
  command: z.array(z.string()),
  version: z.string().nullable(),
  /** When unavailable: what to install, in one or two sentences. */
  hint: z.string().nullable(),
  /** True on the simulated engine, whose projects are modelled. */
  simulated: z.boolean(),
});
export type ComposeCli = z.infer<typeof ComposeCli>;

/** One Compose project, from its containers' labels. */
export const ComposeProject = z.object({
  name: z.string(),
  /** `com.docker.compose.project.working_dir`. */
  workingDir: z.string().nullable(),
  /** `com.docker.compose.project.config_files`, absolute where the label allows. */
  configFiles: z.array(z.string()),
  services: z.array(z.string()),
  containers: z.number().int().nonnegative(),
  running: z.number().int().nonnegative(),
  /** Whether up/down/restart/pull can run: a working directory and config files that exist here. */
  actionable: z.boolean(),
  /** Why not, when not. */
  reason: z.string().nullable(),
});
export type ComposeProject = z.infer<typeof ComposeProject>;
