import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseMeminfo, readThisMachine } from '../../../../electron/services/memory/machine-memory';
import { makeTempDir } from '../../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

describe('this machine\u2019s RAM', () => {
  it('reads MemTotal and MemAvailable from /proc/meminfo text in bytes', () => {
    expect(parseMeminfo('MemTotal:       16384 kB\nMemFree:         1024 kB\nMemAvailable:    8192 kB\n')).toEqual({ totalBytes: 16384 * 1024, availableBytes: 8192 * 1024 });
  });

  it('refuses text without both figures or with malformed ones, and never reports more available than total', () => {
    expect(parseMeminfo('MemTotal: 1 kB\n')).toBeNull();
    expect(parseMeminfo('MemTotal: x kB\nMemAvailable: 1 kB\n')).toBeNull();
    expect(parseMeminfo('MemTotal: 1 MB\nMemAvailable: 1 kB\n')).toBeNull();
    expect(parseMeminfo('MemTotal: 10 kB\nMemAvailable: 20 kB\n')).toEqual({ totalBytes: 10240, availableBytes: 10240 });
  });

  it('reads the real /proc/meminfo, and falls back to the OS figures when the file is unusable', () => {
    const real = readThisMachine();
    expect(real.totalBytes).toBeGreaterThan(0);
    expect(real.availableBytes).toBeLessThanOrEqual(real.totalBytes);
    const junk = path.join(temp.dir, 'meminfo');
    fs.writeFileSync(junk, 'nothing useful');
    const fallback = readThisMachine(junk);
    expect(fallback.totalBytes).toBeGreaterThan(0);
    expect(readThisMachine(path.join(temp.dir, 'missing')).totalBytes).toBe(fallback.totalBytes);
  });
});
