import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Settings } from '../../../../electron/services/settings/settings';
import { SettingsService, recoverSettingsFile, type SettingsStore } from '../../../../electron/services/settings/settings-service';
import { ManualClock, RecordingLogger } from '../../../helpers/recording';
import { mountSmallTmpfs, type SmallTmpfs } from '../../../helpers/small-tmpfs';
import { makeTempDir } from '../../../helpers/temp-dir';

const PREVIOUS = Settings.parse({ wsl: { backend: 'simulated', scenario: 'empty' }, engine: { kind: 'simulated' } });
const NEXT = Settings.parse({ wsl: { backend: 'cli', scenario: 'ready' }, engine: { kind: 'docker' } });

let tmpfs: SmallTmpfs | null;
let temp: ReturnType<typeof makeTempDir>;
let runs = 0;

beforeAll(() => {
  tmpfs = mountSmallTmpfs('64k');
  temp = makeTempDir();
});
afterEach(() => {
  tmpfs?.writable();
});
afterAll(() => {
  tmpfs?.unmount();
  temp.cleanup();
});

/** The settings as the hosts open them at start: recovery first, then `conf` over the folder. */
function start(dir: string): SettingsService {
  recoverSettingsFile(path.join(dir, 'settings.json'), new ManualClock(), new RecordingLogger());
  return new SettingsService(new Conf<Record<string, unknown>>({ cwd: dir, configName: 'settings' }));
}

/** A fresh settings folder (on the small tmpfs when `onTmpfs`) holding PREVIOUS. */
function folderWithPrevious(onTmpfs: boolean): string {
  runs += 1;
  const dir = path.join(onTmpfs && tmpfs ? tmpfs.dir : temp.dir, `run-${runs}`);
  fs.mkdirSync(dir);
  start(dir).set(PREVIOUS);
  return dir;
}

/** Fills the file system under `dir` until it refuses another byte; returns the filler's path. */
function fillDisk(dir: string): string {
  const filler = path.join(dir, 'filler');
  const fd = fs.openSync(filler, 'w');
  const chunk = Buffer.alloc(4096, 0x78);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
  } finally {
    fs.closeSync(fd);
  }
  return filler;
}

function expectPreviousLoaded(dir: string): void {
  expect(Settings.parse(JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')))).toEqual(PREVIOUS);
  expect(start(dir).get()).toEqual(PREVIOUS);
}

/** A store over `conf` whose writes fail with `code` before anything reaches the disk: the fault injected at the storage port. */
function failingStore(dir: string, code: string): SettingsStore {
  const conf = new Conf<Record<string, unknown>>({ cwd: dir, configName: 'settings' });
  return {
    path: conf.path,
    get store() {
      return conf.store;
    },
    set store(_value: Record<string, unknown>) {
      throw Object.assign(new Error(`${code}: injected fault, write`), { code });
    },
  };
}

describe('settings writes under faults', () => {
  it('starts on the previous settings when a crashed write left its temp file behind', () => {
    const dir = folderWithPrevious(false);
    fs.writeFileSync(path.join(dir, 'settings.json.tmp-1764628800000a1b2c3'), '{"wsl": {"backend": "cl');
    expectPreviousLoaded(dir);
    start(dir).set(NEXT);
    expect(start(dir).get()).toEqual(NEXT);
  });

  it('keeps and loads the previous settings on a full disk', async () => {
    const real = tmpfs !== null;
    const dir = folderWithPrevious(real);
    const settings = real ? start(dir) : new SettingsService(failingStore(dir, 'ENOSPC'));
    const filler = real ? fillDisk(dir) : null;
    expect(() => settings.set(NEXT)).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(settings.get()).toEqual(PREVIOUS);
    if (filler) fs.rmSync(filler);
    // conf's writer (atomically) removes its temp file with an asynchronous unlink after the failed write.
    await vi.waitFor(() => expect(fs.readdirSync(dir)).toEqual(['settings.json']), { timeout: 5_000 });
    expectPreviousLoaded(dir);
  });

  it('keeps and loads the previous settings in a read-only folder', () => {
    const real = tmpfs !== null;
    const dir = folderWithPrevious(real);
    const settings = real ? start(dir) : new SettingsService(failingStore(dir, 'EROFS'));
    if (real) tmpfs?.readOnly();
    expect(() => settings.set(NEXT)).toThrow(expect.objectContaining({ code: 'EROFS' }));
    expect(settings.get()).toEqual(PREVIOUS);
    expectPreviousLoaded(dir);
    expect(fs.readdirSync(dir)).toEqual(['settings.json']);
  });

  it('keeps the previous settings when an injected write fault hits the storage port', () => {
    const dir = folderWithPrevious(false);
    const settings = new SettingsService(failingStore(dir, 'EIO'));
    expect(() => settings.set(NEXT)).toThrow(expect.objectContaining({ code: 'EIO' }));
    expect(settings.get()).toEqual(PREVIOUS);
    expectPreviousLoaded(dir);
  });
});
