/** `wsl --version`: seven `Label: value` lines in a fixed order; the labels are localized, the order is not. */
export interface WslVersionInfo {
  wslVersion: string;
  kernelVersion: string;
  wslgVersion: string | null;
  msrdcVersion: string | null;
  direct3dVersion: string | null;
  dxcoreVersion: string | null;
  windowsVersion: string | null;
}

const VERSION_NUMBER = /^\d+(?:\.\d+)+(?:[-.][0-9A-Za-z.-]+)?$/;

/**
 * Parses `wsl --version` by position (WSL, kernel, WSLg, MSRDC, Direct3D, DXCore, Windows), taking the text
 * after each line's last colon so `WSL-Version:`, `Version WSL :` and `WSL バージョン:` read alike. Returns
 * null when the first two values are not version numbers (the inbox wsl.exe rejects `--version` with its usage).
 */
export function parseWslVersion(text: string): WslVersionInfo | null {
  const values = text
    .split(/\r*\n/)
    .filter((line) => line.includes(':'))
    .map((line) => line.slice(line.lastIndexOf(':') + 1).trim());
  const [wsl, kernel, wslg, msrdc, direct3d, dxcore, windows] = values;
  if (wsl === undefined || kernel === undefined || !VERSION_NUMBER.test(wsl) || !VERSION_NUMBER.test(kernel)) return null;
  return {
    wslVersion: wsl,
    kernelVersion: kernel,
    wslgVersion: wslg || null,
    msrdcVersion: msrdc || null,
    direct3dVersion: direct3d || null,
    dxcoreVersion: dxcore || null,
    windowsVersion: windows || null,
  };
}
