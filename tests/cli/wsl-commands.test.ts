import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BUILT_CLI, runLightdock, type CliResult } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;

function lightdock(...args: string[]): Promise<CliResult> {
  return runLightdock(args, { PATH: process.env['PATH'], LIGHTDOCK_DATA_DIR: temp.dir, LIGHTDOCK_WSL_BACKEND: 'simulated' }, { cwd: temp.dir });
}

async function json<T>(...args: string[]): Promise<T> {
  const { code, stdout, stderr } = await lightdock(...args, '--json');
  expect(code, stderr).toBe(0);
  return JSON.parse(stdout) as T;
}

async function names(): Promise<string[]> {
  return (await json<{ name: string }[]>('distros', 'list')).map((distro) => distro.name);
}

beforeAll(() => {
  expect(fs.existsSync(BUILT_CLI), 'out/cli/lightdock.js is missing: run `npm run build` first').toBe(true);
});
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

describe('lightdock vm', () => {
  it('prints the VM as JSON with the model field names, and its figures follow the distros', async () => {
    const stopped = await json<Record<string, unknown>>('vm');
    expect(stopped).toMatchObject({ state: 'Stopped', runningDistros: 0, uptimeSeconds: null, network: { vmIp: null } });
    await lightdock('distros', 'start', 'Ubuntu-24.04');
    const running = await json<{
      state: string;
      runningDistros: number;
      kernel: { version: string };
      memory: { limitBytes: number; assignedBytes: number; usedBytes: number };
      network: { vmIp: string; mode: string };
      processors: number;
    }>('vm');
    expect(running.state).toBe('Running');
    expect(running.runningDistros).toBe(1);
    expect(running.kernel.version).toMatch(/microsoft-standard-WSL2$/);
    expect(running.memory.limitBytes).toBeGreaterThan(0);
    expect(running.memory.assignedBytes).toBeGreaterThan(running.memory.usedBytes);
    expect(running.network.vmIp).toMatch(/^172\.(1[6-9]|2\d|3[01])\.\d+\.\d+$/);
    expect(running.network.mode).toBe('nat');
    expect(running.processors).toBeGreaterThan(0);
  });

  it('prints a readable summary without --json', async () => {
    await lightdock('distros', 'start', 'Debian');
    const { code, stdout } = await lightdock('vm');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^WSL VM: +Running, up \d+ s \(1 WSL 2 distro running\)$/m);
    expect(stdout).toMatch(/^Memory: +limit [\d.]+ GiB of [\d.]+ GiB host RAM, assigned /m);
    expect(stdout).toMatch(/^Network: +nat, VM IP 172\.[\d.]+\/20, host 172\./m);
  });
});

describe('lightdock distros show', () => {
  it('prints disk, mounts, IP, OS and user as JSON', async () => {
    await lightdock('distros', 'start', 'Ubuntu-24.04');
    const detail = await json<{
      name: string;
      state: string;
      disk: { fileSizeBytes: number; usedBytes: number; maxSizeBytes: number; reclaimableBytes: number };
      mounts: { target: string; fsType: string }[];
      ip: string;
      osName: string;
      defaultUser: string;
    }>('distros', 'show', 'Ubuntu-24.04');
    expect(detail).toMatchObject({ name: 'Ubuntu-24.04', state: 'Running' });
    expect(detail.disk.fileSizeBytes).toBeGreaterThanOrEqual(detail.disk.usedBytes);
    expect(detail.disk.maxSizeBytes).toBe(1024 ** 4);
    expect(detail.mounts.map((mount) => mount.target)).toContain('/');
    expect(detail.ip).toMatch(/^172\./);
    expect(detail.osName).toMatch(/Ubuntu/);
    expect(detail.defaultUser).not.toBe('');
  });

  it('fails with one sentence for an unknown distro', async () => {
    const { code, stderr } = await lightdock('distros', 'show', 'Fedora');
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/Fedora/);
  });
});

describe('lightdock distros export, import, compact, set-version, unregister, install', () => {
  it('exports to a relative file (made absolute), then imports it under a new name, with progress on stderr', async () => {
    const exported = await lightdock('distros', 'export', 'Debian', 'debian.tar');
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(new RegExp(`^Exported Debian to ${path.join(temp.dir, 'debian.tar').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(exported.stderr).toMatch(/^export Debian: \d+%/m);
    expect(fs.existsSync(path.join(temp.dir, 'debian.tar'))).toBe(true);

    const imported = await json<{ name: string; version: number }>('distros', 'import', 'Debian-copy', 'copy', 'debian.tar', '--version', '2');
    expect(imported).toMatchObject({ name: 'Debian-copy', version: 2 });
    expect(await names()).toContain('Debian-copy');
  });

  it('prints no progress lines with --json', async () => {
    const { code, stdout, stderr } = await lightdock('distros', 'export', 'Debian', path.join(temp.dir, 'd.tar'), '--json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toMatchObject({ filePath: path.join(temp.dir, 'd.tar') });
  });

  it('refuses an import over an existing name and a bad version, changing nothing', async () => {
    await lightdock('distros', 'export', 'Debian', 'debian.tar');
    const before = await names();
    const taken = await lightdock('distros', 'import', 'Debian', 'again', 'debian.tar');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/^lightdock: .*Debian/m);
    const badVersion = await lightdock('distros', 'import', 'Other', 'other', 'debian.tar', '--version', '3');
    expect(badVersion.code).toBe(1);
    expect(badVersion.stderr).toMatch(/Invalid request for distros:import \(version\)/);
    expect(await names()).toEqual(before);
  });

  it('compacts a stopped distro and returns the smaller disk', async () => {
    const before = await json<{ disk: { fileSizeBytes: number; reclaimableBytes: number } }>('distros', 'show', 'Ubuntu-24.04');
    const after = await json<{ fileSizeBytes: number; reclaimableBytes: number }>('distros', 'compact', 'Ubuntu-24.04');
    expect(after.fileSizeBytes).toBeLessThan(before.disk.fileSizeBytes);
    expect(after.reclaimableBytes).toBe(0);
  });

  it('converts a distro to WSL 1 and refuses a version that does not exist', async () => {
    expect(await json('distros', 'set-version', 'Debian', '1')).toMatchObject({ name: 'Debian', version: 1 });
    const bad = await lightdock('distros', 'set-version', 'Debian', '3');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Invalid request for distros:set-version \(version\)/);
  });

  it('unregisters only with the exact name as confirmation', async () => {
    const missing = await lightdock('distros', 'unregister', 'docker-desktop');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--confirm/);
    const wrong = await lightdock('distros', 'unregister', 'docker-desktop', '--confirm', 'Docker-Desktop');
    expect(wrong.code).toBe(1);
    expect(await names()).toContain('docker-desktop');
    const done = await lightdock('distros', 'unregister', 'docker-desktop', '--confirm', 'docker-desktop');
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/Unregistered docker-desktop/);
    expect(await names()).not.toContain('docker-desktop');
  });

  it('installs a distro from the online list', async () => {
    const online = await json<{ name: string }[]>('distros', 'online');
    expect(online.map((distro) => distro.name)).toContain('kali-linux');
    const { code, stdout, stderr } = await lightdock('distros', 'install', 'kali-linux');
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^Installed kali-linux: Stopped, WSL 2/);
    expect(stderr).toMatch(/^install kali-linux: /m);
    expect(await names()).toContain('kali-linux');
  });
});

describe('lightdock wslconfig', () => {
  it('lists the known settings and prints one by key, case-insensitively', async () => {
    const view = await json<{ path: string; settings: { key: string }[] }>('wslconfig', 'get');
    expect(view.settings.map((setting) => setting.key)).toEqual(expect.arrayContaining(['wsl2.memory', 'wsl2.processors', 'wsl2.networkingMode']));
    const memory = await json<{ key: string; value: string | null; restartNeeded: boolean }>('wslconfig', 'get', 'WSL2.Memory');
    expect(memory).toMatchObject({ key: 'wsl2.memory', value: null, restartNeeded: true });
    const { stdout } = await lightdock('wslconfig', 'get', 'wsl2.memory');
    expect(stdout.trim()).toMatch(/^wsl2\.memory = \S+ \(file: not set; default: \S+; needs a restart\)$/);
  });

  it('sets a key, says whether a restart is needed, and removes it again when no value is given', async () => {
    const stopped = await lightdock('wslconfig', 'set', 'wsl2.memory', '4GB');
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(stopped.stdout.trim()).toBe('Set wsl2.memory = 4GB. No restart needed.');
    expect(fs.readFileSync(path.join(temp.dir, 'simulated-host', '.wslconfig'), 'utf8')).toMatch(/^memory\s*=\s*4GB$/m);

    await lightdock('distros', 'start', 'Ubuntu-24.04');
    const running = await lightdock('wslconfig', 'set', 'wsl2.swap', '0');
    expect(running.stdout).toMatch(/^Set wsl2\.swap = 0\. Restart needed/);
    expect(await json('wslconfig', 'get', 'wsl2.swap')).toMatchObject({ value: '0' });

    const removed = await lightdock('wslconfig', 'set', 'wsl2.memory');
    expect(removed.stdout).toMatch(/^Removed wsl2\.memory; WSL uses its default/);
    expect(await json('wslconfig', 'get', 'wsl2.memory')).toMatchObject({ value: null });
  });

  it('refuses a value WSL would reject and an unknown key, leaving the file as it was', async () => {
    await lightdock('wslconfig', 'set', 'wsl2.memory', '4GB');
    const before = await lightdock('wslconfig', 'get', '--json');
    const bad = await lightdock('wslconfig', 'set', 'wsl2.memory', '4gb');
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/4gb/);
    const unknown = await lightdock('wslconfig', 'get', 'wsl2.nope');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/wsl2\.nope is not a \.wslconfig setting/);
    expect((await lightdock('wslconfig', 'get', '--json')).stdout).toBe(before.stdout);
  });
});
