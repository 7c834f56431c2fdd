import { z } from 'zod';

/** An absolute path inside a container: no NUL, no `..` segment. */
export const ContainerPath = z
  .string()
  .max(4096)
  .regex(/^\/[^\0]*$/, 'A path inside the container must be absolute.')
  .refine((value) => !value.split('/').includes('..'), 'A path inside the container cannot climb with "..".');
export type ContainerPath = z.infer<typeof ContainerPath>;

/** One entry of a folder inside a container. */
export const FsEntry = z.object({
  name: z.string(),
  type: z.enum(['file', 'directory', 'symlink', 'other']),
  sizeBytes: z.number().int().nonnegative(),
  /** Permission bits as `ls -l` prints them (`-rw-r--r--`). */
  mode: z.string(),
  modified: z.number().int().nullable(),
  linkTarget: z.string().nullable(),
});
export type FsEntry = z.infer<typeof FsEntry>;

/** One page of a folder: `offset` onwards, sorted folders first then by name; `complete` false when more remain. */
export const FsListing = z.object({
  path: z.string(),
  entries: z.array(FsEntry),
  offset: z.number().int().nonnegative(),
  complete: z.boolean(),
  /** True when the scan stopped at its bound before the whole folder was read. */
  truncated: z.boolean(),
});
export type FsListing = z.infer<typeof FsListing>;

/** A file's text (at most its first MiB), or why it is not shown as text. */
export const FsFileText = z.object({
  path: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  text: z.string().nullable(),
  binary: z.boolean(),
  truncated: z.boolean(),
});
export type FsFileText = z.infer<typeof FsFileText>;
