import fs from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BUILT_CLI, runLightdock, type CliResult } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;

function lightdock(...args: string[]): Promise<CliResult> {
  return runLightdock(args, { PATH: process.env['PATH'], LIGHTDOCK_DATA_DIR: temp.dir, LIGHTDOCK_WSL_BACKEND: 'simulated' });
}

beforeAll(() => {
  expect(fs.existsSync(BUILT_CLI), 'out/cli/lightdock.js is missing: run `npm run build` first').toBe(true);
});
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

describe('the built lightdock CLI', () => {
  it('lists distros as JSON with the model field names', async () => {
    const { code, stdout } = await lightdock('distros', 'list', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      { name: 'Ubuntu-24.04', state: 'Stopped', version: 2, isDefault: true },
      { name: 'docker-desktop', state: 'Stopped', version: 2, isDefault: false },
      { name: 'Debian', state: 'Stopped', version: 2, isDefault: false },
    ]);
  });

  it('prints a wsl -l -v style table without --json', async () => {
    const { stdout } = await lightdock('distros', 'list');
    expect(stdout.split('\n')[0]).toMatch(/^ {2}NAME +STATE +VERSION$/);
    expect(stdout).toMatch(/^\* Ubuntu-24\.04 +Stopped +2$/m);
  });

  it('starts, sets default, terminates and shuts down, persisting between runs', async () => {
    expect(JSON.parse((await lightdock('distros', 'start', 'Debian', '--json')).stdout)).toMatchObject({ name: 'Debian', state: 'Running' });
    expect(JSON.parse((await lightdock('status', '--json')).stdout)).toMatchObject({
      host: { simulated: true, backend: 'simulated' },
      vm: { state: 'Running' },
      distros: { running: 1 },
    });
    expect(JSON.parse((await lightdock('distros', 'set-default', 'Debian', '--json')).stdout)).toMatchObject({ isDefault: true });
    expect(JSON.parse((await lightdock('distros', 'terminate', 'Debian', '--json')).stdout)).toMatchObject({ state: 'Stopped' });
    await lightdock('distros', 'start', 'Ubuntu-24.04');
    expect(JSON.parse((await lightdock('shutdown', '--json')).stdout)).toEqual({ state: 'Stopped', runningDistros: 0 });
  });

  it('prints the one-line status', async () => {
    const { code, stdout } = await lightdock('status');
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^Lightdock 0\.1\.0 · WSL from simulated host \(scenario ready\) · VM Stopped · 3 distros, 0 running, default Ubuntu-24\.04$/);
  });

  it.each([
    [['distros', 'start', 'Fedora'], /no distro named Fedora/],
    [['distros', 'start', 'Ubuntu 24.04'], /Invalid request for distros:start \(name\)/],
    [['distros', 'terminate', 'x;reboot'], /Invalid request/],
  ])('fails %j with one sentence and exit code 1, changing nothing', async (args, message) => {
    const before = (await lightdock('distros', 'list', '--json')).stdout;
    const { code, stderr } = await lightdock(...args);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect((await lightdock('distros', 'list', '--json')).stdout).toBe(before);
  });

  it('puts the error code in --json output', async () => {
    const { code, stdout } = await lightdock('distros', 'start', 'Fedora', '--json');
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('exits 2 on an unknown command', async () => {
    const { code, stderr } = await lightdock('distros', 'explode');
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown command/);
  });
});
