import { z } from 'zod';
import { ScenarioName } from '../../../shared/model/host';

/** Which WSL backend to use: `auto` means the real `wsl.exe` on Windows and the simulated host elsewhere. */
export const WslBackendSetting = z.enum(['auto', 'cli', 'simulated']);
export type WslBackendSetting = z.infer<typeof WslBackendSetting>;

/** The settings document; every field has a default so an empty or partial file is valid. */
export const Settings = z.object({
  wsl: z
    .object({
      backend: WslBackendSetting.default('auto'),
      scenario: ScenarioName.default('ready'),
    })
    .default({ backend: 'auto', scenario: 'ready' }),
});
export type Settings = z.infer<typeof Settings>;

/** File name (without extension) of the settings document in the data directory. */
export const SETTINGS_NAME = 'settings';
