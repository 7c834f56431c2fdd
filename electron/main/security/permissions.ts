import type { Session } from 'electron';
import type { Logger } from '../../services/ports';
import { isAppOriginUrl } from './app-protocol';

/** Permissions the app origin may use; every other (origin, permission) pair is denied. */
const APP_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/**
 * Deny-by-default permission policy: true only for an allowlisted permission requested by the app
 * origin itself (the origin or a URL on it). Camera, microphone, geolocation, notifications, devices,
 * `openExternal` and anything unknown are refused.
 * @see https://www.electronjs.org/docs/latest/tutorial/security#5-handle-session-permission-requests-from-remote-content
 */
export function decidePermission(origin: unknown, permission: unknown): boolean {
  if (typeof origin !== 'string' || typeof permission !== 'string') return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  return isAppOriginUrl(parsed) && APP_PERMISSIONS.has(permission);
}

/** Installs the request, check and device handlers of one session, all backed by `decidePermission`. */
export function installPermissionHandlers(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>,
  logger: Logger,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = decidePermission(details.requestingUrl, permission);
    if (!granted) logger.warn(`Denied the permission "${permission}" to ${details.requestingUrl.slice(0, 200)}`);
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => decidePermission(requestingOrigin, permission));
  session.setDevicePermissionHandler(() => false);
}
