import { DISTRO_NAME_PATTERN, type OnlineDistro } from '../../../../shared/model/distro';

/** The header is printed from the non-localized literals `NAME` and `FRIENDLY NAME`. */
const HEADER = /^NAME +FRIENDLY NAME *$/;

/** True when the text holds the `NAME FRIENDLY NAME` header, i.e. it is the online table. */
export function hasListOnlineHeader(text: string): boolean {
  return text.split(/\r*\n/).some((line) => HEADER.test(line));
}

/**
 * Parses `wsl -l -o` by layout: the localized sentences before the header are skipped, each row is
 * `%-{W}s%s` aligned on the header's `FRIENDLY NAME` column. Throws on a row whose name is not a distro name.
 */
export function parseListOnline(text: string): OnlineDistro[] {
  const lines = text.split(/\r*\n/);
  const headerIndex = lines.findIndex((line) => HEADER.test(line));
  if (headerIndex < 0) return [];
  const column = (lines[headerIndex] ?? '').indexOf('FRIENDLY NAME');
  return lines
    .slice(headerIndex + 1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const name = line.slice(0, column).trim();
      if (!DISTRO_NAME_PATTERN.test(name)) throw new Error(`Unreadable row in "wsl -l -o" output: ${JSON.stringify(line)}`);
      return { name, friendlyName: line.slice(column).trim() || name };
    });
}
