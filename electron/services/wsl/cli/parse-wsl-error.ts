/** An error code as wsl.exe prints it: the whole `Wsl/<contexts>/<NAME>` path and its last segment. */
export interface WslErrorCode {
  /** `Wsl/Service/WSL_E_DISTRO_NOT_FOUND`, or a bare `0x80370102` from legacy messages. */
  code: string;
  /** The HRESULT name or hex (`WSL_E_DISTRO_NOT_FOUND`, `HCS_E_HYPERV_NOT_INSTALLED`, `0x8007054f`). */
  tail: string;
}

const WSL_CODE = /\bWsl\/[A-Za-z0-9_/]*[A-Za-z0-9_]/g;
const HEX_CODE = /\b0x[0-9a-fA-F]+\b/g;

/**
 * Finds the error code in wsl.exe's decoded output without reading any sentence: the last
 * `Wsl/…` path (the localized "Error code:" label before it is ignored), else the last hex HRESULT
 * (`Error: 0x80370102` of old builds). Returns null when the output carries no code at all.
 */
export function parseWslErrorCode(text: string): WslErrorCode | null {
  const path = [...text.matchAll(WSL_CODE)].at(-1)?.[0];
  if (path !== undefined) return { code: path, tail: path.slice(path.lastIndexOf('/') + 1) };
  const hex = [...text.matchAll(HEX_CODE)].at(-1)?.[0];
  return hex === undefined ? null : { code: hex, tail: hex };
}
