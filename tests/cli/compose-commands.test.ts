import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComposeCli, ComposeProject } from '../../shared/model/compose';
import { JobDetail } from '../../shared/model/job';
import { runLightdock, type CliResult } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;

/** Runs the lightdock CLI from source in its own process on the simulated engine, as a user would. */
function lightdock(args: string[]): Promise<CliResult> {
  return runLightdock(args, { PATH: process.env['PATH'], HOME: temp.dir, LIGHTDOCK_DATA_DIR: temp.dir, LIGHTDOCK_WSL_BACKEND: 'simulated', LIGHTDOCK_ENGINE: 'simulated' }, { from: 'source' });
}

beforeAll(() => {
  temp = makeTempDir();
});
afterAll(() => temp.cleanup());

describe('lightdock compose (simulated engine)', () => {
  it('lists projects, takes one down and brings it up again, printing Compose’s lines', { timeout: 150_000 }, async () => {
    const cli = await lightdock(['compose', 'cli', '--json']);
    expect(ComposeCli.parse(JSON.parse(cli.stdout))).toMatchObject({ available: true, simulated: true });
    expect((await lightdock(['compose', 'cli'])).stdout.trim()).toBe('Compose: modelled on the simulated engine.');

    const listed = await lightdock(['compose', 'ls']);
    expect(listed.code).toBe(0);
    expect(listed.stdout.split('\n')).toEqual(['NAME    RUNNING   WORKING DIR', 'shop    3/3       /home/dev/shop', '']);

    const down = await lightdock(['compose', 'down', 'shop']);
    expect(down.code).toBe(0);
    expect(down.stdout).toContain(' Container shop-web-1  Removed');
    expect(down.stderr).toContain('shop is down.');
    const afterDown = (JSON.parse((await lightdock(['compose', 'ls', '--json'])).stdout) as unknown[]).map((entry) => ComposeProject.parse(entry));
    expect(afterDown).toEqual([expect.objectContaining({ name: 'shop', containers: 0, actionable: true })]);

    const up = await lightdock(['compose', 'up', 'shop', '--json']);
    expect(up.code).toBe(0);
    expect(JobDetail.parse(JSON.parse(up.stdout))).toMatchObject({ job: { kind: 'compose', title: 'Compose up shop', state: 'succeeded' } });
    expect((await lightdock(['compose', 'ls'])).stdout).toContain('shop    3/3');
  });

  it('brings up a Compose file given with -f as a new project named after its folder', { timeout: 60_000 }, async () => {
    const folder = path.join(temp.dir, 'blog');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'compose.yml'), 'services:\n  web:\n    image: busybox:1.36\n');
    const up = await lightdock(['compose', 'up', '-f', path.join(folder, 'compose.yml')]);
    expect(up.code).toBe(0);
    expect(up.stdout).toContain('Container blog-web-1  Started');
    expect((await lightdock(['compose', 'ls'])).stdout).toContain(`blog    1/1       ${folder}`);
  });

  it('refuses a bad project name, a missing file, and up with neither or both', { timeout: 120_000 }, async () => {
    const bad = await lightdock(['compose', 'down', 'Shop;rm']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Not a Compose project name.');
    const missing = await lightdock(['compose', 'up', '-f', path.join(temp.dir, 'missing.yml')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No such file');
    expect((await lightdock(['compose', 'up'])).code).toBe(2);
    expect((await lightdock(['compose', 'up', 'shop', '-f', 'x.yml'])).code).toBe(2);
    expect((await lightdock(['compose', 'restart', 'nothing'])).stderr).toContain('No Compose project named nothing.');
  });
});
