import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveArchive } from '../../../../electron/services/container-files/archive-download';
import { USR_LIB_ENTRIES } from '../../../../electron/services/docker/simulated/simulated-filesystem';
import { useSimulatedTestServices } from '../../../helpers/compose-test-services';
import { rejection } from '../../../helpers/service-error';
import { makeTempDir } from '../../../helpers/temp-dir';

const sim = useSimulatedTestServices();
let local: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  local = makeTempDir();
});
afterEach(() => {
  local.cleanup();
});

describe('container files on the simulated engine', () => {
  it('lists / with the program extras and pages /usr/lib through all its entries', async () => {
    const files = sim.services.containerFiles;
    const root = await files.list('shop-web-1', '/', 0);
    expect(root.entries.map((e) => e.name)).toEqual(expect.arrayContaining(['bin', 'etc', 'usr', 'docker-entrypoint.d', 'docker-entrypoint.sh', '.dockerenv']));
    expect(root.entries.find((e) => e.name === 'tmp')?.mode).toBe('drwxrwxrwt');
    let offset = 0;
    const names: string[] = [];
    for (;;) {
      const page = await files.list('shop-web-1', '/usr/lib', offset);
      expect(page.entries.length).toBeLessThanOrEqual(200);
      names.push(...page.entries.map((e) => e.name));
      offset += page.entries.length;
      if (page.complete) break;
    }
    expect(names).toHaveLength(USR_LIB_ENTRIES);
    expect(new Set(names).size).toBe(USR_LIB_ENTRIES);
  });

  it('reads /etc/os-release and /etc/hostname, follows a link, and calls busybox binary', async () => {
    const files = sim.services.containerFiles;
    expect((await files.read('shop-web-1', '/etc/os-release')).text).toContain('PRETTY_NAME="Alpine Linux v3.20"');
    const detail = await sim.services.engine.inspect('shop-web-1');
    expect((await files.read('shop-web-1', '/etc/hostname')).text).toBe(`${detail.id.slice(0, 12)}\n`);
    expect(await files.read('shop-web-1', '/lib/libc.musl-x86_64.so.1')).toMatchObject({ binary: true, text: null });
    expect((await files.read('shop-web-1', '/usr/share/nginx/html/index.html')).text).toContain('Welcome to nginx!');
    expect((await files.read('shop-api-1', '/app/package.json')).text).toContain('"name": "shop-api"');
    expect((await rejection(files.read('shop-web-1', '/etc'))).code).toBe('CONFLICT');
    expect((await rejection(files.read('shop-web-1', '/etc/nope'))).message).toBe('No such file or folder in shop-web-1: /etc/nope');
    expect((await rejection(files.list('shop-web-1', '/etc/passwd', 0))).code).toBe('CONFLICT');
    expect((await files.list('shop-web-1', '/var/run', 0)).path).toBe('/var/run');
  });

  it('uploads a file into a folder, replaces it on a second upload, and refuses a missing folder', async () => {
    const files = sim.services.containerFiles;
    const file = path.join(local.dir, 'notes.txt');
    fs.writeFileSync(file, 'one\n');
    expect(await files.upload('shop-db-1', '/tmp', file)).toEqual({ path: '/tmp/notes.txt', sizeBytes: 4 });
    fs.writeFileSync(file, 'two, longer\n');
    await files.upload('shop-db-1', '/tmp', file);
    expect((await files.read('shop-db-1', '/tmp/notes.txt')).text).toBe('two, longer\n');
    expect((await files.list('shop-db-1', '/tmp', 0)).entries.map((e) => e.name)).toEqual(['notes.txt']);
    expect((await rejection(files.upload('shop-db-1', '/nowhere', file))).code).toBe('NOT_FOUND');
    const big = path.join(local.dir, 'big.log');
    fs.writeFileSync(big, 'x'.repeat(3 * 1024 * 1024));
    await files.upload('shop-db-1', '/tmp', big);
    const read = await files.read('shop-db-1', '/tmp/big.log');
    expect(read).toMatchObject({ sizeBytes: 3 * 1024 * 1024, binary: false, truncated: true });
    expect(read.text).toHaveLength(1024 * 1024);
    expect((await rejection(files.upload('shop-db-1', '/tmp', local.dir))).code).toBe('VALIDATION');
  });

  it('downloads a folder as a tar and never overwrites', async () => {
    const files = sim.services.containerFiles;
    const target = path.join(local.dir, 'html.tar');
    const saved = await files.download('shop-web-1', '/usr/share/nginx/html', target);
    expect(saved.sizeBytes).toBe(fs.statSync(target).size);
    const before = fs.readFileSync(target);
    expect((await rejection(files.download('shop-web-1', '/etc', target))).code).toBe('CONFLICT');
    expect(fs.readFileSync(target).equals(before)).toBe(true);
    expect(fs.readdirSync(local.dir)).toEqual(['html.tar']);
  });
});

describe('saving an archive', () => {
  it('removes the partial file when the stream fails midway, and leaves no file', async () => {
    const source = new PassThrough();
    const target = path.join(local.dir, 'broken.tar');
    const saving = saveArchive(source, target, new AbortController().signal);
    source.write(Buffer.alloc(4096));
    setImmediate(() => source.destroy(new Error('engine went away')));
    await expect(saving).rejects.toThrow('engine went away');
    expect(fs.readdirSync(local.dir)).toEqual([]);
  });

  it('removes the partial file when cancelled', async () => {
    const source = new PassThrough();
    const controller = new AbortController();
    const target = path.join(local.dir, 'cancelled.tar');
    const saving = saveArchive(source, target, controller.signal);
    source.write(Buffer.alloc(4096));
    setImmediate(() => controller.abort());
    expect((await rejection(saving)).code).toBe('TIMEOUT');
    expect(fs.readdirSync(local.dir)).toEqual([]);
  });
});
