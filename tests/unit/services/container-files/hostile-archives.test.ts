import { PassThrough, Readable } from 'node:stream';
import tar from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { firstEntry, looksBinary } from '../../../../electron/services/container-files/file-head';
import { childName, scanFolder } from '../../../../electron/services/container-files/folder-scan';
import { modeString } from '../../../../electron/services/container-files/fs-entry';
import { rejection } from '../../../helpers/service-error';

type Entry = { name: string; type?: 'file' | 'directory' | 'symlink'; body?: Buffer; linkname?: string; mode?: number };

/** A tar of the entries, in memory. */
async function tarOf(entries: Entry[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const collected = (async () => {
    for await (const chunk of pack) chunks.push(chunk as Buffer);
  })();
  for (const entry of entries) {
    await new Promise<void>((resolve, reject) => {
      const done = (error?: Error | null): void => (error ? reject(error) : resolve());
      const type = entry.type ?? 'file';
      const mode = entry.mode ?? (type === 'directory' ? 0o755 : type === 'symlink' ? 0o777 : 0o644);
      const header = { name: entry.name, type, mode, mtime: new Date(1_700_000_000_000), linkname: entry.linkname };
      if (type === 'file') pack.entry({ ...header, size: entry.body?.length ?? 0 }, entry.body ?? Buffer.alloc(0), done);
      else pack.entry(header, done);
    });
  }
  pack.finalize();
  await collected;
  return Buffer.concat(chunks);
}

const options = (maxBytes = 1024 * 1024 * 1024) => ({ maxBytes, maxChildren: 20_000, signal: new AbortController().signal, what: 'the test archive' });

describe('scanning a folder archive', () => {
  it('keeps only plain immediate children: absolute, climbing, deeper and foreign names are left out', async () => {
    const archive = await tarOf([
      { name: 'big/', type: 'directory' },
      { name: '/etc/passwd', body: Buffer.from('root') },
      { name: 'big/../escape', body: Buffer.from('x') },
      { name: 'big/..', type: 'directory' },
      { name: 'big/.', type: 'directory' },
      { name: 'other/file' },
      { name: 'big/sub/', type: 'directory' },
      { name: 'big/sub/deep', body: Buffer.from('deep') },
      { name: 'big/zz', body: Buffer.from('12345') },
      { name: 'big/link', type: 'symlink', linkname: '/etc/hostname' },
      { name: 'big/run', mode: 0o4755 },
    ]);
    const scan = await scanFolder(Readable.from([archive]), 'big', options());
    expect(scan.sawFolder).toBe(true);
    expect(scan.truncated).toBe(false);
    expect(scan.entries).toEqual([
      { name: 'sub', type: 'directory', sizeBytes: 0, mode: 'drwxr-xr-x', modified: 1_700_000_000_000, linkTarget: null },
      { name: 'link', type: 'symlink', sizeBytes: 0, mode: 'lrwxrwxrwx', modified: 1_700_000_000_000, linkTarget: '/etc/hostname' },
      { name: 'run', type: 'file', sizeBytes: 0, mode: '-rwsr-xr-x', modified: 1_700_000_000_000, linkTarget: null },
      { name: 'zz', type: 'file', sizeBytes: 5, mode: '-rw-r--r--', modified: 1_700_000_000_000, linkTarget: null },
    ]);
  });

  it('names the root folder and its children the way the engine does', () => {
    expect(childName('/', '/')).toBe('');
    expect(childName('/bin/', '/')).toBe('bin');
    expect(childName('/bin/sh', '/')).toBeNull();
    expect(childName('bin/', '/')).toBeNull();
    expect(childName('etc/hostname', 'etc')).toBe('hostname');
    expect(childName('etcetera/x', 'etc')).toBeNull();
    expect(childName(`etc/${'a'.repeat(2000)}`, 'etc')).toBeNull();
  });

  it('stops at the child bound with 100,000 entries and says so, without reading the rest', async () => {
    let written = 0;
    const pack = tar.pack();
    const source = Readable.from(pack);
    const produce = async (): Promise<void> => {
      await new Promise<void>((resolve) => pack.entry({ name: 'many/', type: 'directory' }, () => resolve()));
      for (let i = 0; i < 100_000 && !source.destroyed; i++) {
        await new Promise<void>((resolve, reject) => pack.entry({ name: `many/f${String(i).padStart(6, '0')}`, size: 0 }, Buffer.alloc(0), (e) => (e ? reject(e) : resolve())));
        written++;
      }
    };
    const producing = produce().catch(() => undefined);
    const scan = await scanFolder(source, 'many', { ...options(), maxChildren: 20_000 });
    await producing;
    expect(scan.truncated).toBe(true);
    expect(scan.entries).toHaveLength(20_000);
    expect(scan.entries[0]?.name).toBe('f000000');
    expect(source.destroyed).toBe(true);
    expect(written).toBeLessThan(100_000);
  }, 60_000);

  it('stops at the byte bound (a huge body) and says so', async () => {
    const archive = await tarOf([{ name: 'big/', type: 'directory' }, { name: 'big/a', body: Buffer.alloc(4 * 1024 * 1024) }, { name: 'big/b' }]);
    const chunks = Array.from({ length: Math.ceil(archive.length / 65_536) }, (_, i) => archive.subarray(i * 65_536, (i + 1) * 65_536));
    const scan = await scanFolder(Readable.from(chunks), 'big', options(512 * 1024));
    expect(scan.truncated).toBe(true);
    expect(scan.entries.map((e) => e.name)).toEqual(['a']);
  });

  it('rejects a truncated archive, one that is not a tar, and a header that claims 100 MiB, with INTERNAL', async () => {
    const archive = await tarOf([{ name: 'big/', type: 'directory' }, { name: 'big/a', body: Buffer.alloc(10_000, 1) }]);
    expect((await rejection(scanFolder(Readable.from([archive.subarray(0, 3000)]), 'big', options()))).code).toBe('INTERNAL');
    expect((await rejection(scanFolder(Readable.from([Buffer.alloc(4096, 0x41)]), 'big', options()))).code).toBe('INTERNAL');
    const pax = await tarOf([{ name: 'big/', type: 'directory' }]);
    const header = Buffer.from(pax.subarray(0, 512));
    header.write('x'.padEnd(100, '\0'), 0, 'latin1');
    header[156] = 'x'.charCodeAt(0);
    header.write(`${(100 * 1024 * 1024).toString(8).padStart(11, '0')}\0`, 124, 'latin1');
    header.write('        ', 148, 'latin1');
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    const hostile = await rejection(scanFolder(Readable.from([header, Buffer.alloc(8192)]), 'big', options()));
    expect(hostile.code).toBe('INTERNAL');
    expect(hostile.message).toContain('Header exceeds max size');
  });

  it('gives up with the abort reason when the signal fires on a stream that never ends', async () => {
    const source = new PassThrough();
    const controller = new AbortController();
    const scanning = scanFolder(source, 'x', { ...options(), signal: controller.signal });
    controller.abort();
    expect((await rejection(scanning)).code).toBe('TIMEOUT');
    expect(source.destroyed).toBe(true);
  });
});

describe('reading the first entry', () => {
  it('reads at most the head of a large file and stops the stream', async () => {
    const archive = await tarOf([{ name: 'log', body: Buffer.alloc(3 * 1024 * 1024, 0x61) }]);
    const source = Readable.from([archive]);
    const first = await firstEntry(source, 1024 * 1024, { maxBytes: 8 * 1024 * 1024, signal: new AbortController().signal, what: 'log' });
    expect(first?.header.size).toBe(3 * 1024 * 1024);
    expect(first?.head?.length).toBe(1024 * 1024);
    expect(source.destroyed).toBe(true);
  });

  it('tells binary from text: NUL bytes and invalid UTF-8 are binary, a character cut at the end is not', () => {
    expect(looksBinary(Buffer.from('plain text\n'))).toBe(false);
    expect(looksBinary(Buffer.from([0x68, 0x00, 0x69]))).toBe(true);
    expect(looksBinary(Buffer.from([0xff, 0xfe, 0x41]))).toBe(true);
    expect(looksBinary(Buffer.from('héllo €').subarray(0, 8))).toBe(false);
  });
});

describe('modes as ls -l prints them', () => {
  it('covers types and the special bits', () => {
    expect(modeString('directory', 0o1777)).toBe('drwxrwxrwt');
    expect(modeString('file', 0o2750)).toBe('-rwxr-s---');
    expect(modeString('file', 0o4644)).toBe('-rwSr--r--');
    expect(modeString('symlink', 0o777)).toBe('lrwxrwxrwx');
    expect(modeString('character-device', 0o666)).toBe('crw-rw-rw-');
    expect(modeString('file', Number.NaN)).toBe('----------');
  });
});
