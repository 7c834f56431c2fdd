import { GeneralSettings } from '../../../shared/model/general-settings';
import { SETTINGS_VERSION } from './settings';

/** One step of the chain: takes a document of version N and returns it as version N + 1, keeping every other key. */
type Migration = (document: Record<string, unknown>) => Record<string, unknown>;

/** The chain, by the version each step starts from. */
const MIGRATIONS: Readonly<Record<number, Migration>> = {
  /** 1 → 2: Settings → General arrives with its defaults (theme, window behaviour, notifications per kind). */
  1: (document) => ({ ...document, general: GeneralSettings.parse(document['general'] ?? {}), version: 2 }),
};

/** A settings document brought up to the current version, and the version it was read at. */
export interface MigratedSettings {
  document: Record<string, unknown>;
  fromVersion: number;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The version a stored document says it has: a file without `version` was written by the first release (1). */
export function settingsVersionOf(document: Record<string, unknown>): number {
  const version = document['version'];
  return typeof version === 'number' && Number.isInteger(version) && version > 0 ? version : 1;
}

/**
 * Runs every migration from the document's version up to SETTINGS_VERSION, in order; a document from a newer
 * release is returned unchanged. Throws when `raw` is not an object (the caller treats the file as corrupt).
 */
export function migrateSettings(raw: unknown): MigratedSettings {
  if (!isPlainObject(raw)) throw new TypeError('The settings document is not a JSON object.');
  const fromVersion = settingsVersionOf(raw);
  let document: Record<string, unknown> = { ...raw };
  for (let version = fromVersion; version < SETTINGS_VERSION; version += 1) {
    const step = MIGRATIONS[version];
    if (step === undefined) throw new Error(`No settings migration from version ${version}.`);
    document = step(document);
  }
  return { document, fromVersion };
}
