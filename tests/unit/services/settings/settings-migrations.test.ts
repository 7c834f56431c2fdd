import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SETTINGS_VERSION } from '../../../../electron/services/settings/settings';
import { migrateSettings } from '../../../../electron/services/settings/settings-migrations';
import { SettingsService, recoverSettingsFile, type SettingsStore } from '../../../../electron/services/settings/settings-service';
import { GeneralSettings } from '../../../../shared/model/general-settings';
import { ManualClock, RecordingLogger } from '../../../helpers/recording';
import { makeTempDir } from '../../../helpers/temp-dir';

/** The settings file as the current release (version 1, no `version` key) writes it: conf's tab-indented JSON of the whole document. */
const V1_FIXTURE = path.join(import.meta.dirname, '..', '..', '..', 'fixtures', 'settings', 'settings-v1.json');
/** A version 2 file written before the `memory-warning` notification kind existed (its four toggles only). */
const V2_FIXTURE = path.join(import.meta.dirname, '..', '..', '..', 'fixtures', 'settings', 'settings-v2.json');
const DEFAULT_GENERAL = GeneralSettings.parse({});

let temp: ReturnType<typeof makeTempDir>;
let file: string;
beforeEach(() => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'settings.json');
});
afterEach(() => temp.cleanup());

const openConf = (): SettingsStore => new Conf<Record<string, unknown>>({ cwd: temp.dir, configName: 'settings' });

describe('settings migrations', () => {
  it('loads the settings file of the current release: every value kept, the new defaults added, written back as the current version', () => {
    fs.copyFileSync(V1_FIXTURE, file);
    expect(recoverSettingsFile(file, new ManualClock(), new RecordingLogger())).toBeNull();
    const logger = new RecordingLogger();
    const settings = new SettingsService(openConf(), logger);
    const expected = { version: SETTINGS_VERSION, wsl: { backend: 'simulated', scenario: 'mixed' }, engine: { kind: 'docker' }, general: DEFAULT_GENERAL };
    expect(settings.get()).toEqual(expected);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(expected);
    expect(logger.lines).toEqual([{ level: 'info', message: `Settings migrated from version 1 to ${SETTINGS_VERSION}.` }]);
    expect(fs.readdirSync(temp.dir)).toEqual(['settings.json']);
  });

  it('keeps keys it does not know (a newer field, another feature) through the migration', () => {
    fs.writeFileSync(file, JSON.stringify({ engine: { kind: 'simulated' }, futureThing: { a: 1 } }));
    new SettingsService(openConf());
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ version: SETTINGS_VERSION, engine: { kind: 'simulated' }, futureThing: { a: 1 } });
  });

  it('keeps general values a version 1 file already had, and refuses a file whose general part is invalid', () => {
    expect(migrateSettings({ general: { theme: 'dark' } }).document['general']).toEqual({ ...DEFAULT_GENERAL, theme: 'dark' });
    fs.writeFileSync(file, JSON.stringify({ general: { theme: 'purple' } }));
    const backup = recoverSettingsFile(file, new ManualClock(), new RecordingLogger());
    expect(backup).not.toBeNull();
    expect(fs.existsSync(file)).toBe(false);
  });

  it('leaves a current or newer document alone, and a missing file unwritten', () => {
    const current = { version: SETTINGS_VERSION, general: { ...DEFAULT_GENERAL, theme: 'light' } };
    expect(migrateSettings(current)).toEqual({ document: current, fromVersion: SETTINGS_VERSION });
    expect(migrateSettings({ version: 99, x: 1 })).toEqual({ document: { version: 99, x: 1 }, fromVersion: 99 });
    const settings = new SettingsService(openConf());
    expect(settings.get().version).toBe(SETTINGS_VERSION);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('reads a version 2 file from before the memory-warning toggle: its toggles kept, the new one on, the file valid and left unwritten', () => {
    fs.copyFileSync(V2_FIXTURE, file);
    const before = fs.readFileSync(file, 'utf8');
    expect(recoverSettingsFile(file, new ManualClock(), new RecordingLogger())).toBeNull();
    const logger = new RecordingLogger();
    const settings = new SettingsService(openConf(), logger);
    expect(settings.get().general).toEqual({
      theme: 'dark',
      closeToTray: true,
      startHidden: false,
      startAtLogin: true,
      notifications: { 'container-exited': true, 'engine-stopped': false, 'vm-memory': false, 'setup-step': true, 'memory-warning': true },
    });
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(logger.lines).toEqual([]);
  });

  it('refuses a document that is not an object', () => {
    expect(() => migrateSettings([])).toThrow(/not a JSON object/);
    expect(() => migrateSettings(null)).toThrow(/not a JSON object/);
  });

  it('when writing the migrated file fails, the file stays as it was and this run still sees the migrated settings', () => {
    fs.copyFileSync(V1_FIXTURE, file);
    const before = fs.readFileSync(file, 'utf8');
    const conf = openConf();
    const failing: SettingsStore = {
      path: conf.path,
      get store() {
        return conf.store;
      },
      set store(_value) {
        throw Object.assign(new Error('read-only file system'), { code: 'EROFS' });
      },
    };
    const logger = new RecordingLogger();
    const settings = new SettingsService(failing, logger);
    expect(settings.get()).toMatchObject({ version: SETTINGS_VERSION, engine: { kind: 'docker' }, general: DEFAULT_GENERAL });
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(logger.lines.map((line) => line.level)).toEqual(['warn']);
  });
});
