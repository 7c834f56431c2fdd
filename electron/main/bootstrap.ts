import ElectronStore from 'electron-store';
import { Menu, Notification, Tray, app, dialog, ipcMain, nativeImage, nativeTheme, protocol, session, shell, type BrowserWindow } from 'electron';
import path from 'node:path';
import { composeServices } from '../hosts/common/compose-services';
import { createInvokeDispatcher } from '../hosts/common/invoke-dispatcher';
import { createInvokeHandlers } from '../hosts/common/invoke-handlers';
import { systemClock, type Logger } from '../services/ports';
import type { SettingsStore } from '../services/settings/settings-service';
import { createPathPicker } from './dialogs/pick-path';
import { registerInvokeHandlers, windowClientId } from './ipc/register-invoke-handlers';
import { WindowEventSink } from './ipc/window-event-sink';
import { registerAppProtocol } from './security/app-protocol';
import { guardAllWebContents } from './security/navigation';
import { installPermissionHandlers } from './security/permissions';
import { createOsNotifier } from './notifications/os-notifier';
import { TrustedSenderRegistry, isTrustedSender } from './security/trusted-senders';
import { bridgeDesktopSettings } from './settings/desktop-settings-bridge';
import { openDesktopPreferences } from './tray/desktop-preferences';
import { installDesktopTray } from './tray/install-tray';
import { shouldShowOnStart, syncLoginItem } from './tray/window-behaviour';
import { createMainWindow } from './windows/main-window';

/** The running desktop app as its entry sees it. */
export interface DesktopApp {
  /** Restores and focuses the main window (a second instance was started). */
  focusMainWindow(): void;
}

const consoleLogger: Logger = {
  info: (message, meta) => console.info(`[lightdock] ${message}`, ...(meta === undefined ? [] : [meta])),
  warn: (message, meta) => console.warn(`[lightdock] ${message}`, ...(meta === undefined ? [] : [meta])),
  error: (message, error) => console.error(`[lightdock] ${message}`, ...(error === undefined ? [] : [error])),
};

/**
 * The desktop composition root, run once after `ready`: services (shared with the other hosts), then
 * security policies, the app:// protocol, IPC, the push sink and the main window; all undone on will-quit.
 * Paths are relative to the main bundle (out/main/index.js): out/preload/index.cjs and out/renderer/.
 */
export function bootstrap(): DesktopApp {
  const logger = consoleLogger;
  const mainDir = import.meta.dirname;
  const preloadPath = path.join(mainDir, '..', 'preload', 'index.cjs');
  const rendererDir = path.join(mainDir, '..', 'renderer');

  const services = composeServices({
    env: process.env,
    platform: process.platform,
    clock: systemClock,
    logger,
    openSettingsStore: (dataDir, name): SettingsStore => new ElectronStore({ cwd: dataDir, name, clearInvalidConfig: false }),
    pickPath: createPathPicker(dialog, () => mainWindow),
  });

  services.watch();
  guardAllWebContents(app, { shell, logger });
  installPermissionHandlers(session.defaultSession, logger);
  registerAppProtocol(protocol, rendererDir);

  const trustedSenders = new TrustedSenderRegistry();
  const eventSink = new WindowEventSink(trustedSenders, logger);
  const detachSink = eventSink.attach(services.events);
  const dispatch = createInvokeDispatcher(createInvokeHandlers(services), logger);
  const disposeIpc = registerInvokeHandlers({
    ipcMain,
    dispatch,
    isTrustedSender: (event) => isTrustedSender(event, trustedSenders),
    onRendererReady: (senderId) => eventSink.markReady(senderId),
    logger,
  });

  const preferences = openDesktopPreferences(services.dataDir, systemClock, logger);
  const stopSettingsBridge = bridgeDesktopSettings({
    general: () => services.generalSettings.get(),
    subscribe: (listener) => services.events.subscribe(listener),
    preferences,
    app,
    logger,
  });
  const removeOsNotifier = services.notifications.addNotifier(createOsNotifier(Notification, logger));
  syncLoginItem(app, preferences.read());
  const show = shouldShowOnStart(preferences.read(), process.argv);
  let mainWindow: BrowserWindow | null = createMainWindow({ preloadPath, trustedSenders, eventSink, logger, show });
  const tray = installDesktopTray({
    electron: { Tray, Menu, nativeImage, nativeTheme, Notification, shell },
    app,
    subscribe: (listener) => services.events.subscribe(listener),
    dispatch,
    window: () => mainWindow,
    preferences,
    logger,
  });
  tray.manageWindow(mainWindow);
  const windowClient = windowClientId(mainWindow.webContents.id);
  mainWindow.on('closed', () => {
    services.releaseClient(windowClient);
    mainWindow = null;
  });

  app.once('will-quit', () => {
    tray.dispose();
    removeOsNotifier();
    stopSettingsBridge();
    disposeIpc();
    detachSink();
    services.dispose();
  });
  logger.info(`Lightdock started (data in ${services.dataDir}, WSL backend ${services.hostInfo.backend})`);

  return {
    focusMainWindow() {
      if (mainWindow === null) return;
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.show();
      mainWindow.focus();
    },
  };
}
