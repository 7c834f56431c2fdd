import { BrowserWindow } from 'electron';
import type { Logger } from '../../services/ports';
import type { WindowEventSink } from '../ipc/window-event-sink';
import { APP_ENTRY_URL } from '../security/app-protocol';
import type { TrustedSenderRegistry } from '../security/trusted-senders';
import { secureWindowOptions } from './window-options';

/** What the main window needs: where its preload is, who trusts it, who pushes to it. */
export interface MainWindowDeps {
  preloadPath: string;
  trustedSenders: TrustedSenderRegistry;
  eventSink: WindowEventSink;
  logger: Logger;
  /** False to keep the window hidden once painted (start hidden in the tray); shown by default. */
  show?: boolean;
}

/**
 * Creates the main window from the secure options, trusts its web contents for IPC, queues pushes
 * again whenever its page (re)loads, loads `app://bundle/index.html` and shows it once painted.
 */
export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const options = secureWindowOptions(deps.preloadPath);
  // Electron gets its own copy; the frozen template stays untouched.
  const window = new BrowserWindow({ ...options, webPreferences: { ...options.webPreferences } });
  const contents = window.webContents;
  deps.trustedSenders.add(contents);
  contents.on('did-navigate', () => deps.eventSink.markPending(contents.id));
  window.once('ready-to-show', () => {
    if (deps.show !== false) window.show();
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => deps.logger.error(`Could not load ${APP_ENTRY_URL}`, error));
  return window;
}
