import { z } from 'zod';

/** A `.wslconfig` key as `section.key` (`wsl2.memory`, `experimental.autoMemoryReclaim`); case-insensitive like WSL. */
export const WslConfigKey = z.string().regex(/^[A-Za-z0-9]+\.[A-Za-z0-9]+$/, 'A key looks like section.name, for example wsl2.memory.');

/** One known setting: what the file says, what WSL will use, and whether changing it needs a VM restart. */
export const WslConfigSetting = z.object({
  key: z.string(),
  section: z.string(),
  name: z.string(),
  type: z.enum(['size', 'integer', 'boolean', 'path', 'string', 'enum']),
  description: z.string(),
  value: z.string().nullable(),
  defaultValue: z.string(),
  effectiveValue: z.string(),
  choices: z.array(z.string()).optional(),
  restartNeeded: z.boolean(),
});
export type WslConfigSetting = z.infer<typeof WslConfigSetting>;

/** A problem WSL would warn about (bad size, bad boolean, unknown or duplicated key), with its line. */
export const WslConfigIssue = z.object({ line: z.number().int().positive(), key: z.string().nullable(), message: z.string() });
export type WslConfigIssue = z.infer<typeof WslConfigIssue>;

/** The `.wslconfig` file as the editor shows it. */
export const WslConfigView = z.object({
  path: z.string(),
  exists: z.boolean(),
  settings: z.array(WslConfigSetting),
  issues: z.array(WslConfigIssue),
  /** True when the file changed after the VM booted, so the running VM does not use it yet. */
  restartPending: z.boolean(),
});
export type WslConfigView = z.infer<typeof WslConfigView>;
