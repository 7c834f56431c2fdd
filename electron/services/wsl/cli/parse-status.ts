/** What `wsl --status` says without reading a sentence: the default distro and version, and an inbox kernel version. */
export interface WslStatusInfo {
  defaultDistribution: string | null;
  defaultVersion: 1 | 2 | null;
  /** Only the inbox wsl.exe of Windows 10 prints `Kernel version: 5.10.16` at the end. */
  kernelVersion: string | null;
}

const LABELLED = /^[^:]+:\s*(\S.*?)\s*$/;

/**
 * Parses `wsl --status` by layout: its output opens with one or two `Label: value` lines (the default
 * distro, printed only when one exists, then the default version); localized notices follow and are not
 * read. A later `Label: <version number>` line is the inbox build's kernel version.
 */
export function parseWslStatus(text: string): WslStatusInfo {
  const lines = text.split(/\r*\n/).filter((line) => line.trim() !== '');
  const leading: string[] = [];
  for (const line of lines) {
    const value = LABELLED.exec(line)?.[1];
    if (value === undefined || leading.length === 2) break;
    leading.push(value);
  }
  const versionAt = leading.findIndex((value) => value === '1' || value === '2');
  const version = versionAt >= 0 ? leading[versionAt] : undefined;
  const kernel = lines
    .slice(leading.length)
    .map((line) => LABELLED.exec(line)?.[1])
    .filter((value): value is string => value !== undefined && /^\d+\.\d+\.\d+[\w.-]*$/.test(value))
    .at(-1);
  return {
    defaultDistribution: versionAt === 1 ? (leading[0] ?? null) : null,
    defaultVersion: version === '1' ? 1 : version === '2' ? 2 : null,
    kernelVersion: kernel ?? null,
  };
}
