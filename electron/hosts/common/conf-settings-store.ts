import Conf from 'conf';
import type { SettingsStore } from '../../services/settings/settings-service';

/** The settings store of the plain Node hosts (browser host, CLI): `conf`, in the shared data directory. */
export function openConfSettingsStore(dataDir: string, name: string): SettingsStore {
  return new Conf<Record<string, unknown>>({ cwd: dataDir, configName: name, clearInvalidConfig: false });
}
