import type { App, Shell, WebContents, WindowOpenHandlerResponse } from 'electron';
import type { Logger } from '../../services/ports';
import { hasDotDotSegment, isAppOriginUrl } from './app-protocol';
import { openExternalSafely } from './external-url';

/** A cancellable navigation as `will-navigate` and `will-frame-navigate` deliver it. */
export interface NavigationEvent {
  readonly url: string;
  preventDefault(): void;
}

/**
 * True only for a URL on the app origin (`app://bundle`, compared after parsing, never by prefix) whose text
 * holds no `..` segment. Lookalike hosts, other schemes and unparsable text are refused.
 * @see https://www.electronjs.org/docs/latest/tutorial/security#13-disable-or-limit-navigation
 */
export function isAllowedNavigation(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return isAppOriginUrl(parsed) && !hasDotDotSegment(url);
}

/** Cancels a navigation that leaves the app origin; returns whether it was allowed. */
export function guardNavigation(event: NavigationEvent, logger: Logger): boolean {
  if (isAllowedNavigation(event.url)) return true;
  event.preventDefault();
  logger.warn(`Blocked a navigation away from the app: ${event.url.slice(0, 200)}`);
  return false;
}

/**
 * The window-open handler of every web contents: never opens a window; the URL goes to the one
 * validated external opener instead.
 * @see https://www.electronjs.org/docs/latest/tutorial/security#14-disable-or-limit-creation-of-new-windows
 */
export function createWindowOpenHandler(openExternal: (url: string) => unknown): (details: { url: string }) => WindowOpenHandlerResponse {
  return function denyWindowOpen({ url }) {
    openExternal(url);
    return { action: 'deny' };
  };
}

/**
 * Refuses every `<webview>`: the app has none, so any attach attempt is hostile.
 * @see https://www.electronjs.org/docs/latest/tutorial/security#12-verify-webview-options-before-creation
 */
export function preventWebviewAttach(event: { preventDefault(): void }): void {
  event.preventDefault();
}

/** What the navigation guards need from the main process. */
export interface NavigationGuardDeps {
  shell: Pick<Shell, 'openExternal'>;
  logger: Logger;
}

/** Installs the navigation, frame-navigation, window-open and webview guards on one web contents. */
export function installNavigationGuards(contents: WebContents, deps: NavigationGuardDeps): void {
  contents.on('will-navigate', (event) => guardNavigation(event, deps.logger));
  contents.on('will-frame-navigate', (event) => guardNavigation(event, deps.logger));
  contents.on('will-attach-webview', preventWebviewAttach);
  contents.setWindowOpenHandler(
    createWindowOpenHandler((url) => {
      void openExternalSafely(deps.shell, url, deps.logger);
    }),
  );
}

/** Guards every web contents the app ever creates, from the moment it is created. */
export function guardAllWebContents(app: Pick<App, 'on'>, deps: NavigationGuardDeps): void {
  app.on('web-contents-created', (_event, contents) => installNavigationGuards(contents, deps));
}
