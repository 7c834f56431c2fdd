import type { App, NativeTheme, Shell } from 'electron';
import type { InvokeChannel, InvokeResponse } from '../../../shared/ipc/contract';
import type { QuickActionsState } from '../../../shared/quick-actions/quick-actions-menu';
import type { InvokeDispatcher } from '../../hosts/common/invoke-dispatcher';
import type { Logger } from '../../services/ports';
import type { JsonStateFile } from '../../services/storage/json-state-file';
import { APP_ENTRY_URL } from '../security/app-protocol';
import { openExternalSafely } from '../security/external-url';
import type { DesktopPreferences } from './desktop-preferences';
import { createElectronTrayPlatform, type TrayElectron } from './electron-tray-platform';
import { TrayController, type PushListener } from './tray-controller';
import { keepInTrayOnClose, type ClosableWindow } from './window-behaviour';

/** The client id of requests the tray sends through the dispatcher. */
export const TRAY_CLIENT_ID = 'tray';

/** How long "Quit and stop the engine" waits for the engine to stop before quitting anyway. */
export const QUIT_STOP_TIMEOUT_MS = 20_000;

/** The main window as the tray drives it. */
export interface TrayWindow extends ClosableWindow {
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
  webContents: { loadURL(url: string): Promise<void> };
}

/** The Electron modules and app pieces the desktop tray is wired from. */
export interface DesktopTrayDeps {
  electron: TrayElectron & {
    nativeTheme: Pick<NativeTheme, 'shouldUseDarkColors' | 'on' | 'removeListener'>;
    Notification: { isSupported(): boolean; new (options: { title: string; body: string }): { show(): void } };
    shell: Pick<Shell, 'openExternal'>;
  };
  app: Pick<App, 'quit' | 'on' | 'removeListener'>;
  subscribe(listener: PushListener): () => void;
  dispatch: InvokeDispatcher;
  window(): TrayWindow | null;
  preferences: JsonStateFile<DesktopPreferences>;
  logger: Logger;
  debounceMs?: number;
}

/** The running tray: its controller, whether the user chose Quit, and the function that removes it. */
export interface DesktopTray {
  controller: TrayController;
  isQuitting(): boolean;
  /** Applies close-to-tray to a (new) main window. */
  manageWindow(window: TrayWindow): void;
  dispose(): void;
}

/**
 * Wires the tray into the desktop app: the controller over the event hub and the dispatcher (so every item passes
 * the same validation as a window's request), the theme listener, window show/navigate, safe external URLs,
 * close-to-tray with its one-time notification, and Quit (optionally stopping the engine first, bounded in time).
 */
export function installDesktopTray(deps: DesktopTrayDeps): DesktopTray {
  const { electron, logger } = deps;
  let quitting = false;
  const client = { id: TRAY_CLIENT_ID };

  const ask = async <C extends InvokeChannel>(channel: C): Promise<InvokeResponse<C> | null> => {
    const result = await deps.dispatch(channel, {}, client);
    return result.ok ? (result.value as InvokeResponse<C>) : null;
  };
  const loadState = async (): Promise<QuickActionsState> => {
    const [distros, status, lifecycle, engine, containers] = await Promise.all([
      ask('distros:list'),
      ask('app:status'),
      ask('engine:lifecycle'),
      ask('engine:status'),
      ask('containers:list'),
    ]);
    return { distros, vm: status?.vm ?? null, lifecycle, engine, containers };
  };
  const showWindow = (): void => {
    const window = deps.window();
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  const quit = (options: { stopEngine: boolean }): void => {
    quitting = true;
    if (!options.stopEngine) {
      deps.app.quit();
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        logger.warn(`The engine did not stop within ${QUIT_STOP_TIMEOUT_MS / 1000} s; quitting anyway.`);
        resolve();
      }, QUIT_STOP_TIMEOUT_MS);
    });
    const stop = deps.dispatch('engine:stop', {}, client).then((result) => {
      if (!result.ok) logger.warn(`Quit and stop the engine: ${result.error.message}`);
    });
    void Promise.race([stop, deadline]).finally(() => {
      clearTimeout(timer);
      deps.app.quit();
    });
  };

  const controller = new TrayController({
    platform: createElectronTrayPlatform(electron),
    subscribe: deps.subscribe,
    loadState,
    invoke: (action) => deps.dispatch(action.channel, action.request, client),
    showWindow,
    navigate: (route) => {
      showWindow();
      deps
        .window()
        ?.webContents.loadURL(`${APP_ENTRY_URL}${route}`)
        .catch((error: unknown) => logger.warn(`Could not open ${route}`, error));
    },
    openUrl: (url) => void openExternalSafely(electron.shell, url, logger),
    quit,
    logger,
    ...(deps.debounceMs === undefined ? {} : { debounceMs: deps.debounceMs }),
  });
  void controller.start();
  const onTheme = (): void => controller.refresh();
  electron.nativeTheme.on('updated', onTheme);
  // Any other way of quitting (the OS logging out, a second quit) must not be held up by close-to-tray.
  const onBeforeQuit = (): void => {
    quitting = true;
  };
  deps.app.on('before-quit', onBeforeQuit);

  return {
    controller,
    isQuitting: () => quitting,
    manageWindow(window) {
      keepInTrayOnClose(window, {
        preferences: () => deps.preferences.read(),
        markNoticeShown: () => deps.preferences.update((current) => ({ ...current, closeNoticeShown: true })),
        notify: (title, body) => {
          if (electron.Notification.isSupported()) new electron.Notification({ title, body }).show();
        },
        isQuitting: () => quitting,
      });
    },
    dispose() {
      electron.nativeTheme.removeListener('updated', onTheme);
      deps.app.removeListener('before-quit', onBeforeQuit);
      controller.dispose();
    },
  };
}
