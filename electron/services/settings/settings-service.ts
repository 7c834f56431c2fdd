import fs from 'node:fs';
import type { Clock, Logger } from '../ports';
import { backUpCorruptFile } from '../storage/corrupt-file';
import { Settings } from './settings';

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
    valid = Settings.safeParse(JSON.parse(text)).success;
  } catch {
    valid = false;
  }
  if (valid) return null;
  const backup = backUpCorruptFile(filePath, clock.now());
  logger.warn(`The settings file was unreadable; it was moved to ${backup} and defaults are in use.`);
  return backup;
}

/** Typed, validated settings over a store; every write is validated first and an invalid one changes nothing. */
export class SettingsService {
  constructor(private readonly store: SettingsStore) {}

  /** The current settings with defaults filled in. */
  get(): Settings {
    return Settings.parse(this.store.store);
  }

  /** Replaces the settings after validating the whole document. */
  set(next: Settings): Settings {
    const valid = Settings.parse(next);
    this.store.store = valid;
    return valid;
  }
}
