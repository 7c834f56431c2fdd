import { describe, expect, it } from 'vitest';
import { parseWslStatus } from '../../../../../electron/services/wsl/cli/parse-status';

// Layout edges of `wsl --status` the mutation run (npm run mutation) found untested.

describe('parseWslStatus', () => {
  it('skips blank lines and lines of blanks before and between the leading lines', () => {
    expect(parseWslStatus('\n   \nDefault Distribution: Ubuntu\n \t \nDefault Version: 2\n')).toEqual({
      defaultDistribution: 'Ubuntu',
      defaultVersion: 2,
      kernelVersion: null,
    });
  });

  it('reads a label followed by any blanks, but not a line that starts with a colon or is unlabelled first', () => {
    expect(parseWslStatus('Default Distribution:  Ubuntu\nDefault Version:\t 2\n')).toEqual({
      defaultDistribution: 'Ubuntu',
      defaultVersion: 2,
      kernelVersion: null,
    });
    expect(parseWslStatus(': note: 2\n').defaultVersion).toBeNull();
    expect(parseWslStatus('A banner without a label.\nDefault Version: 2\n').defaultVersion).toBeNull();
  });

  it('reads at most two leading lines, so a third labelled line right after them is the kernel version', () => {
    expect(parseWslStatus('Default Distribution: Ubuntu\nDefault Version: 2\nKernel version: 5.10.16\n')).toEqual({
      defaultDistribution: 'Ubuntu',
      defaultVersion: 2,
      kernelVersion: '5.10.16',
    });
  });

  it('stops the leading lines at the first unlabelled line', () => {
    expect(parseWslStatus('Default Version: 2\nA notice without a label.\nKernel version: 5.10.16\n')).toEqual({
      defaultDistribution: null,
      defaultVersion: 2,
      kernelVersion: '5.10.16',
    });
  });

  it('takes the last version-shaped labelled value after the leading lines, not a later notice', () => {
    const text = 'Default Version: 2\nA notice.\nKernel version: 5.15.153.1-microsoft-standard-WSL2\nLast updated: 1/9/2023\nSee: https://aka.ms/wsl2kernel\n';
    expect(parseWslStatus(text).kernelVersion).toBe('5.15.153.1-microsoft-standard-WSL2');
    expect(parseWslStatus('Default Version: 2\nNote\nKernel version: 10.0.1\n').kernelVersion).toBe('10.0.1');
  });

  it('does not take a value with text around the version for a kernel version', () => {
    expect(parseWslStatus('Default Version: 2\nNote\nKernel version: v5.10.16\n').kernelVersion).toBeNull();
    expect(parseWslStatus('Default Version: 2\nNote\nKernel version: 5.10.16 (old)\n').kernelVersion).toBeNull();
  });

  it('does not read a default distro named like a version as the kernel version', () => {
    expect(parseWslStatus('Default Distribution: 22.04.5\nDefault Version: 2\n')).toEqual({
      defaultDistribution: '22.04.5',
      defaultVersion: 2,
      kernelVersion: null,
    });
  });

  it('has no default version when no leading value is 1 or 2', () => {
    expect(parseWslStatus('Something went wrong.\n')).toEqual({ defaultDistribution: null, defaultVersion: null, kernelVersion: null });
    expect(parseWslStatus('Default Version: 3\n')).toEqual({ defaultDistribution: null, defaultVersion: null, kernelVersion: null });
  });
});
