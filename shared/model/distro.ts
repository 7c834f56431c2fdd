import { z } from 'zod';

/** WSL's distro-name grammar (`s_ValidateDistroName`): letters, digits, `.`, `_`, `-`, 1–256 chars, never `Legacy`. */
export const DISTRO_NAME_PATTERN = /^[a-zA-Z0-9._-]{1,256}$/;

/** A distro name as wsl.exe accepts it; anything else is refused before it reaches a backend. */
export const DistroName = z
  .string()
  .regex(DISTRO_NAME_PATTERN, 'A distro name may contain only letters, digits, ".", "_" and "-" (1 to 256 characters).')
  .refine((name) => name.toLowerCase() !== 'legacy', 'A distro cannot be named "Legacy".');
export type DistroName = z.infer<typeof DistroName>;

/** The state words `wsl -l -v` prints (hard-coded English in every locale). */
export const DistroState = z.enum(['Running', 'Stopped', 'Installing', 'Uninstalling', 'Converting', 'Exporting']);
export type DistroState = z.infer<typeof DistroState>;

/** WSL version of a distro: 1 (no VM) or 2 (inside the utility VM). */
export const WslVersion = z.union([z.literal(1), z.literal(2)]);
export type WslVersion = z.infer<typeof WslVersion>;

/** One row of `wsl -l -v`, with the model's field names used by IPC and `--json`. */
export const Distro = z.object({
  name: DistroName,
  state: DistroState,
  version: WslVersion,
  isDefault: z.boolean(),
});
export type Distro = z.infer<typeof Distro>;
