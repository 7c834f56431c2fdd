import { describe, expect, it } from 'vitest';
import { hasListVerboseHeader, parseListVerbose } from '../../../../../electron/services/wsl/cli/parse-list-verbose';

// Layout edges of `wsl -l -v` the mutation run (npm run mutation) found untested.

const HEADER = '  NAME      STATE           VERSION';

describe('parseListVerbose', () => {
  it('takes only a whole line for the header, not one with text before or after it', () => {
    expect(hasListVerboseHeader(`x${HEADER}\n`)).toBe(false);
    expect(hasListVerboseHeader(`${HEADER}  EXTRA\n`)).toBe(false);
    expect(hasListVerboseHeader(`${HEADER}   \r\n`)).toBe(true);
    expect(parseListVerbose(`Columns:${HEADER}\n* Ubuntu    Running         2\n`)).toEqual([]);
    expect(parseListVerbose(`${HEADER} (WSL)\n* Ubuntu    Running         2\n`)).toEqual([]);
    expect(hasListVerboseHeader(`Intro.\n${HEADER}\n`)).toBe(true);
  });

  it('reads the number at the end of the row as the version, whatever precedes it', () => {
    expect(parseListVerbose(`${HEADER}\n  Debian    Stage 3         2\n  Alpine    Stopped         10\n`)).toEqual([
      { name: 'Debian', state: null, rawState: 'Stage 3', version: 2, isDefault: false },
      { name: 'Alpine', state: 'Stopped', rawState: 'Stopped', version: 10, isDefault: false },
    ]);
  });

  it('reads a state word that starts after its column', () => {
    expect(parseListVerbose(`${HEADER}\n  Debian     Stopped        1\n`)).toEqual([
      { name: 'Debian', state: 'Stopped', rawState: 'Stopped', version: 1, isDefault: false },
    ]);
  });

  it('skips lines of blanks between rows and reads the state word without its padding', () => {
    expect(parseListVerbose(`${HEADER}\n* Ubuntu    Running         2\n      \n  Debian    Stopped         1   \n`)).toEqual([
      { name: 'Ubuntu', state: 'Running', rawState: 'Running', version: 2, isDefault: true },
      { name: 'Debian', state: 'Stopped', rawState: 'Stopped', version: 1, isDefault: false },
    ]);
  });
});
