import { z } from 'zod';

/** Where a directory's files are: on a Windows drive (across the 9p boundary), in Linux's own filesystem, a Docker volume, tmpfs, or unknown. */
export const FileLocation = z.enum(['windows-drive', 'linux', 'volume', 'tmpfs', 'unknown']);
export type FileLocation = z.infer<typeof FileLocation>;

/** One directory a distro's processes or a container work in. */
export const FileEntry = z.object({
  kind: z.enum(['working-directory', 'bind-mount', 'volume', 'tmpfs']),
  /** The path inside the distro or container (`/mnt/c/Users/alex/web`, `/app`). */
  path: z.string().max(4096),
  /** Where it comes from: the bind mount's host path or the volume's name; null for a working directory. */
  source: z.string().max(4096).nullable(),
  location: FileLocation,
  /** The Windows drive letter (upper case) when on a Windows drive. */
  drive: z.string().regex(/^[A-Z]$/).nullable(),
  /** True when reads and writes go across the boundary to Windows (9p/DrvFs). */
  crossesBoundary: z.boolean(),
  /** The processes working there (`node`, `npm`), for working directories. */
  processes: z.array(z.string().max(256)).max(32),
});
export type FileEntry = z.infer<typeof FileEntry>;

/** Throughput of one filesystem in MB/s (10^6 bytes a second). */
export const Throughput = z.object({ readMBps: z.number().nonnegative(), writeMBps: z.number().nonnegative() });
export type Throughput = z.infer<typeof Throughput>;

/** What crossing the boundary costs in one distro: a short timed read/write on a Windows drive and in the distro's ext4. */
export const BoundaryCost = z.object({
  distro: z.string(),
  windowsDrive: Throughput,
  linux: Throughput,
  /** How many times slower the Windows drive is (the worse of read and write). */
  slowdown: z.number().nonnegative(),
  /** True when timed for real in the distro; false when modelled (the simulated host). */
  measured: z.boolean(),
  /** How it was measured or modelled, in one sentence. */
  method: z.string(),
  at: z.number().int(),
});
export type BoundaryCost = z.infer<typeof BoundaryCost>;

/** How to move a project off the Windows drive: one sentence and the exact commands, with the distro's home path. */
export const MoveAdvice = z.object({
  /** The entry's path this advice is for. */
  path: z.string(),
  target: z.string(),
  text: z.string(),
  commands: z.array(z.string()).max(16),
});
export type MoveAdvice = z.infer<typeof MoveAdvice>;

/** One distro or container and the directories it works in. */
export const FilesSubject = z.object({
  kind: z.enum(['distro', 'container']),
  /** The distro's name or the container's id. */
  id: z.string(),
  name: z.string(),
  running: z.boolean(),
  /** The distro's home directory of its default user (for a container, of the engine's distro), null when unknown. */
  homePath: z.string().nullable(),
  entries: z.array(FileEntry).max(500),
  advice: z.array(MoveAdvice).max(500),
  /** The measured or modelled cost of crossing the boundary here, null until measured. */
  cost: BoundaryCost.nullable(),
});
export type FilesSubject = z.infer<typeof FilesSubject>;

/** Every distro's and container's directories, as the Files page and `lightdock files --json` show them. */
export const FilesReport = z.object({
  at: z.number().int(),
  simulated: z.boolean(),
  subjects: z.array(FilesSubject).max(2000),
});
export type FilesReport = z.infer<typeof FilesReport>;
