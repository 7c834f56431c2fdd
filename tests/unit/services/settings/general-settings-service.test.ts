import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GeneralSettingsService } from '../../../../electron/services/settings/general-settings-service';
import { SettingsService } from '../../../../electron/services/settings/settings-service';
import { GeneralSettings } from '../../../../shared/model/general-settings';
import { RecordingEventSink } from '../../../helpers/recording';
import { makeTempDir } from '../../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

const open = (events = new RecordingEventSink()): GeneralSettingsService =>
  new GeneralSettingsService(new SettingsService(new Conf<Record<string, unknown>>({ cwd: temp.dir, configName: 'settings' })), events);

describe('GeneralSettingsService', () => {
  it('applies only the fields given, persists them, and pushes the result', () => {
    const events = new RecordingEventSink();
    const general = open(events);
    general.update({ theme: 'dark', notifications: { 'vm-memory': false } });
    const next = general.update({ startAtLogin: true });
    expect(next).toEqual({ ...GeneralSettings.parse({}), theme: 'dark', startAtLogin: true, notifications: { ...GeneralSettings.parse({}).notifications, 'vm-memory': false } });
    expect(open().get()).toEqual(next);
    expect(events.events.map((event) => event.channel)).toEqual(['settings:general-changed', 'settings:general-changed']);
    expect(events.events.at(-1)?.payload).toEqual(next);
  });

  it('refuses a bad change with VALIDATION, writes nothing and pushes nothing', () => {
    const events = new RecordingEventSink();
    const general = open(events);
    general.update({ theme: 'light' });
    const file = path.join(temp.dir, 'settings.json');
    const before = fs.readFileSync(file, 'utf8');
    for (const bad of [{ theme: 'purple' }, { closeToTray: 'yes' }, { notifications: { nope: true } }, { extra: 1 }, null, []]) {
      expect(() => general.update(bad)).toThrow(expect.objectContaining({ code: 'VALIDATION' }) as Error);
    }
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(events.events).toHaveLength(1);
  });
});
