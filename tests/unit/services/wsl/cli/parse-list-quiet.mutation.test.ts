import { describe, expect, it } from 'vitest';
import { parseListQuiet } from '../../../../../electron/services/wsl/cli/parse-list-quiet';

// An edge of `wsl -l -q` the mutation run (npm run mutation) found untested.

describe('parseListQuiet', () => {
  it('trims each name and skips lines of blanks', () => {
    expect(parseListQuiet('  Ubuntu  \r\n   \r\nDebian\t\r\n')).toEqual(['Ubuntu', 'Debian']);
  });
});
