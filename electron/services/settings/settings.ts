import { z } from 'zod';
import { GeneralSettings } from '../../../shared/model/general-settings';
import { ScenarioName } from '../../../shared/model/host';

/** Which WSL backend to use: `auto` means the real `wsl.exe` on Windows and the simulated host elsewhere. */
export const WslBackendSetting = z.enum(['auto', 'cli', 'simulated']);
export type WslBackendSetting = z.infer<typeof WslBackendSetting>;

/** Which container engine to use: `auto` means the real Docker engine when it answers a ping, else the simulated one. */
export const EngineSetting = z.enum(['auto', 'docker', 'simulated']);
export type EngineSetting = z.infer<typeof EngineSetting>;

/** Version of the settings document this code writes; settings-migrations.ts brings older files up to it. */
export const SETTINGS_VERSION = 2;

/** The settings document; every field has a default so an empty or partial file is valid. */
export const Settings = z.object({
  /** The document's version (a file without one is version 1, the first release); a newer one is kept as it is. */
  version: z.number().int().positive().default(SETTINGS_VERSION),
  wsl: z
    .object({
      backend: WslBackendSetting.default('auto'),
      scenario: ScenarioName.default('ready'),
    })
    .default({ backend: 'auto', scenario: 'ready' }),
  engine: z.object({ kind: EngineSetting.default('auto') }).default({ kind: 'auto' }),
  /** Settings → General: theme, window behaviour, notifications per kind. */
  general: GeneralSettings.default(GeneralSettings.parse({})),
  /** Whether the setup wizard was ever shown (it opens by itself on first run while something needs doing). */
  setup: z.object({ seen: z.boolean().default(false) }).optional(),
});
export type Settings = z.infer<typeof Settings>;

/** File name (without extension) of the settings document in the data directory. */
export const SETTINGS_NAME = 'settings';
