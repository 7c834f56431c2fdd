import fs from 'node:fs';
import path from 'node:path';
import tarStream from 'tar-stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkBuildContext, dockerfileBaseImages, packBuildContext } from '../../../../electron/services/images/build-context';
import { makeTempDir } from '../../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let folder: string;

function write(relative: string, content: string): void {
  const file = path.join(folder, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

/** Every entry of a tar stream: name, type, link target and (for files) content. */
function entries(stream: NodeJS.ReadableStream): Promise<Map<string, { type: string; linkname: string | null; content: string }>> {
  return new Promise((resolve, reject) => {
    const found = new Map<string, { type: string; linkname: string | null; content: string }>();
    const extract = tarStream.extract();
    extract.on('entry', (header, body, next) => {
      const chunks: Buffer[] = [];
      body.on('data', (chunk: unknown) => chunks.push(chunk as Buffer));
      body.on('end', () => {
        found.set(header.name.replace(/^\.\//, ''), { type: header.type ?? 'file', linkname: header.linkname ?? null, content: Buffer.concat(chunks).toString() });
        next();
      });
    });
    extract.on('finish', () => resolve(found));
    extract.on('error', reject);
    stream.on('error', reject);
    stream.pipe(extract);
  });
}

beforeEach(() => {
  temp = makeTempDir();
  folder = path.join(temp.dir, 'ctx');
  fs.mkdirSync(folder);
});
afterEach(() => {
  temp.cleanup();
});

describe('checkBuildContext', () => {
  it('accepts an absolute folder with its Dockerfile, with / separators', () => {
    write('docker/Dockerfile.dev', 'FROM x');
    expect(checkBuildContext(folder, 'docker/Dockerfile.dev')).toEqual({ folder, dockerfile: 'docker/Dockerfile.dev' });
  });

  it.each([
    ['a relative folder', () => checkBuildContext('ctx', 'Dockerfile'), /absolute path/],
    ['a missing folder', () => checkBuildContext(path.join(temp.dir, 'nope'), 'Dockerfile'), /does not exist/],
    ['a file as folder', () => (write('f', ''), checkBuildContext(path.join(folder, 'f'), 'Dockerfile')), /is not a folder/],
    ['no Dockerfile', () => checkBuildContext(folder, 'Dockerfile'), /There is no Dockerfile in/],
    ['a Dockerfile that is a folder', () => (fs.mkdirSync(path.join(folder, 'Dockerfile')), checkBuildContext(folder, 'Dockerfile')), /is not a regular file/],
    ['a Dockerfile outside the folder', () => (fs.writeFileSync(path.join(temp.dir, 'Dockerfile'), ''), checkBuildContext(folder, '../Dockerfile')), /inside the build folder/],
  ])('refuses %s', (_, check, words) => {
    expect(check).toThrow(words);
  });
});

describe('packBuildContext', () => {
  it("leaves out what .dockerignore matches (by docker's rules) but always sends the Dockerfile and .dockerignore", async () => {
    write('Dockerfile', 'FROM x');
    write('.dockerignore', 'Dockerfile\n.dockerignore\nnode_modules\n**/*.log\nsecrets/\n');
    write('app/main.js', 'main');
    write('app/debug.log', 'log');
    write('node_modules/dep/index.js', 'dep');
    write('secrets/key', 'key');
    const tar = await entries(packBuildContext(checkBuildContext(folder, 'Dockerfile')));
    const files = [...tar.keys()].filter((name) => tar.get(name)?.type === 'file').sort();
    expect(files).toEqual(['.dockerignore', 'Dockerfile', 'app/main.js']);
    expect(tar.get('app/main.js')?.content).toBe('main');
  });

  it('honours exceptions inside an ignored folder', async () => {
    write('Dockerfile', 'FROM x');
    write('.dockerignore', 'docs\n!docs/keep.md\n');
    write('docs/keep.md', 'keep');
    write('docs/drop.md', 'drop');
    const tar = await entries(packBuildContext(checkBuildContext(folder, 'Dockerfile')));
    expect(tar.has('docs/keep.md')).toBe(true);
    expect(tar.has('docs/drop.md')).toBe(false);
  });

  it('packs symbolic links as links and never follows one out of the folder', async () => {
    write('Dockerfile', 'FROM x');
    fs.writeFileSync(path.join(temp.dir, 'outside.txt'), 'SECRET-OUTSIDE');
    fs.mkdirSync(path.join(temp.dir, 'outside-dir'));
    fs.writeFileSync(path.join(temp.dir, 'outside-dir', 'inner.txt'), 'SECRET-INNER');
    fs.symlinkSync(path.join(temp.dir, 'outside.txt'), path.join(folder, 'link.txt'));
    fs.symlinkSync(path.join(temp.dir, 'outside-dir'), path.join(folder, 'link-dir'));
    const tar = await entries(packBuildContext(checkBuildContext(folder, 'Dockerfile')));
    expect(tar.get('link.txt')).toMatchObject({ type: 'symlink', linkname: path.join(temp.dir, 'outside.txt'), content: '' });
    expect(tar.get('link-dir')).toMatchObject({ type: 'symlink' });
    expect([...tar.keys()].some((name) => name.startsWith('link-dir/'))).toBe(false);
    expect([...tar.values()].some((entry) => entry.content.includes('SECRET'))).toBe(false);
  });

  it('fails with a clear message once the context passes the bound, counted as it streams', async () => {
    write('Dockerfile', 'FROM x');
    write('big.bin', 'x'.repeat(256 * 1024));
    await expect(entries(packBuildContext(checkBuildContext(folder, 'Dockerfile'), 64 * 1024))).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('larger than 64 KiB'),
    });
  });
});

describe('dockerfileBaseImages', () => {
  it('names the FROM images, not the stages, scratch or ARG-built names', () => {
    const text = 'ARG V=1\nFROM --platform=linux/amd64 127.0.0.1:5000/base:1 AS build\nFROM build\nfrom busybox:latest as final\nFROM scratch\nFROM img:$V\n';
    expect(dockerfileBaseImages(text)).toEqual(['127.0.0.1:5000/base:1', 'busybox:latest']);
  });
});
