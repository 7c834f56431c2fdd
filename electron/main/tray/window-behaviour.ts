import type { App } from 'electron';
import type { DesktopPreferences } from './desktop-preferences';

/** The argument a login-item start passes, so the app starts in the tray. */
export const HIDDEN_ARG = '--hidden';

/** The window events close-to-tray needs. */
export interface ClosableWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  hide(): void;
}

/** What close-to-tray reads and does. */
export interface CloseToTrayDeps {
  preferences(): DesktopPreferences;
  /** Records that the notice was shown. */
  markNoticeShown(): void;
  /** Shows the one-time "Lightdock is still running in the tray" notification. */
  notify(title: string, body: string): void;
  /** True once the user chose Quit (the window then closes for real). */
  isQuitting(): boolean;
}

/**
 * Closing the window hides it instead while `closeToTray` is on and the app is not quitting; the first time, a
 * notification says Lightdock is still running in the tray.
 */
export function keepInTrayOnClose(window: ClosableWindow, deps: CloseToTrayDeps): void {
  window.on('close', (event) => {
    if (deps.isQuitting()) return;
    const preferences = deps.preferences();
    if (!preferences.closeToTray) return;
    event.preventDefault();
    window.hide();
    if (!preferences.closeNoticeShown) {
      deps.markNoticeShown();
      deps.notify('Lightdock is still running', 'It keeps running in the tray; use Quit Lightdock in the tray menu to end it.');
    }
  });
}

/** Whether this start shows the window: not when asked to start hidden (the preference or the login item's argument). */
export function shouldShowOnStart(preferences: DesktopPreferences, argv: readonly string[]): boolean {
  return !preferences.startHidden && !argv.includes(HIDDEN_ARG);
}

/** Registers or removes the login item to match the preference; the login start passes HIDDEN_ARG. */
export function syncLoginItem(app: Pick<App, 'setLoginItemSettings'>, preferences: DesktopPreferences): void {
  app.setLoginItemSettings({ openAtLogin: preferences.startAtLogin, args: [HIDDEN_ARG] });
}
