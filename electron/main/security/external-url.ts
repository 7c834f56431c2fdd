import type { Shell } from 'electron';
import type { Logger } from '../../services/ports';

/** Loopback host names for which plain `http:` is allowed (containers publish their ports on 127.0.0.1). */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);

/**
 * True only for an absolute `https:` URL, or an `http:` URL on 127.0.0.1/localhost, without credentials.
 * Everything else (`file:`, `smb:`, `ms-msdt:`, `javascript:`, `data:`, relative, malformed, non-strings) is refused.
 * @see https://www.electronjs.org/docs/latest/tutorial/security#15-do-not-use-shellopenexternal-with-untrusted-content
 */
export function isSafeExternalUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > 2048) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.protocol === 'https:') return parsed.hostname !== '';
  return parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname);
}

/** The only door to `shell.openExternal`: opens the URL if `isSafeExternalUrl` allows it, and says whether it did. */
export async function openExternalSafely(shell: Pick<Shell, 'openExternal'>, url: unknown, logger?: Logger): Promise<boolean> {
  if (!isSafeExternalUrl(url)) {
    logger?.warn(`Refused to open an external URL that is not https (or loopback http): ${String(url).slice(0, 200)}`);
    return false;
  }
  try {
    await shell.openExternal(url);
    return true;
  } catch (error) {
    logger?.warn(`Could not open ${url} externally`, error);
    return false;
  }
}
