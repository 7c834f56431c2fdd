import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DistroDetail } from '../../../../../shared/model/distro';
import type { ScenarioName } from '../../../../../shared/model/host';
import { VmInfo } from '../../../../../shared/model/vm';
import { WslCliBackend, resolveWslConfigPath } from '../../../../../electron/services/wsl/cli/wsl-cli-backend';
import { SimulatedWslBackend } from '../../../../../electron/services/wsl/simulated/simulated-wsl-backend';
import type { WslBackend } from '../../../../../electron/services/wsl/wsl-backend';
import { ManualClock, RecordingLogger } from '../../../../helpers/recording';
import { makeTempDir } from '../../../../helpers/temp-dir';
import { rejection } from '../../../../helpers/service-error';

const FAKE_WSL = path.resolve(import.meta.dirname, '../../../../helpers/fake-wsl/wsl.mjs');
const FAKE_REG = path.resolve(import.meta.dirname, '../../../../helpers/fake-reg/reg.mjs');
const GIB = 1024 ** 3;
const STAND_IN_BYTES = 1024 * 1024;
/** A signal that never aborts, for the long operations run to the end. */
const live = new AbortController().signal;

let temp: ReturnType<typeof makeTempDir>;
let simulated: SimulatedWslBackend;
let callLog: string;
let clock: ManualClock;

async function seed(scenario: ScenarioName): Promise<void> {
  simulated = new SimulatedWslBackend(temp.dir, scenario, new ManualClock(), new RecordingLogger(), { sleep: async () => undefined });
  simulated.reseedIfScenarioDiffers(scenario);
  await simulated.listDistros();
}

function backend(extraEnv: NodeJS.ProcessEnv = {}): WslCliBackend {
  const env = {
    PATH: process.env['PATH'],
    LIGHTDOCK_WSL_EXE: FAKE_WSL,
    LIGHTDOCK_REG_EXE: FAKE_REG,
    LIGHTDOCK_WSLCONFIG: path.join(temp.dir, 'profile', '.wslconfig'),
    LIGHTDOCK_DATA_DIR: temp.dir,
    FAKE_WSL_LOG: callLog,
    ...extraEnv,
  };
  return new WslCliBackend({ env, platform: 'linux', logger: new RecordingLogger(), clock, hostMemoryBytes: 32 * GIB, hostProcessors: 16 });
}

function wslCalls(): string[][] {
  if (!fs.existsSync(callLog)) return [];
  return fs
    .readFileSync(callLog, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => (JSON.parse(line) as { argv: string[] }).argv);
}

const localIp = (): string | undefined => os.networkInterfaces()['eth0']?.find((a) => a.family === 'IPv4')?.address;
const localOsName = (): string | undefined => /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1];
const progressLog = (): { reports: [number | null, string][]; report: (p: number | null, m: string) => void } => {
  const reports: [number | null, string][] = [];
  return { reports, report: (p, m) => reports.push([p, m]) };
};

beforeEach(async () => {
  temp = makeTempDir();
  callLog = path.join(temp.dir, 'fake-wsl-calls.jsonl');
  clock = new ManualClock();
  await seed('ready');
});
afterEach(() => temp.cleanup());

describe('WslCliBackend.showDistro', () => {
  it('reads a stopped distro from the registry and its VHDX only, without starting it', async () => {
    const detail = DistroDetail.parse(await backend().showDistro('Debian'));
    expect(detail).toMatchObject({
      name: 'Debian',
      state: 'Stopped',
      version: 2,
      isDefault: false,
      id: '{6c9a3e0b-1d2f-4b7a-9c1e-000000000003}',
      mounts: [],
      ip: null,
      osName: null,
      defaultUser: null,
      systemd: null,
    });
    expect(detail.disk).toEqual({
      path: path.join(detail.basePath ?? '', 'ext4.vhdx'),
      fileSizeBytes: STAND_IN_BYTES,
      usedBytes: null,
      maxSizeBytes: 1024 * GIB,
      sparse: false,
      reclaimableBytes: null,
    });
    expect(fs.statSync(detail.disk?.path ?? '').size).toBe(STAND_IN_BYTES);
    expect(wslCalls().some((argv) => argv.includes('--exec'))).toBe(false);
    expect((await simulated.listDistros()).find((d) => d.name === 'Debian')?.state).toBe('Stopped');
    expect((await backend().showDistro('docker-desktop')).defaultUser).toBe('root');
  });

  it('probes a running distro once, with real data from this machine', async () => {
    const cli = backend();
    await cli.startDistro('Debian');
    const detail = DistroDetail.parse(await cli.showDistro('Debian'));
    expect(wslCalls().filter((argv) => argv.includes('/bin/sh'))).toHaveLength(1);
    expect(detail.state).toBe('Running');
    expect(detail.ip).toBe(localIp() ?? null);
    expect(detail.osName).toBe(localOsName());
    expect(detail.defaultUser).toBe(os.userInfo().username);
    expect(detail.mounts.find((m) => m.target === '/')).toBeDefined();
    expect(detail.disk?.usedBytes).toBeGreaterThan(0);
    expect(detail.disk?.maxSizeBytes).toBe(fs.statfsSync('/').blocks * fs.statfsSync('/').bsize);
    expect(detail.disk?.reclaimableBytes).toBe(0);
  });

  it('answers NOT_FOUND for an unknown distro and still shows a distro when reg.exe is missing', async () => {
    expect((await rejection(backend().showDistro('NoSuchDistro'))).code).toBe('NOT_FOUND');
    const detail = await backend({ LIGHTDOCK_REG_EXE: path.join(temp.dir, 'missing-reg.exe') }).showDistro('Debian');
    expect(detail).toMatchObject({ name: 'Debian', id: null, basePath: null, disk: null });
  });

  it('reports a WSL1 distro without a disk, from the mixed host', async () => {
    await seed('mixed');
    const cli = backend();
    expect(await cli.listDistros()).toEqual(await simulated.listDistros());
    const wsl1 = await cli.showDistro('Ubuntu-18.04');
    expect(wsl1).toMatchObject({ version: 1, disk: null, id: '{6c9a3e0b-1d2f-4b7a-9c1e-00000000000c}' });
  });
});

describe('WslCliBackend.vmInfo', () => {
  it('reports a stopped VM from --version and the effective .wslconfig', async () => {
    const vm = VmInfo.parse(await backend().vmInfo());
    expect(vm).toMatchObject({
      state: 'Stopped',
      runningDistros: 0,
      bootTime: null,
      uptimeSeconds: null,
      kernel: { version: '6.6.87.2-1', customKernelPath: null, commandLine: null },
      memory: { hostTotalBytes: 32 * GIB, limitBytes: 16 * GIB, assignedBytes: 0, usedBytes: 0, swapBytes: 4 * GIB, swapUsedBytes: 0, reclaimMode: 'dropCache' },
      processors: 16,
      idleTimeoutMs: 60_000,
      idleShutdownAt: null,
      network: { mode: 'nat', vmIp: null, hostIp: null, subnet: null, dns: [], localhostForwarding: true },
    });
  });

  it('follows .wslconfig: memory, swap, processors, kernel, idle timeout, reclaim', async () => {
    const cli = backend();
    fs.mkdirSync(path.join(temp.dir, 'profile'));
    await cli.writeWslConfig(
      '[wsl2]\nmemory=8GB\nprocessors=4\nkernel=C:\\\\k\\\\bzImage\nvmIdleTimeout=120000\nlocalhostForwarding=false\n[experimental]\nautoMemoryReclaim=gradual\n',
    );
    const vm = await cli.vmInfo();
    expect(vm.memory).toMatchObject({ limitBytes: 8 * GIB, swapBytes: 2 * GIB, reclaimMode: 'gradual' });
    expect(vm).toMatchObject({ processors: 4, idleTimeoutMs: 120_000, kernel: { customKernelPath: 'C:\\k\\bzImage' } });
    expect(vm.network.localhostForwarding).toBe(false);
  });

  it('reads a running VM from one probe of a running WSL2 distro: kernel, memory, CPUs, uptime, network', async () => {
    const cli = backend();
    await cli.startDistro('Ubuntu-24.04');
    const vm = VmInfo.parse(await cli.vmInfo());
    const memTotal = Number(/^MemTotal:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/meminfo', 'utf8'))?.[1]) * 1024;
    expect(vm).toMatchObject({ state: 'Running', runningDistros: 1, processors: Number(execFileSync('nproc', { encoding: 'utf8' }).trim()) });
    expect(vm.kernel.version).toBe(os.release());
    expect(vm.memory.assignedBytes).toBe(memTotal);
    expect(vm.memory.usedBytes).toBeGreaterThan(0);
    expect(vm.memory.usedBytes).toBeLessThan(memTotal);
    expect(vm.uptimeSeconds).toBeGreaterThan(0);
    expect(vm.bootTime).toBe(clock.now() - (vm.uptimeSeconds ?? 0) * 1000);
    const ip = localIp();
    if (ip !== undefined) {
      expect(vm.network.vmIp).toBe(ip);
      expect(vm.network.hostIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      expect(vm.network.subnet).toMatch(new RegExp(`/${vm.network.prefixLength}$`));
    }
    expect(wslCalls().filter((argv) => argv.includes('/bin/sh'))).toEqual([['--distribution', 'Ubuntu-24.04', '--exec', '/bin/sh', '-c', expect.any(String)]]);
  });
});

describe('WslCliBackend actions against the fake wsl.exe', () => {
  it('lists the distros available online, and is UNAVAILABLE offline', async () => {
    const online = await backend().listOnline();
    expect(online[1]).toEqual({ name: 'Ubuntu-24.04', friendlyName: 'Ubuntu 24.04 LTS' });
    const offline = await rejection(backend({ FAKE_WSL_OFFLINE: '1' }).listOnline());
    expect(offline.code).toBe('UNAVAILABLE');
    expect(offline.details).toEqual({ code: 'Wsl/InstallDistro/WININET_E_CANNOT_CONNECT', exitCode: 255 });
  });

  it('installs a distro without launching it, refuses an unknown or taken name', async () => {
    const cli = backend();
    const { reports, report } = progressLog();
    await cli.installDistro('kali-linux', report, live);
    expect(wslCalls().at(-1)).toEqual(['--install', '--distribution', 'kali-linux', '--no-launch']);
    expect(reports).toEqual([[null, 'Downloading and installing kali-linux']]);
    expect((await cli.listDistros()).at(-1)).toEqual({ name: 'kali-linux', state: 'Stopped', version: 2, isDefault: false });
    expect((await simulated.showDistro('kali-linux')).name).toBe('kali-linux');
    expect((await rejection(cli.installDistro('NoSuchDistro', report, live))).code).toBe('NOT_FOUND');
    expect((await rejection(cli.installDistro('Debian', report, live))).code).toBe('CONFLICT');
  });

  it('exports to tar and to VHDX, and imports both back', async () => {
    const cli = backend();
    const tar = path.join(temp.dir, 'out', 'debian.tar');
    fs.mkdirSync(path.dirname(tar));
    const exported = await cli.exportDistro('Debian', tar, 'tar', () => undefined, live);
    expect(exported).toEqual({ filePath: tar, sizeBytes: fs.statSync(tar).size });
    expect(execFileSync('tar', ['-tf', tar], { encoding: 'utf8' })).toBe('etc/lightdock-fake\n');
    const vhdx = path.join(temp.dir, 'out', 'debian.vhdx');
    expect(await cli.exportDistro('Debian', vhdx, 'vhdx', () => undefined, live)).toEqual({ filePath: vhdx, sizeBytes: STAND_IN_BYTES });
    expect(wslCalls().at(-1)).toEqual(['--export', 'Debian', vhdx, '--vhd']);

    const dir = path.join(temp.dir, 'imports', 'copy');
    await cli.importDistro('Debian-copy', dir, tar, 'tar', 2, () => undefined, live);
    expect(wslCalls().at(-1)).toEqual(['--import', 'Debian-copy', dir, tar, '--version', '2']);
    const copy = await cli.showDistro('Debian-copy');
    expect(copy).toMatchObject({ basePath: dir, defaultUser: 'root', disk: { path: path.join(dir, 'ext4.vhdx') } });
    await cli.importDistro('Debian-vhd', path.join(temp.dir, 'imports', 'vhd'), vhdx, 'vhdx', undefined, () => undefined, live);
    expect(wslCalls().at(-1)).toEqual(['--import', 'Debian-vhd', path.join(temp.dir, 'imports', 'vhd'), vhdx, '--vhd']);
    expect((await cli.listDistros()).map((d) => d.name)).toEqual(['Ubuntu-24.04', 'docker-desktop', 'Debian', 'Debian-copy', 'Debian-vhd']);
  });

  it('refuses a VHDX export of a running distro as CONFLICT, and a relative path before wsl.exe runs', async () => {
    const cli = backend();
    await cli.startDistro('Debian');
    const running = await rejection(cli.exportDistro('Debian', path.join(temp.dir, 'x.vhdx'), 'vhdx', () => undefined, live));
    expect(running.code).toBe('CONFLICT');
    expect(running.details).toEqual({ code: 'Wsl/Service/WSL_E_DISTRO_NOT_STOPPED', exitCode: 255 });
    const before = wslCalls().length;
    expect((await rejection(cli.exportDistro('Debian', '-', 'tar', () => undefined, live))).code).toBe('VALIDATION');
    expect((await rejection(cli.importDistro('X', 'relative', '/tmp/x.tar', 'tar', undefined, () => undefined, live))).code).toBe('VALIDATION');
    expect(wslCalls()).toHaveLength(before);
  });

  it('unregisters a distro and its disk goes with it', async () => {
    const cli = backend();
    const disk = (await cli.showDistro('Debian')).disk?.path ?? '';
    expect(fs.existsSync(disk)).toBe(true);
    const { reports, report } = progressLog();
    await cli.unregisterDistro('Debian', report, live);
    expect(reports).toEqual([[null, 'Unregistering Debian']]);
    expect((await cli.listDistros()).map((d) => d.name)).toEqual(['Ubuntu-24.04', 'docker-desktop']);
    expect(fs.existsSync(disk)).toBe(false);
  });

  it('converts a distro between WSL versions; the same version is CONFLICT', async () => {
    const cli = backend();
    await cli.setVersion('Debian', 1, () => undefined, live);
    expect((await cli.listDistros()).find((d) => d.name === 'Debian')?.version).toBe(1);
    expect((await cli.showDistro('Debian')).disk).toBeNull();
    const same = await rejection(cli.setVersion('Debian', 1, () => undefined, live));
    expect(same.code).toBe('CONFLICT');
    expect(same.details).toEqual({ code: 'Wsl/Service/WSL_E_VM_MODE_INVALID_STATE', exitCode: 255 });
  });

  it('sets a disk not sparse; refuses sparse as WSL does, naming the command that forces it', async () => {
    const cli = backend();
    expect((await cli.setSparse('Debian', false)).sparse).toBe(false);
    expect(wslCalls()).toContainEqual(['--manage', 'Debian', '--set-sparse', 'false']);
    const refused = await rejection(cli.setSparse('Debian', true));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('wsl.exe --manage Debian --set-sparse true --allow-unsafe');
    expect(refused.details).toEqual({ code: 'Wsl/Service/E_INVALIDARG', exitCode: 255 });
  });

  it('sees a disk made sparse elsewhere as sparse (allocation smaller than length)', async () => {
    await simulated.setSparse('Debian', true);
    expect((await backend().showDistro('Debian')).disk?.sparse).toBe(true);
  });

  it('cannot compact: UNAVAILABLE, saying how with Optimize-VHD or diskpart on the distro VHDX', async () => {
    const cli = backend();
    const disk = (await cli.showDistro('Debian')).disk?.path ?? '';
    const port: WslBackend = cli;
    const error = await rejection(port.compactDisk('Debian', () => undefined, new AbortController().signal));
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toContain(`Optimize-VHD -Path '${disk}' -Mode Full`);
    expect(error.message).toContain('compact vdisk');
  });
});

describe('WslCliBackend .wslconfig', () => {
  it('reads a missing file as null and writes atomically, leaving no temp file', async () => {
    const cli = backend();
    const file = path.join(temp.dir, 'profile', '.wslconfig');
    expect(await cli.readWslConfig()).toEqual({ path: file, text: null });
    fs.mkdirSync(path.dirname(file));
    await cli.writeWslConfig('[wsl2]\r\nmemory=4GB\r\n');
    await cli.writeWslConfig('[wsl2]\r\nmemory=6GB\r\n');
    expect(await cli.readWslConfig()).toEqual({ path: file, text: '[wsl2]\r\nmemory=6GB\r\n' });
    expect(fs.readdirSync(path.dirname(file))).toEqual(['.wslconfig']);
  });

  it('finds the file from LIGHTDOCK_WSLCONFIG, else %UserProfile%', () => {
    expect(resolveWslConfigPath({ LIGHTDOCK_WSLCONFIG: '/x/.wslconfig', USERPROFILE: 'C:\\Users\\a' }, 'win32')).toBe('/x/.wslconfig');
    expect(resolveWslConfigPath({ UserProfile: 'C:\\Users\\Jürgen' }, 'win32')).toBe('C:\\Users\\Jürgen\\.wslconfig');
    expect(resolveWslConfigPath({}, 'linux')).toBe(path.join(os.homedir(), '.wslconfig'));
  });
});
