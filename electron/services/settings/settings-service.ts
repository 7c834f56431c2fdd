import fs from 'node:fs';
import type { Clock, Logger } from '../ports';
import { backUpCorruptFile } from '../storage/corrupt-file';
import { SETTINGS_VERSION, Settings } from './settings';
import { migrateSettings } from './settings-migrations';

/** What the service needs of a store: `conf` in plain Node hosts and `electron-store` in the desktop app both fit. */
export interface SettingsStore {
  readonly path: string;
  store: Record<string, unknown>;
}

/**
 * Run before the store library opens the file: a settings file that is not JSON or does not match the
 * schema is moved aside (kept as a backup) so the app starts on defaults. Returns the backup path, if any.
 */
export function recoverSettingsFile(filePath: string, clock: Clock, logger: Logger): string | null {
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch {
    return null;
  }
  let valid = false;
  try {
    valid = Settings.safeParse(migrateSettings(JSON.parse(text)).document).success;
  } catch {
    valid = false;
  }
  if (valid) return null;
  const backup = backUpCorruptFile(filePath, clock.now());
  logger.warn(`The settings file was unreadable; it was moved to ${backup} and defaults are in use.`);
  return backup;
}

/**
 * Typed, validated settings over a store; every write is validated first and an invalid one changes nothing. A file
 * of an older version is migrated when opened and written back (atomically, by the store) with nothing lost; when that
 * write fails the migrated settings are still what `get` answers, and the file is left as it was.
 */
export class SettingsService {
  constructor(
    private readonly store: SettingsStore,
    logger?: Logger,
  ) {
    const stored = this.store.store;
    if (Object.keys(stored).length === 0) return;
    const { document, fromVersion } = migrateSettings(stored);
    if (fromVersion >= SETTINGS_VERSION) return;
    try {
      this.store.store = { ...document, ...Settings.parse(document) };
      logger?.info(`Settings migrated from version ${fromVersion} to ${SETTINGS_VERSION}.`);
    } catch (error) {
      logger?.warn('Could not write the migrated settings; they apply to this run only.', error);
    }
  }

  /** The current settings with defaults filled in, migrated from the stored version. */
  get(): Settings {
    return Settings.parse(migrateSettings(this.store.store).document);
  }

  /** Replaces the settings after validating the whole document. */
  set(next: Settings): Settings {
    const valid = Settings.parse({ ...next, version: SETTINGS_VERSION });
    this.store.store = valid;
    return valid;
  }
}
