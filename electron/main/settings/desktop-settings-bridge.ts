import type { App } from 'electron';
import type { GeneralSettings } from '../../../shared/model/general-settings';
import type { EventListener } from '../../services/event-hub';
import type { Logger } from '../../services/ports';
import type { JsonStateFile } from '../../services/storage/json-state-file';
import type { DesktopPreferences } from '../tray/desktop-preferences';
import { syncLoginItem } from '../tray/window-behaviour';

/** What the bridge reads and writes. */
export interface DesktopSettingsBridgeDeps {
  general(): GeneralSettings;
  subscribe(listener: EventListener): () => void;
  preferences: JsonStateFile<DesktopPreferences>;
  app: Pick<App, 'setLoginItemSettings'>;
  logger: Logger;
}

/**
 * Settings → General is the source of truth for the window behaviour: the tray's preferences file gets
 * close-to-tray, start hidden and start at login from it now (call before deciding whether to show the window)
 * and after every `settings:general-changed`, and the login item follows. Returns the function that stops it.
 */
export function bridgeDesktopSettings(deps: DesktopSettingsBridgeDeps): () => void {
  const apply = (general: GeneralSettings): void => {
    try {
      const next = deps.preferences.update((current) => ({
        ...current,
        closeToTray: general.closeToTray,
        startHidden: general.startHidden,
        startAtLogin: general.startAtLogin,
      }));
      syncLoginItem(deps.app, next);
    } catch (error) {
      deps.logger.warn('Could not apply Settings → General to the desktop window', error);
    }
  };
  apply(deps.general());
  return deps.subscribe((channel, payload, target) => {
    if (channel === 'settings:general-changed' && target === undefined) apply(payload as GeneralSettings);
  });
}
