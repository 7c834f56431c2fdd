import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runLightdockCli } from '../../electron/hosts/cli/cli-main';
import { ImageDetail } from '../../shared/model/image-detail';
import { JobDetail } from '../../shared/model/job';
import { makeTempDir } from '../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;

/** Runs the CLI in this process on the simulated host and engine in the temp folder, and collects what it printed. */
async function lightdock(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runLightdockCli(
    argv,
    { env: { LIGHTDOCK_DATA_DIR: path.join(temp.dir, 'data'), LIGHTDOCK_WSL_BACKEND: 'simulated', LIGHTDOCK_ENGINE: 'simulated' }, platform: 'linux', homeDir: temp.dir },
    { out: (text) => out.push(text), err: (text) => err.push(text) },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => {
  temp.cleanup();
});

describe('lightdock images on the simulated engine', () => {
  it('pulls with layer progress on stderr, then lists and inspects the image', async () => {
    const pulled = await lightdock('images', 'pull', 'ld-cli/pulled:3');
    expect(pulled.code).toBe(0);
    expect(pulled.err).toMatch(/^[0-9a-f]{12}: Downloading \d+%$/m);
    expect(pulled.err).toMatch(/^[0-9a-f]{12}: Pull complete$/m);
    const listed = await lightdock('images', 'ls');
    expect(listed.out).toMatch(/^ld-cli\/pulled:3\s+[0-9a-f]{12}\s/m);
    const inspected = await lightdock('images', 'inspect', 'ld-cli/pulled:3');
    expect(inspected.out).toMatch(/^Tags:\s+ld-cli\/pulled:3$/m);
    expect(inspected.out).toMatch(/^LAYER\s+SIZE\s+CREATED BY$/m);
    const json = ImageDetail.parse(JSON.parse((await lightdock('images', 'inspect', 'ld-cli/pulled:3', '--json')).out));
    expect(json.layers.length).toBeGreaterThanOrEqual(3);
  });

  it('builds a folder with its log on stdout and build arguments applied; --json prints the finished job', async () => {
    const folder = path.join(temp.dir, 'ctx');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'Dockerfile'), 'FROM busybox:1.36\nARG WHO\nRUN echo hello $WHO\n');
    const built = await lightdock('images', 'build', folder, '-t', 'ld-cli/built:1', '--build-arg', 'WHO=cli');
    expect(built.code).toBe(0);
    expect(built.out.split('\n')).toEqual(expect.arrayContaining(['Step 3/3 : RUN echo hello $WHO', 'hello cli', 'Successfully tagged ld-cli/built:1']));
    const again = await lightdock('images', 'build', folder, '-t', 'ld-cli/built:2', '--json');
    const detail = JobDetail.parse(JSON.parse(again.out));
    expect(detail.job).toMatchObject({ kind: 'build', state: 'succeeded', title: 'Build ld-cli/built:2' });
    expect(detail.lines).toContain('Successfully tagged ld-cli/built:2');
  });

  it('refuses a folder without a Dockerfile with one sentence and exit code 1', async () => {
    const folder = path.join(temp.dir, 'empty');
    fs.mkdirSync(folder);
    const refused = await lightdock('images', 'build', folder);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe(`lightdock: There is no Dockerfile in ${folder}.`);
  });

  it('tags and removes a tag', async () => {
    expect(await lightdock('images', 'tag', 'busybox:1.36', 'ld-cli/bb:1')).toMatchObject({ code: 0, out: 'ld-cli/bb:1' });
    expect(await lightdock('images', 'rm', 'ld-cli/bb:1')).toMatchObject({ code: 0, out: 'ld-cli/bb:1' });
    expect((await lightdock('images', 'ls')).out).not.toContain('ld-cli/bb:1');
  });
});
