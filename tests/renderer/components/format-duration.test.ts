import { describe, expect, it } from 'vitest';
import { formatDuration, formatTimeoutMs } from '../../../renderer/src/components/format-duration';

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [45, '45 s'],
    [185, '3 min 05 s'],
    [2 * 3600 + 7 * 60 + 9, '2 h 07 min'],
    [3 * 86_400 + 4 * 3600, '3 d 4 h'],
  ])('formats %d seconds as %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('shows a dash when there is no duration', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(-5)).toBe('—');
  });
});

describe('formatTimeoutMs', () => {
  it('says timeouts in the largest exact unit', () => {
    expect(formatTimeoutMs(60_000)).toBe('1 min');
    expect(formatTimeoutMs(15_000)).toBe('15 s');
    expect(formatTimeoutMs(1500)).toBe('1.5 s');
    expect(formatTimeoutMs(250)).toBe('250 ms');
    expect(formatTimeoutMs(-1)).toBe('never');
  });
});
