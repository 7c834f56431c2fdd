import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Settings } from '../../../../electron/services/settings/settings';
import { SettingsService, recoverSettingsFile } from '../../../../electron/services/settings/settings-service';
import { ManualClock, RecordingLogger } from '../../../helpers/recording';
import { makeTempDir } from '../../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
const open = (): SettingsService => new SettingsService(new Conf<Record<string, unknown>>({ cwd: temp.dir, configName: 'settings' }));

beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

describe('SettingsService over conf', () => {
  it('fills defaults for a missing file', () => {
    expect(open().get()).toEqual({
      version: 2,
      wsl: { backend: 'auto', scenario: 'ready' },
      engine: { kind: 'auto' },
      general: {
        theme: 'system',
        closeToTray: true,
        startHidden: false,
        startAtLogin: false,
        notifications: { 'container-exited': true, 'engine-stopped': true, 'vm-memory': true, 'setup-step': true, 'memory-warning': true },
      },
    });
  });

  it('persists a valid change and refuses an invalid one without writing', () => {
    const settings = open();
    settings.set(Settings.parse({ wsl: { backend: 'simulated', scenario: 'empty' }, engine: { kind: 'simulated' } }));
    expect(open().get().wsl).toEqual({ backend: 'simulated', scenario: 'empty' });
    const before = fs.readFileSync(path.join(temp.dir, 'settings.json'), 'utf8');
    expect(() => settings.set({ ...Settings.parse({}), wsl: { backend: 'docker' as never, scenario: 'ready' } })).toThrow();
    expect(fs.readFileSync(path.join(temp.dir, 'settings.json'), 'utf8')).toBe(before);
  });
});

describe('recoverSettingsFile', () => {
  it('keeps a valid file where it is', () => {
    const file = path.join(temp.dir, 'settings.json');
    fs.writeFileSync(file, '{"wsl":{"backend":"cli"}}');
    expect(recoverSettingsFile(file, new ManualClock(), new RecordingLogger())).toBeNull();
    expect(fs.existsSync(file)).toBe(true);
  });

  it.each(['{not json', '{"wsl":{"backend":42}}', '[]'])('backs up %j so the app starts on defaults', (text) => {
    const file = path.join(temp.dir, 'settings.json');
    fs.writeFileSync(file, text);
    const logger = new RecordingLogger();
    const backup = recoverSettingsFile(file, new ManualClock(), logger);
    expect(backup).not.toBeNull();
    expect(fs.readFileSync(backup!, 'utf8')).toBe(text);
    expect(fs.existsSync(file)).toBe(false);
    expect(open().get().wsl.backend).toBe('auto');
    expect(logger.lines[0]?.level).toBe('warn');
  });
});
