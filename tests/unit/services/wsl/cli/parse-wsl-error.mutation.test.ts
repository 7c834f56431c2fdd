import { describe, expect, it } from 'vitest';
import { parseWslErrorCode } from '../../../../../electron/services/wsl/cli/parse-wsl-error';

// An edge the mutation run (npm run mutation) found untested.

describe('parseWslErrorCode', () => {
  it('takes the last of several different bare hex codes', () => {
    expect(parseWslErrorCode('Error: 0x80070005\nError: 0x8007019e\nError: 0x80370102 The virtual machine could not be started.\n')).toEqual({
      code: '0x80370102',
      tail: '0x80370102',
    });
  });
});
