import { afterEach, describe, expect, it } from 'vitest';
import { OS_BODY_LIMIT, OS_TITLE_LIMIT, createOsNotifier } from '../../../../electron/main/notifications/os-notifier';
import { bridgeDesktopSettings } from '../../../../electron/main/settings/desktop-settings-bridge';
import { openDesktopPreferences } from '../../../../electron/main/tray/desktop-preferences';
import { EventHub } from '../../../../electron/services/event-hub';
import { NotificationService } from '../../../../electron/services/notifications/notification-service';
import { GeneralSettings } from '../../../../shared/model/general-settings';
import { ManualClock, RecordingLogger } from '../../../helpers/recording';
import { makeTempDir } from '../../../helpers/temp-dir';
import { FakeNotification } from '../fake-electron';

afterEach(() => {
  FakeNotification.shown.splice(0);
  FakeNotification.supported = true;
});

describe('the OS notifier over Electron Notification', () => {
  it('shows each new in-app notification once as an OS notification', () => {
    const hub = new EventHub();
    const logger = new RecordingLogger();
    const service = new NotificationService({ events: hub, clock: new ManualClock(), logger, toggles: () => GeneralSettings.parse({}).notifications });
    const remove = service.addNotifier(createOsNotifier(FakeNotification, logger));
    const input = { kind: 'container-exited', key: 'exit:web', title: 'web exited with code 1', body: 'The container web (nginx) stopped with exit code 1.' } as const;
    service.notify(input);
    service.notify(input);
    remove();
    service.notify({ ...input, key: 'exit:web:2' });
    expect(FakeNotification.shown).toEqual([{ title: 'web exited with code 1', body: 'The container web (nginx) stopped with exit code 1.' }]);
  });

  it('clips long texts, shows nothing where the OS has no notifications, and logs a failure instead of throwing', () => {
    const logger = new RecordingLogger();
    const notifier = createOsNotifier(FakeNotification, logger);
    notifier.show({ title: 'x'.repeat(500), body: 'y'.repeat(5_000) });
    expect(FakeNotification.shown[0]?.title).toHaveLength(OS_TITLE_LIMIT);
    expect(FakeNotification.shown[0]?.body).toHaveLength(OS_BODY_LIMIT);
    expect(FakeNotification.shown[0]?.title.endsWith('…')).toBe(true);
    FakeNotification.supported = false;
    notifier.show({ title: 'hidden', body: '' });
    expect(FakeNotification.shown).toHaveLength(1);
    class Broken extends FakeNotification {
      override show(): void {
        throw new Error('D-Bus is gone');
      }
    }
    FakeNotification.supported = true;
    expect(() => createOsNotifier(Broken, logger).show({ title: 't', body: 'b' })).not.toThrow();
    expect(logger.lines).toEqual([{ level: 'warn', message: 'Could not show an OS notification' }]);
  });
});

describe('Settings → General drives the desktop window behaviour', () => {
  it('copies close-to-tray, start hidden and start at login into the tray preferences now and on every change, and syncs the login item', () => {
    const temp = makeTempDir();
    try {
      const hub = new EventHub();
      const logger = new RecordingLogger();
      const preferences = openDesktopPreferences(temp.dir, new ManualClock(), logger);
      const loginItems: { openAtLogin?: boolean }[] = [];
      const app = { setLoginItemSettings: (settings: { openAtLogin?: boolean }) => loginItems.push(settings) };
      const general = { ...GeneralSettings.parse({}), closeToTray: false };
      const stop = bridgeDesktopSettings({ general: () => general, subscribe: (listener) => hub.subscribe(listener), preferences, app, logger });
      expect(preferences.read()).toMatchObject({ closeToTray: false, startHidden: false, startAtLogin: false });
      hub.emit('settings:general-changed', { ...general, startHidden: true, startAtLogin: true });
      expect(preferences.read()).toMatchObject({ closeToTray: false, startHidden: true, startAtLogin: true, closeNoticeShown: false });
      expect(loginItems.map((item) => item.openAtLogin)).toEqual([false, true]);
      stop();
      hub.emit('settings:general-changed', { ...general, startAtLogin: false });
      expect(preferences.read().startAtLogin).toBe(true);
    } finally {
      temp.cleanup();
    }
  });
});
