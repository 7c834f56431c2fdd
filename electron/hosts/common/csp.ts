/**
 * The one Content-Security-Policy of every Lightdock page: own scripts only (no eval, no inline script),
 * inline styles for Emotion/MUI, no plugins, no base or form targets, never framed.
 * Plain constant with no imports, below both hosts, so the desktop app and the browser host send the same header.
 * @see https://www.electronjs.org/docs/latest/tutorial/security#7-define-a-content-security-policy
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; " +
  "frame-ancestors 'none'";
