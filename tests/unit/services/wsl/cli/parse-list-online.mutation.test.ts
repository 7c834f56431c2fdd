import { describe, expect, it } from 'vitest';
import { hasListOnlineHeader, parseListOnline } from '../../../../../electron/services/wsl/cli/parse-list-online';

// Layout edges of `wsl -l -o` the mutation run (npm run mutation) found untested.

describe('hasListOnlineHeader', () => {
  it('is true only when one whole line is the header', () => {
    expect(hasListOnlineHeader('The following is a list of valid distributions.\r\n\r\nNAME            FRIENDLY NAME\r\nUbuntu          Ubuntu\r\n')).toBe(true);
    expect(hasListOnlineHeader('NAME FRIENDLY NAME')).toBe(true);
    expect(hasListOnlineHeader('Intro.\nNAME            FRIENDLY NAME\nUbuntu          Ubuntu\n')).toBe(true);
    expect(hasListOnlineHeader('Intro.\r\r\nNAME            FRIENDLY NAME\r\r\n')).toBe(true);
    expect(hasListOnlineHeader('Failed to fetch the list of distributions.\nError code: Wsl/WININET_E_NAME_NOT_RESOLVED\n')).toBe(false);
    expect(hasListOnlineHeader('')).toBe(false);
  });
});

describe('parseListOnline', () => {
  it('does not take a sentence that only ends or starts with the header words for the header', () => {
    expect(parseListOnline('Columns: NAME  FRIENDLY NAME\nUbuntu      Ubuntu\n')).toEqual([]);
    expect(parseListOnline('NAME  FRIENDLY NAME  VERSION\nUbuntu      Ubuntu\n')).toEqual([]);
  });

  it('skips lines of blanks between rows and trims the friendly name, falling back to the name', () => {
    const text = 'NAME            FRIENDLY NAME\nUbuntu          Ubuntu 24.04 LTS   \n      \nDebian\n';
    expect(parseListOnline(text)).toEqual([
      { name: 'Ubuntu', friendlyName: 'Ubuntu 24.04 LTS' },
      { name: 'Debian', friendlyName: 'Debian' },
    ]);
  });
});
