import fs from 'node:fs';
import path from 'node:path';
import tar from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FsListing } from '../../../shared/model/container-files';
import type { InvokeDispatcher } from '../../../electron/hosts/common/invoke-dispatcher';
import type { Services } from '../../../electron/hosts/common/compose-services';
import { composeTestServices } from '../../helpers/compose-test-services';
import { docker, TEST_IMAGE, testDockerHost } from '../../helpers/docker-engine';
import { makeTempDir } from '../../helpers/temp-dir';

const run = Math.random().toString(36).slice(2, 8);
const label = `lightdock.test.run=${run}`;
const name = `ld-files-${run}`;
const LOOP = ['sh', '-c', 'trap "exit 0" TERM; while :; do sleep 0.2; done'];

let temp: ReturnType<typeof makeTempDir>;
let services: Services | undefined;
let dispatch: InvokeDispatcher;

/** Calls a channel through the same dispatcher the hosts use; answers the value or the error. */
async function call(channel: Parameters<InvokeDispatcher>[0], request: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }> {
  return (await dispatch(channel, request, { id: 'test' })) as { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
}

async function value<T>(channel: Parameters<InvokeDispatcher>[0], request: unknown): Promise<T> {
  const result = await call(channel, request);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** The names and types of the entries of a tar file. */
async function tarEntries(file: string): Promise<Map<string, string>> {
  const entries = new Map<string, string>();
  const extract = tar.extract();
  extract.on('entry', (header, body, next) => {
    entries.set(header.name, header.type);
    body.on('end', () => next());
    body.resume();
  });
  await new Promise<void>((resolve, reject) => {
    extract.on('finish', () => resolve());
    extract.on('error', reject);
    const input = fs.createReadStream(file);
    input.on('error', reject);
    input.pipe(extract as unknown as NodeJS.WritableStream);
  });
  return entries;
}

beforeAll(async () => {
  temp = makeTempDir();
  ({ services, dispatch } = composeTestServices(path.join(temp.dir, 'data'), { LIGHTDOCK_ENGINE: 'docker', DOCKER_HOST: testDockerHost() }));
  await docker('run', '-d', '--label', label, '--name', name, '--hostname', `host-${run}`, TEST_IMAGE, ...LOOP);
  await docker('exec', name, 'sh', '-c', 'mkdir /many && cd /many && i=0; while [ $i -lt 500 ]; do touch "f$i"; i=$((i+1)); done; mkdir /many/sub');
}, 60_000);

afterAll(async () => {
  services?.dispose();
  const leftovers = (await docker('ps', '-aq', '--filter', `label=${label}`)).split('\n').filter((s) => s !== '');
  if (leftovers.length > 0) await docker('rm', '-f', ...leftovers);
  temp.cleanup();
}, 60_000);

describe('container files on a real dockerd', () => {
  it('lists the root and /etc, folders first, and reads /etc/hostname', async () => {
    const root = await value<FsListing>('container-files:list', { id: name, path: '/' });
    const names = root.entries.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['bin', 'etc', 'tmp', '.dockerenv']));
    expect(root).toMatchObject({ path: '/', offset: 0, complete: true, truncated: false });
    expect(root.entries.find((e) => e.name === 'etc')).toMatchObject({ type: 'directory', mode: 'drwxr-xr-x' });
    const firstFile = root.entries.findIndex((e) => e.type !== 'directory');
    expect(root.entries.slice(firstFile).every((e) => e.type !== 'directory')).toBe(true);

    const etc = await value<FsListing>('container-files:list', { id: name, path: '/etc' });
    expect(etc.entries.find((e) => e.name === 'hostname')).toMatchObject({ type: 'file', mode: '-rw-r--r--', linkTarget: null });
    expect(etc.entries.find((e) => e.name === 'mtab')).toMatchObject({ type: 'symlink', linkTarget: '/proc/mounts' });

    const hostname = await value<{ text: string; binary: boolean; truncated: boolean; sizeBytes: number }>('container-files:read', { id: name, path: '/etc/hostname' });
    expect(hostname).toMatchObject({ text: `host-${run}\n`, binary: false, truncated: false, sizeBytes: `host-${run}\n`.length });

    const busybox = await value<{ text: string | null; binary: boolean }>('container-files:read', { id: name, path: '/bin/busybox' });
    expect(busybox).toMatchObject({ text: null, binary: true });
  });

  it('pages a folder of 501 entries in three pages of at most 200', async () => {
    const pages: FsListing[] = [];
    let offset = 0;
    for (;;) {
      const page = await value<FsListing>('container-files:list', { id: name, path: '/many', offset });
      pages.push(page);
      if (page.complete) break;
      offset += page.entries.length;
    }
    expect(pages.map((p) => p.entries.length)).toEqual([200, 200, 101]);
    const all = pages.flatMap((p) => p.entries.map((e) => e.name));
    expect(all[0]).toBe('sub');
    expect(new Set(all).size).toBe(501);
    expect(all.slice(1)).toEqual([...all.slice(1)].sort());
  });

  it('uploads a file into /tmp and reads it back; a second upload replaces it', async () => {
    const local = path.join(temp.dir, 'note.txt');
    fs.writeFileSync(local, 'first version\n');
    expect(await value('container-files:upload', { id: name, folder: '/tmp', filePath: local })).toEqual({ path: '/tmp/note.txt', sizeBytes: 14 });
    fs.writeFileSync(local, 'second version, longer\n');
    await value('container-files:upload', { id: name, folder: '/tmp/', filePath: local });
    expect(await value('container-files:read', { id: name, path: '/tmp/note.txt' })).toMatchObject({ text: 'second version, longer\n', binary: false });
    expect((await docker('exec', name, 'cat', '/tmp/note.txt')).toString()).toBe('second version, longer\n');

    const missingFolder = await call('container-files:upload', { id: name, folder: '/nowhere', filePath: local });
    expect(missingFolder).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const missingFile = await call('container-files:upload', { id: name, folder: '/tmp', filePath: path.join(temp.dir, 'absent.txt') });
    expect(missingFile).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('downloads /etc as a tar, and refuses to overwrite an existing file', async () => {
    const target = path.join(temp.dir, 'etc.tar');
    const saved = await value<{ filePath: string; sizeBytes: number }>('container-files:download', { id: name, path: '/etc', filePath: target });
    expect(saved.filePath).toBe(target);
    expect(saved.sizeBytes).toBe(fs.statSync(target).size);
    const entries = await tarEntries(target);
    expect(entries.get('etc/')).toBe('directory');
    expect(entries.get('etc/hostname')).toBe('file');
    expect(fs.existsSync(`${target}.partial`)).toBe(false);

    const before = fs.readFileSync(target);
    const refused = await call('container-files:download', { id: name, path: '/etc/hostname', filePath: target });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(fs.readFileSync(target).equals(before)).toBe(true);

    const noFolder = await call('container-files:download', { id: name, path: '/etc', filePath: path.join(temp.dir, 'absent', 'etc.tar') });
    expect(noFolder).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const missing = await call('container-files:download', { id: name, path: '/nope', filePath: path.join(temp.dir, 'nope.tar') });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(fs.existsSync(path.join(temp.dir, 'nope.tar'))).toBe(false);
    expect(fs.existsSync(path.join(temp.dir, 'nope.tar.partial'))).toBe(false);
  });

  it('answers NOT_FOUND for a missing path, CONFLICT for a folder read or a file listed', async () => {
    expect(await call('container-files:list', { id: name, path: '/nope' })).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_FOUND', message: `No such file or folder in ${name}: /nope` }) });
    expect(await call('container-files:read', { id: name, path: '/etc/nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('container-files:read', { id: name, path: '/etc' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const file = await call('container-files:list', { id: name, path: '/etc/hostname' });
    expect(file).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: `Not a folder in ${name}: /etc/hostname` } });
    expect(await call('container-files:list', { id: `${name}-missing`, path: '/' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: `No such container: ${name}-missing` } });
  });

  it('follows symlinks: a linked folder lists its target, a linked file reads its target', async () => {
    await docker('exec', name, 'sh', '-c', 'ln -s /etc /etclink && ln -s hostname /etc/hn');
    const listed = await value<FsListing>('container-files:list', { id: name, path: '/etclink' });
    expect(listed.entries.map((e) => e.name)).toContain('hostname');
    expect(await value('container-files:read', { id: name, path: '/etc/hn' })).toMatchObject({ text: `host-${run}\n` });
  });

  it('still lists and reads once the container is stopped', async () => {
    await docker('stop', '-t', '1', name);
    const etc = await value<FsListing>('container-files:list', { id: name, path: '/etc' });
    expect(etc.entries.map((e) => e.name)).toContain('hostname');
    expect(await value('container-files:read', { id: name, path: '/tmp/note.txt' })).toMatchObject({ text: 'second version, longer\n' });
  });
});
