import { z } from 'zod';

/** WSL's distro-name grammar (`s_ValidateDistroName`): letters, digits, `.`, `_`, `-`, 1–256 chars, never `Legacy`. */
export const DISTRO_NAME_PATTERN = /^[a-zA-Z0-9._-]{1,256}$/;

/** A distro name as wsl.exe accepts it; anything else is refused before it reaches a backend. */
export const DistroName = z
  .string()
  .regex(DISTRO_NAME_PATTERN, 'A distro name may contain only letters, digits, ".", "_" and "-" (1 to 256 characters).')
  .refine((name) => name.toLowerCase() !== 'legacy', 'A distro cannot be named "Legacy".');
export type DistroName = z.infer<typeof DistroName>;

/** The state words `wsl -l -v` prints (hard-coded English in every locale), plus `Unknown` for any other word. */
export const DistroState = z.enum(['Running', 'Stopped', 'Installing', 'Uninstalling', 'Converting', 'Exporting', 'Unknown']);
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
  /** The word wsl.exe printed, kept only when `state` is `Unknown`. */
  rawState: z.string().optional(),
});
export type Distro = z.infer<typeof Distro>;

/** A Windows or POSIX absolute path (export targets, import sources, install folders); never relative, never a NUL. */
export const AbsolutePath = z
  .string()
  .min(2)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'A path cannot contain a NUL character.')
  .refine((p) => /^(?:[A-Za-z]:[\\/]|\\\\|\/)/.test(p), 'The path must be absolute (for example C:\\backups\\ubuntu.tar).');

/** One mount inside a distro, as /proc/mounts shows it (`/mnt/c` from `C:\` over 9p, and the rest). */
export const DistroMount = z.object({
  target: z.string(),
  source: z.string(),
  fsType: z.string(),
  options: z.string(),
});
export type DistroMount = z.infer<typeof DistroMount>;

/** A WSL2 distro's ext4 VHDX: its size on the host, the space used inside, the cap, and what compacting would return. */
export const DistroDisk = z.object({
  path: z.string(),
  fileSizeBytes: z.number().int().nonnegative(),
  usedBytes: z.number().int().nonnegative().nullable(),
  maxSizeBytes: z.number().int().nonnegative(),
  sparse: z.boolean(),
  reclaimableBytes: z.number().int().nonnegative().nullable(),
});
export type DistroDisk = z.infer<typeof DistroDisk>;

/** Everything the distro detail view and `lightdock distros show --json` print. WSL1 distros have no disk. */
export const DistroDetail = Distro.extend({
  id: z.string().nullable(),
  basePath: z.string().nullable(),
  disk: DistroDisk.nullable(),
  mounts: z.array(DistroMount),
  ip: z.string().nullable(),
  osName: z.string().nullable(),
  defaultUser: z.string().nullable(),
  systemd: z.boolean().nullable(),
});
export type DistroDetail = z.infer<typeof DistroDetail>;

/** A distro `wsl --install` can fetch (`wsl -l -o`). */
export const OnlineDistro = z.object({ name: DistroName, friendlyName: z.string() });
export type OnlineDistro = z.infer<typeof OnlineDistro>;
