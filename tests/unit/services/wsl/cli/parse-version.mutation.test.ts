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

  it('takes a version of two numbers, a two-digit first number and a letter suffix', () => {
    expect(parseWslVersion('WSL version: 2.0\nKernel version: 10.6-rc1\n')).toMatchObject({ wslVersion: '2.0', kernelVersion: '10.6-rc1' });
  });

  it('does not take a value with text before or after the version number', () => {
    expect(parseWslVersion('WSL version: v2.6.1.0\nKernel version: 6.6.87.2-1\n')).toBeNull();
    expect(parseWslVersion('WSL version: 2.6.1.0 (preview)\nKernel version: 6.6.87.2-1\n')).toBeNull();
  });

  it('is null unless both the WSL and the kernel values are version numbers', () => {
    expect(parseWslVersion('')).toBeNull();
    expect(parseWslVersion('WSL version: 2.6.1.0\n')).toBeNull();
    expect(parseWslVersion('WSL version: 2.6.1.0\nKernel version: unknown\n')).toBeNull();
    expect(parseWslVersion('WSL version: unknown\nKernel version: 6.6.87.2-1\n')).toBeNull();
  });
});
