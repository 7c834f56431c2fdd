import { DistroState } from '../../../../shared/model/distro';

/** One row of `wsl -l -v` as printed; `state` is null when the word is not one of WSL's six. */
export interface ListVerboseRow {
  name: string;
  state: DistroState | null;
  rawState: string;
  version: number;
  isDefault: boolean;
}

/** The header is printed from non-localized literals (`WSL_LIST_HEADER_*`) in every language. */
const HEADER = /^ +NAME +STATE +VERSION *$/;
const VERSION_AT_END = / +(\d+) *$/;

/** True when the text holds the `NAME STATE VERSION` header, i.e. it is a table (possibly without rows). */
export function hasListVerboseHeader(text: string): boolean {
  return text.split(/\r*\n/).some((line) => HEADER.test(line));
}

/**
 * Parses `wsl -l -v` by its layout (`"%s %-{W}s%-16s%s"`): column 0 is `*` for the default or a space,
 * the name starts at column 2 and ends before the header's `STATE` column, the version is the number
 * at the end of the line, and the state is what lies between (so a longer, localized state word would
 * still be read). Text without the header (the zero-distro message, which has no table) is an empty
 * list; the caller decides from the exit code whether that is plausible. Throws on a row it cannot read.
 */
export function parseListVerbose(text: string): ListVerboseRow[] {
  const lines = text.split(/\r*\n/);
  const headerIndex = lines.findIndex((line) => HEADER.test(line));
  if (headerIndex < 0) return [];
  const stateColumn = (lines[headerIndex] ?? '').indexOf('STATE');
  return lines
    .slice(headerIndex + 1)
    .filter((line) => line.trim() !== '')
    .map((line) => parseRow(line, stateColumn));
}

function parseRow(line: string, stateColumn: number): ListVerboseRow {
  const marker = line[0];
  const name = line.slice(2, stateColumn).trim();
  const version = VERSION_AT_END.exec(line);
  if ((marker !== '*' && marker !== ' ') || line[1] !== ' ' || name === '' || /\s/.test(name) || !version?.[1]) {
    throw new Error(`Unreadable row in "wsl -l -v" output: ${JSON.stringify(line)}`);
  }
  const rawState = line.slice(stateColumn, version.index).trim();
  if (rawState === '') throw new Error(`Row without a state in "wsl -l -v" output: ${JSON.stringify(line)}`);
  const state = DistroState.safeParse(rawState);
  return {
    name,
    state: state.success ? state.data : null,
    rawState,
    version: Number(version[1]),
    isDefault: marker === '*',
  };
}
