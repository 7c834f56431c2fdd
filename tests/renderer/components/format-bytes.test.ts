import { describe, expect, it } from 'vitest';
import { formatBytes, formatPercent } from '../../../renderer/src/components/format-bytes';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1023, '1023 B'],
    [1024, '1 KiB'],
    [1536, '1.5 KiB'],
    [12.34 * 1024 ** 2, '12.3 MiB'],
    [980 * 1024 ** 2, '980 MiB'],
    [8 * 1024 ** 3, '8 GiB'],
    [1024 ** 4, '1 TiB'],
  ])('formats %d as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('shows a dash for unknown or impossible figures', () => {
    expect(formatBytes(null)).toBe('—');
    expect(formatBytes(undefined)).toBe('—');
    expect(formatBytes(-1)).toBe('—');
    expect(formatBytes(Number.NaN)).toBe('—');
  });
});

describe('formatPercent', () => {
  it('rounds to a whole percentage and refuses a zero whole', () => {
    expect(formatPercent(1, 3)).toBe('33%');
    expect(formatPercent(4, 8)).toBe('50%');
    expect(formatPercent(1, 0)).toBe('—');
    expect(formatPercent(1, 1000)).toBe('<1%');
    expect(formatPercent(0, 1000)).toBe('0%');
    expect(formatPercent(null, 8)).toBe('—');
  });
});
