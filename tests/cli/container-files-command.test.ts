import fs from 'node:fs';
import path from 'node:path';
import tar from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsListing } from '../../shared/model/container-files';
import { runLightdock, type CliResult } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;

/** Runs the CLI from source over the simulated host and engine in the test's own data folder. */
function lightdock(args: string[]): Promise<CliResult> {
  const env = { PATH: process.env['PATH'], HOME: temp.dir, LIGHTDOCK_DATA_DIR: path.join(temp.dir, 'data'), LIGHTDOCK_WSL_BACKEND: 'simulated', LIGHTDOCK_ENGINE: 'simulated' };
  return runLightdock(args, env, { from: 'source' });
}

beforeAll(() => {
  temp = makeTempDir();
});
afterAll(() => {
  temp.cleanup();
});

describe('lightdock containers files, cat, cp-out and cp-in (simulated engine)', () => {
  it('lists a folder as ls -l lines and as JSON pages', async () => {
    const listed = await lightdock(['containers', 'files', 'shop-web-1', '/etc']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^drwxr-xr-x +- +\d{4}-\d\d-\d\d \d\d:\d\d {2}nginx\/$/m);
    expect(listed.stdout).toMatch(/^-rw-r--r-- +\d+ B +\S+ \S+ {2}os-release$/m);
    expect(listed.stdout).toMatch(/^lrwxrwxrwx .* mtab -> \/proc\/mounts$/m);

    const page = FsListing.parse(JSON.parse((await lightdock(['containers', 'files', 'shop-web-1', '/usr/lib', '--offset', '200', '--json'])).stdout));
    expect(page).toMatchObject({ path: '/usr/lib', offset: 200, complete: false, truncated: false });
    expect(page.entries).toHaveLength(200);

    const more = await lightdock(['containers', 'files', 'shop-web-1', '/usr/lib']);
    expect(more.stdout).toContain('More entries: lightdock containers files shop-web-1 /usr/lib --offset 200');
  }, 60_000);

  it('prints a text file, and refuses a binary one and a missing one with exit code 1', async () => {
    const text = await lightdock(['containers', 'cat', 'shop-web-1', '/etc/os-release']);
    expect(text).toMatchObject({ code: 0 });
    expect(text.stdout).toContain('PRETTY_NAME="Alpine Linux v3.20"');
    const binary = await lightdock(['containers', 'cat', 'shop-web-1', '/bin/busybox']);
    expect(binary.code).toBe(1);
    expect(binary.stderr).toContain('is a binary file');
    const missing = await lightdock(['containers', 'cat', 'shop-web-1', '/etc/nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('lightdock: No such file or folder in shop-web-1: /etc/nope\n');
  }, 60_000);

  it('saves a folder as a tar and never overwrites it', async () => {
    const saved = await lightdock(['containers', 'cp-out', 'shop-web-1', '/usr/share/nginx/html', path.join(temp.dir, 'html.tar')]);
    expect(saved.code).toBe(0);
    const file = path.join(temp.dir, 'html.tar');
    expect(saved.stdout).toContain(`Saved ${file}`);
    const names: string[] = [];
    const extract = tar.extract();
    extract.on('entry', (header, body, next) => {
      names.push(header.name);
      body.on('end', () => next());
      body.resume();
    });
    await new Promise<void>((resolve, reject) => {
      extract.on('finish', () => resolve());
      extract.on('error', reject);
      extract.end(fs.readFileSync(file));
    });
    expect(names).toEqual(['html/', 'html/50x.html', 'html/index.html']);
    const again = await lightdock(['containers', 'cp-out', 'shop-web-1', '/etc', path.join(temp.dir, 'html.tar')]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  }, 60_000);

  it('copies a local file into a folder and says where it went', async () => {
    fs.writeFileSync(path.join(temp.dir, 'notes.txt'), 'hello\n');
    const copied = await lightdock(['containers', 'cp-in', 'shop-api-1', path.join(temp.dir, 'notes.txt'), '/app']);
    expect(copied).toMatchObject({ code: 0, stdout: 'Copied 6 B to /app/notes.txt.\n' });
    const refused = await lightdock(['containers', 'cp-in', 'shop-api-1', path.join(temp.dir, 'notes.txt'), '/nowhere']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('No such file or folder in shop-api-1: /nowhere');
  }, 60_000);
});
