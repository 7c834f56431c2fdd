import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The options of every Lightdock window: isolated, sandboxed, no Node anywhere in the renderer, no
 * `<webview>`, and no `webSecurity` key at all. Deep-frozen so nothing can loosen them later.
 * @see https://www.electronjs.org/docs/latest/tutorial/security (items 2, 3, 4, 6, 8–11)
 */
export function secureWindowOptions(preloadPath: string): Readonly<BrowserWindowConstructorOptions> {
  const webPreferences = Object.freeze({
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    spellcheck: false,
  });
  return Object.freeze({
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Lightdock',
    autoHideMenuBar: true,
    webPreferences,
  });
}
