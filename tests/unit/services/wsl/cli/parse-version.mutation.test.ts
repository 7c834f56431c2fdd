import { describe, expect, it } from 'vitest';
import { parseWslVersion } from '../../../../../electron/services/wsl/cli/parse-version';

// Edges of `wsl --version` the mutation run (npm run mutation) found untested.

describe('parseWslVersion', () => {
  it('skips lines without a colon (blank lines, a banner) before the values', () => {
    expect(parseWslVersion('\nWindows Subsystem for Linux\nWSL version: 2.6.1.0\nKernel version: 6.6.87.2-1\n')).toEqual({
      wslVersion: '2.6.1.0',
      kernelVersion: '6.6.87.2-1',
      wslgVersion: null,
      msrdcVersion: null,
      direct3dVersion: null,
      dxcoreVersion: null,
      windowsVersion: null,
    });
  });

  it('is null unless both the WSL and the kernel values are version numbers', () => {
    expect(parseWslVersion('')).toBeNull();
    expect(parseWslVersion('WSL version: 2.6.1.0\n')).toBeNull();
    expect(parseWslVersion('WSL version: 2.6.1.0\nKernel version: unknown\n')).toBeNull();
    expect(parseWslVersion('WSL version: unknown\nKernel version: 6.6.87.2-1\n')).toBeNull();
  });
});
