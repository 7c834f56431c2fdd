import { z } from 'zod';
import { VmSummary } from './vm';

/** Where WSL facts come from: the real `wsl.exe` or the embedded simulated host. */
export const WslBackendKind = z.enum(['cli', 'simulated']);
export type WslBackendKind = z.infer<typeof WslBackendKind>;

/** Named seeds for the simulated host. */
export const SCENARIO_NAMES = ['ready', 'empty', 'mixed', 'virtualization-off', 'features-off', 'reboot-pending', 'wsl-missing', 'no-engine'] as const;
/** A scenario name; unknown names are refused with the list of known ones. */
export const ScenarioName = z.enum(SCENARIO_NAMES);
export type ScenarioName = z.infer<typeof ScenarioName>;

/** The host as the app shows it in its shell: which backend answers and whether it is simulated. */
export const HostInfo = z.object({
  backend: WslBackendKind,
  simulated: z.boolean(),
  scenario: ScenarioName.nullable(),
  platform: z.string(),
  appVersion: z.string(),
  /** True where the host can show a native file or folder picker (the desktop app); elsewhere paths are typed. */
  canPickPaths: z.boolean(),
});
export type HostInfo = z.infer<typeof HostInfo>;

/** One-line status of the whole host (`lightdock status`). */
export const HostStatus = z.object({
  host: HostInfo,
  vm: VmSummary,
  distros: z.object({
    total: z.number().int().nonnegative(),
    running: z.number().int().nonnegative(),
    defaultDistro: z.string().nullable(),
  }),
});
export type HostStatus = z.infer<typeof HostStatus>;
