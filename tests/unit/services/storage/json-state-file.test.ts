import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { JsonStateFile } from '../../../../electron/services/storage/json-state-file';
import { ManualClock, RecordingLogger } from '../../../helpers/recording';
import { makeTempDir } from '../../../helpers/temp-dir';

const Doc = z.object({ count: z.number().int() });

/**
 * Runs `write`, waits until `probe` (a watcher of the same folder, so the file's own watcher hears the
 * same event in the same turn) has seen doc.json change and the turn has ended, then runs the file
 * watcher's (fake) debounce timer: after it, the watcher has decided whether to report the change.
 */
async function settled(probe: fs.FSWatcher, write: () => void): Promise<void> {
  const changed = new Promise<void>((resolve) => {
    const onChange = (_event: string, name: string | Buffer | null): void => {
      if (name !== 'doc.json') return;
      probe.off('change', onChange);
      resolve();
    };
    probe.on('change', onChange);
  });
  write();
  await changed;
  await new Promise<void>((resolve) => setImmediate(resolve));
  vi.runOnlyPendingTimers();
}
let temp: ReturnType<typeof makeTempDir>;
let logger: RecordingLogger;
let file: JsonStateFile<z.infer<typeof Doc>>;

beforeEach(() => {
  temp = makeTempDir();
  logger = new RecordingLogger();
  file = new JsonStateFile(path.join(temp.dir, 'doc.json'), Doc, () => ({ count: 0 }), new ManualClock(), logger);
});
afterEach(() => temp.cleanup());

describe('JsonStateFile', () => {
  it('seeds a missing file and persists updates', () => {
    expect(file.read()).toEqual({ count: 0 });
    file.update((d) => ({ count: d.count + 2 }));
    expect(JSON.parse(fs.readFileSync(file.filePath, 'utf8'))).toEqual({ count: 2 });
  });

  it.each([
    ['not JSON', '{"count": 1'],
    ['the wrong shape', '{"count": "many"}'],
  ])('backs up a file that is %s and starts again from the seed', (_what, text) => {
    fs.writeFileSync(file.filePath, text);
    expect(file.read()).toEqual({ count: 0 });
    const backups = fs.readdirSync(temp.dir).filter((f) => f.startsWith('doc.json.corrupt-'));
    expect(backups).toHaveLength(1);
    expect(fs.readFileSync(path.join(temp.dir, backups[0]!), 'utf8')).toBe(text);
    expect(logger.lines.some((l) => l.level === 'warn' && l.message.includes('moved to'))).toBe(true);
  });

  it('parses identical text once, yet hands out copies, and reads a changed file afresh', () => {
    file.write({ count: 5 });
    const parse = vi.spyOn(Doc, 'safeParse');
    const first = file.read();
    first.count = 99;
    expect(file.read()).toEqual({ count: 5 });
    expect(parse).toHaveBeenCalledTimes(1);
    fs.writeFileSync(file.filePath, '{"count": 6}');
    expect(file.read()).toEqual({ count: 6 });
    expect(parse).toHaveBeenCalledTimes(2);
    parse.mockRestore();
  });

  it('gives readers one frozen document without copying, that a change cannot reach, until the file changes', () => {
    const Nested = z.object({ items: z.array(z.object({ name: z.string() })) });
    const nested = new JsonStateFile(path.join(temp.dir, 'nested.json'), Nested, () => ({ items: [] }), new ManualClock(), logger);
    nested.write({ items: [{ name: 'a' }] });
    const view = nested.view();
    expect(nested.view()).toBe(view);
    expect(() => {
      (view.items[0] as { name: string }).name = 'changed';
    }).toThrow(TypeError);
    expect(() => (view.items as { name: string }[]).push({ name: 'b' })).toThrow(TypeError);
    const copy = nested.read();
    copy.items.push({ name: 'b' });
    expect(nested.view()).toEqual({ items: [{ name: 'a' }] });
    fs.writeFileSync(nested.filePath, '{"items": [{"name": "c"}]}');
    expect(nested.view()).toEqual({ items: [{ name: 'c' }] });
    expect(nested.view()).not.toBe(view);
  });

  it('does not read a file again while its stamp is unchanged and its last change over 2 s old; a change since is read', () => {
    file.write({ count: 5 });
    const read = vi.spyOn(fs, 'readFileSync');
    expect(file.view()).toEqual({ count: 5 });
    expect(file.view()).toEqual({ count: 5 });
    // Changed under 2 s ago: a coarse clock could stamp two writes alike, so each view reads and compares the text.
    expect(read).toHaveBeenCalledTimes(2);
    const later = vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 3_000);
    read.mockClear();
    expect(file.view()).toEqual({ count: 5 });
    expect(file.view()).toEqual({ count: 5 });
    expect(read).toHaveBeenCalledTimes(1);
    fs.writeFileSync(file.filePath, '{"count": 7}');
    expect(file.view()).toEqual({ count: 7 });
    expect(read).toHaveBeenCalledTimes(2);
    later.mockRestore();
    read.mockRestore();
  });

  it('leaves no temporary file behind after a write', () => {
    file.write({ count: 5 });
    expect(fs.readdirSync(temp.dir)).toEqual(['doc.json']);
  });

  it('reports writes by another writer but not its own', async () => {
    const seen: number[] = [];
    const probe = fs.watch(temp.dir);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const stop = file.watch(() => seen.push(file.read().count));
    try {
      await settled(probe, () => file.write({ count: 1 }));
      expect(seen).toEqual([]);
      const other = new JsonStateFile(file.filePath, Doc, () => ({ count: 0 }), new ManualClock(), logger);
      await settled(probe, () => other.write({ count: 7 }));
      expect(seen).toEqual([7]);
      await settled(probe, () => file.write({ count: 8 }));
      expect(seen).toEqual([7]);
    } finally {
      stop();
      probe.close();
      vi.useRealTimers();
    }
  });
});
