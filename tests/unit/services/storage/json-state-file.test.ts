import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JsonStateFile } from '../../../../electron/services/storage/json-state-file';
import { ManualClock, RecordingLogger } from '../../../helpers/recording';
import { makeTempDir } from '../../../helpers/temp-dir';

const Doc = z.object({ count: z.number().int() });
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

  it('leaves no temporary file behind after a write', () => {
    file.write({ count: 5 });
    expect(fs.readdirSync(temp.dir)).toEqual(['doc.json']);
  });

  it('reports writes by another writer but not its own', async () => {
    const seen: number[] = [];
    const stop = file.watch(() => seen.push(file.read().count));
    file.write({ count: 1 });
    await new Promise((r) => setTimeout(r, 150));
    expect(seen).toEqual([]);
    const other = new JsonStateFile(file.filePath, Doc, () => ({ count: 0 }), new ManualClock(), logger);
    other.write({ count: 7 });
    await expect.poll(() => seen, { timeout: 2000 }).toEqual([7]);
    stop();
  });
});
