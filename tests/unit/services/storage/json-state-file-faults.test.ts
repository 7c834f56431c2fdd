import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { JsonStateFile } from '../../../../electron/services/storage/json-state-file';
import { ManualClock, RecordingLogger } from '../../../helpers/recording';
import { mountSmallTmpfs, type SmallTmpfs } from '../../../helpers/small-tmpfs';
import { makeTempDir } from '../../../helpers/temp-dir';

const Doc = z.object({ count: z.number().int(), note: z.string() });
type Doc = z.infer<typeof Doc>;
const PREVIOUS: Doc = { count: 1, note: 'kept' };

let tmpfs: SmallTmpfs | null;
let temp: ReturnType<typeof makeTempDir>;
let runs = 0;

beforeAll(() => {
  tmpfs = mountSmallTmpfs('64k');
  temp = makeTempDir();
});
afterEach(() => {
  vi.restoreAllMocks();
  tmpfs?.writable();
});
afterAll(() => {
  tmpfs?.unmount();
  temp.cleanup();
});

/** A state file in a fresh folder (on the small tmpfs when `onTmpfs` and one could be mounted) holding PREVIOUS. */
function stateFile(onTmpfs: boolean): { file: JsonStateFile<Doc>; dir: string; reopen: () => JsonStateFile<Doc> } {
  runs += 1;
  const dir = path.join(onTmpfs && tmpfs ? tmpfs.dir : temp.dir, `run-${runs}`);
  const open = (): JsonStateFile<Doc> => new JsonStateFile(path.join(dir, 'doc.json'), Doc, () => ({ count: 0, note: 'seed' }), new ManualClock(), new RecordingLogger());
  const file = open();
  file.write(PREVIOUS);
  return { file, dir, reopen: open };
}

function errno(code: string, syscall: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected fault, ${syscall}`), { code, syscall });
}

/** After a failed write: the error came through, the file holds PREVIOUS, no temp file is left, and the next start loads PREVIOUS. */
function expectPreviousKept(dir: string, reopen: () => JsonStateFile<Doc>): void {
  expect(fs.readdirSync(dir)).toEqual(['doc.json']);
  expect(JSON.parse(fs.readFileSync(path.join(dir, 'doc.json'), 'utf8'))).toEqual(PREVIOUS);
  expect(reopen().read()).toEqual(PREVIOUS);
  expect(fs.readdirSync(dir)).toEqual(['doc.json']);
}

describe('JsonStateFile under write faults', () => {
  it.each([
    ['EIO', 'the write is interrupted between the temp file and the rename'],
    ['EPERM', 'the file is read-only (as Windows refuses a rename over it)'],
  ])('keeps the previous document when the rename fails with %s (%s)', (code) => {
    const { file, dir, reopen } = stateFile(false);
    const rename = vi.spyOn(fs, 'renameSync').mockImplementationOnce(() => {
      throw errno(code, 'rename');
    });
    expect(() => file.write({ count: 2, note: 'lost' })).toThrow(expect.objectContaining({ code }));
    expect(rename).toHaveBeenCalledTimes(1);
    expectPreviousKept(dir, reopen);
    file.write({ count: 3, note: 'next' });
    expect(reopen().read()).toEqual({ count: 3, note: 'next' });
  });

  it('starts from the previous document when a crashed write left a partial temp file, and the next write replaces it', () => {
    const { dir, reopen } = stateFile(false);
    fs.writeFileSync(path.join(dir, `doc.json.${process.pid}.tmp`), '{"count": 2, "no');
    fs.writeFileSync(path.join(dir, 'doc.json.99999.tmp'), '');
    const next = reopen();
    expect(next.read()).toEqual(PREVIOUS);
    next.write({ count: 4, note: 'after the crash' });
    expect(reopen().read()).toEqual({ count: 4, note: 'after the crash' });
    expect(fs.readdirSync(dir).sort()).toEqual(['doc.json', 'doc.json.99999.tmp']);
  });

  it.each([
    ['a full 64 KiB tmpfs', true],
    ['an injected ENOSPC', false],
  ])('keeps the previous document on a full disk (%s) and frees the partial temp file', (_label, onTmpfs) => {
    const { file, dir, reopen } = stateFile(onTmpfs);
    const real = onTmpfs && tmpfs !== null;
    if (!real) {
      vi.spyOn(fs, 'writeFileSync').mockImplementationOnce(() => {
        throw errno('ENOSPC', 'write');
      });
    }
    expect(() => file.write({ count: 2, note: 'x'.repeat(256 * 1024) })).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expectPreviousKept(dir, reopen);
    file.update((d) => ({ ...d, count: d.count + 1 }));
    expect(reopen().read()).toEqual({ count: 2, note: 'kept' });
  });

  it.each([
    ['a read-only tmpfs', true],
    ['an injected EROFS', false],
  ])('keeps and loads the previous document in a read-only folder (%s)', (_label, onTmpfs) => {
    const { file, dir, reopen } = stateFile(onTmpfs);
    const real = onTmpfs && tmpfs !== null;
    if (real) tmpfs?.readOnly();
    else {
      vi.spyOn(fs, 'openSync').mockImplementationOnce(() => {
        throw errno('EROFS', 'open');
      });
    }
    expect(() => file.update((d) => ({ ...d, count: 5 }))).toThrow(expect.objectContaining({ code: 'EROFS' }));
    expect(file.read()).toEqual(PREVIOUS);
    expectPreviousKept(dir, reopen);
  });
});
