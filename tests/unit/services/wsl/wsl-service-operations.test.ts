import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Operation } from '../../../../shared/model/operation';
import { SIMULATED_HOST_FILE, SIMULATED_PROFILE_DIR, SimulatedWslBackend } from '../../../../electron/services/wsl/simulated/simulated-wsl-backend';
import { WslService } from '../../../../electron/services/wsl/wsl-service';
import { ManualClock, RecordingEventSink, RecordingLogger } from '../../../helpers/recording';
import { makeTempDir } from '../../../helpers/temp-dir';
import { rejection } from '../../../helpers/service-error';

let temp: ReturnType<typeof makeTempDir>;
let out: ReturnType<typeof makeTempDir>;
let events: RecordingEventSink;
let clock: ManualClock;
let service: WslService;
let transient: string[];

const stateFile = (): string => path.join(temp.dir, SIMULATED_HOST_FILE);
const bytes = (): string => fs.readFileSync(stateFile(), 'utf8');
const operations = (): Operation[] => events.events.filter((e) => e.channel === 'operations:progressed').map((e) => e.payload as Operation);

beforeEach(() => {
  temp = makeTempDir();
  out = makeTempDir('lightdock-export-');
  events = new RecordingEventSink();
  clock = new ManualClock();
  transient = [];
  // The sleep port runs between progress steps: it records what the state file says mid-operation.
  const sleep = async (): Promise<void> => {
    const state = JSON.parse(bytes()) as { distros: { name: string; state: string }[] };
    transient.push(...state.distros.filter((d) => !['Running', 'Stopped'].includes(d.state)).map((d) => `${d.name}:${d.state}`));
  };
  const backend = new SimulatedWslBackend(temp.dir, 'ready', clock, new RecordingLogger(), { sleep });
  service = new WslService(backend, events, new RecordingLogger());
});
afterEach(() => {
  service.dispose();
  temp.cleanup();
  out.cleanup();
});

describe('long operations', () => {
  it('installs a distro through Installing with progress, then it is stopped and listed', async () => {
    const row = await service.install('fedoralinux-43');
    expect(row).toEqual({ name: 'FedoraLinux-43', state: 'Stopped', version: 2, isDefault: false });
    expect(new Set(transient)).toEqual(new Set(['FedoraLinux-43:Installing']));
    const ops = operations();
    expect(ops.every((o) => o.target === 'FedoraLinux-43')).toBe(true);
    expect(new Set(ops.map((o) => o.id)).size).toBe(1);
    expect(ops[0]).toMatchObject({ kind: 'install', target: 'FedoraLinux-43', state: 'running' });
    expect(ops.at(-1)).toMatchObject({ state: 'succeeded', progress: 1 });
    expect(ops.filter((o) => o.state === 'running').length).toBeGreaterThanOrEqual(4);
    const progress = ops.map((o) => o.progress ?? 0);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const detail = await service.show('FedoraLinux-43');
    expect(detail).toMatchObject({ osName: 'Fedora Linux 43', disk: { maxSizeBytes: 1024 ** 4, sparse: false } });
    expect(events.events.some((e) => e.channel === 'distros:changed')).toBe(true);
  });

  it('refuses installing an installed distro (CONFLICT) or an unknown one (NOT_FOUND), changing nothing', async () => {
    const before = bytes();
    expect((await rejection(service.install('debian'))).code).toBe('CONFLICT');
    expect((await rejection(service.install('Plan9'))).code).toBe('NOT_FOUND');
    expect(operations()).toEqual([]);
    expect(bytes()).toBe(before);
  });

  it('exports to a real .tar through Exporting, and imports it back under a new name', async () => {
    const target = path.join(out.dir, 'debian.tar');
    const result = await service.exportDistro('Debian', target, 'tar');
    expect(result.filePath).toBe(target);
    expect(result.sizeBytes).toBe(fs.statSync(target).size);
    expect(fs.readFileSync(target).subarray(257, 262).toString('ascii')).toBe('ustar');
    expect(transient).toContain('Debian:Exporting');
    expect((await service.show('Debian')).state).toBe('Stopped');

    transient.length = 0;
    const imported = await service.importDistro({ name: 'Debian-copy', installDir: 'D:\\wsl\\debian-copy', filePath: target, format: 'tar' });
    expect(imported).toMatchObject({ name: 'Debian-copy', version: 2, state: 'Stopped' });
    expect(transient).toContain('Debian-copy:Installing');
    const original = await service.show('Debian');
    const copy = await service.show('Debian-copy');
    expect(copy).toMatchObject({ basePath: 'D:\\wsl\\debian-copy', osName: original.osName, defaultUser: 'root' });
    expect(copy.disk?.usedBytes).toBe(original.disk?.usedBytes);
  });

  it('exports a stopped WSL2 distro as .vhdx and refuses importing a VHDX as a tar', async () => {
    const target = path.join(out.dir, 'debian.vhdx');
    await service.exportDistro('Debian', target, 'vhdx');
    expect(fs.readFileSync(target).subarray(0, 8).toString('ascii')).toBe('vhdxfile');
    const before = bytes();
    const error = await rejection(service.importDistro({ name: 'Copy', installDir: '/tmp/x', filePath: target, format: 'tar' }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('VHD');
    expect(bytes()).toBe(before);
    expect(await service.importDistro({ name: 'Copy', installDir: '/tmp/x', filePath: target, format: 'vhdx' })).toMatchObject({ name: 'Copy', version: 2 });
  });

  it.each([
    ['a folder that does not exist', (dir: string) => path.join(dir, 'missing', 'x.tar'), 'NOT_FOUND'],
    ['a Windows path this machine cannot reach', () => 'Z:\\nowhere\\x.tar', 'NOT_FOUND'],
    ['a folder instead of a file', (dir: string) => dir, 'VALIDATION'],
  ])('refuses exporting to %s and changes nothing', async (_label, target, code) => {
    const before = bytes();
    const error = await rejection(service.exportDistro('Debian', target(out.dir), 'tar'));
    expect(error.code).toBe(code);
    expect(operations().at(-1)).toMatchObject({ kind: 'export', state: 'failed', error: { code } });
    expect(bytes()).toBe(before);
    expect(fs.readdirSync(out.dir)).toEqual([]);
  });

  it('refuses a VHDX export of a running distro and imports of existing names or missing files', async () => {
    await service.start('Debian');
    const before = bytes();
    expect((await rejection(service.exportDistro('Debian', path.join(out.dir, 'd.vhdx'), 'vhdx'))).code).toBe('CONFLICT');
    expect((await rejection(service.importDistro({ name: 'debian', installDir: '/tmp/y', filePath: '/etc/hostname', format: 'tar' }))).code).toBe('CONFLICT');
    expect((await rejection(service.importDistro({ name: 'Other', installDir: '/tmp/y', filePath: path.join(out.dir, 'none.tar'), format: 'tar' }))).code).toBe('NOT_FOUND');
    expect((await rejection(service.importDistro({ name: 'bad name', installDir: '/tmp/y', filePath: '/etc/hostname', format: 'tar' }))).code).toBe('VALIDATION');
    expect(bytes()).toBe(before);
  });

  it('unregisters only with the exact name typed as confirmation, through Uninstalling', async () => {
    const before = bytes();
    for (const confirm of ['', 'debian', 'Debian ', 'Ubuntu-24.04']) {
      expect((await rejection(service.unregister('Debian', confirm))).code).toBe('VALIDATION');
    }
    expect(bytes()).toBe(before);
    await service.start('Debian');
    expect(await service.unregister('debian', 'Debian')).toEqual({ name: 'Debian' });
    expect(transient).toContain('Debian:Uninstalling');
    expect((await service.list()).map((d) => d.name)).toEqual(['Ubuntu-24.04', 'docker-desktop']);
    expect((await service.vm()).runningDistros).toBe(0);
  });

  it('moves the default to another distro when the default is unregistered', async () => {
    await service.unregister('Ubuntu-24.04', 'Ubuntu-24.04');
    expect((await service.list())[0]).toMatchObject({ name: 'docker-desktop', isDefault: true });
  });

  it('converts between WSL2 and WSL1 through Converting; WSL1 has no disk', async () => {
    await service.start('Debian');
    expect(await service.setVersion('Debian', 1)).toEqual({ name: 'Debian', state: 'Stopped', version: 1, isDefault: false });
    expect(transient).toContain('Debian:Converting');
    expect((await service.show('Debian')).disk).toBeNull();
    expect((await rejection(service.setVersion('Debian', 1))).code).toBe('CONFLICT');
    await service.setVersion('Debian', 2);
    expect((await service.show('Debian')).disk).not.toBeNull();
  });

  it('compacts through an operation and sets a disk sparse', async () => {
    const disk = await service.compact('Ubuntu-24.04');
    expect(disk.reclaimableBytes).toBe(0);
    expect(operations().at(-1)).toMatchObject({ kind: 'compact', state: 'succeeded' });
    expect(await service.setSparse('Debian', true)).toMatchObject({ sparse: true });
  });

  it('refuses to act on a distro in a transient state', async () => {
    const state = JSON.parse(bytes()) as { distros: { state: string }[] };
    state.distros[2]!.state = 'Converting';
    fs.writeFileSync(stateFile(), JSON.stringify(state));
    for (const action of [() => service.exportDistro('Debian', path.join(out.dir, 'x.tar'), 'tar'), () => service.compact('Debian'), () => service.unregister('Debian', 'Debian')]) {
      expect((await rejection(action())).code).toBe('CONFLICT');
    }
  });
});

describe('the VM and .wslconfig through the service', () => {
  it('pushes vm:changed with the full VmInfo while a VM view watches, and keeps the status summary', async () => {
    service.watchVm('window');
    await service.start('Debian');
    const vm = events.events.find((e) => e.channel === 'vm:changed')?.payload as { memory: { usedBytes: number }; runningDistros: number; live: boolean };
    expect(vm.runningDistros).toBe(1);
    expect(vm.memory.usedBytes).toBeGreaterThan(0);
    expect(vm.live).toBe(true);
    const status = await service.status({ backend: 'simulated', simulated: true, scenario: 'ready', platform: 'linux', appVersion: '0', canPickPaths: false });
    expect(status.vm).toEqual({ state: 'Starting', runningDistros: 1 });
    expect(status.distros).toEqual({ total: 3, running: 1, defaultDistro: 'Ubuntu-24.04' });
  });

  it('restarts the VM with the default distro so .wslconfig applies', async () => {
    await service.start('Debian');
    await service.setWslConfig('wsl2.processors', '4');
    expect((await service.wslConfig()).restartPending).toBe(true);
    clock.advance(5_000);
    service.watchVm('window');
    const vm = await service.restartVm();
    expect(vm).toMatchObject({ processors: 4, bootTime: clock.now(), runningDistros: 1 });
    expect((await service.list()).find((d) => d.isDefault)?.state).toBe('Running');
    expect((await service.wslConfig()).restartPending).toBe(false);
  });

  it('sets a key in place, says a restart is needed only while the VM runs, and shows the new effective value', async () => {
    const profile = path.join(temp.dir, SIMULATED_PROFILE_DIR, '.wslconfig');
    fs.mkdirSync(path.dirname(profile), { recursive: true });
    fs.writeFileSync(profile, '# mine\r\n[wsl2]\r\nMemory=8GB # keep\r\nfoo=bar\r\n');
    const stopped = await service.setWslConfig('wsl2.memory', '12GB');
    expect(stopped.restartNeeded).toBe(false);
    expect(fs.readFileSync(profile, 'utf8')).toBe('# mine\r\n[wsl2]\r\nMemory=12GB # keep\r\nfoo=bar\r\n');
    expect(stopped.view.settings.find((s) => s.key === 'wsl2.memory')).toMatchObject({ value: '12GB', effectiveValue: '12GB' });
    expect(stopped.view.issues).toEqual([expect.objectContaining({ line: 4, key: 'wsl2.foo' })]);
    expect((await service.vm()).memory.limitBytes).toBe(12 * 1024 ** 3);

    await service.start('Debian');
    const running = await service.setWslConfig('experimental.autoMemoryReclaim', 'gradual');
    expect(running.restartNeeded).toBe(true);
    expect(running.view.restartPending).toBe(true);
    const general = await service.setWslConfig('general.distributionInstallPath', 'D:\\wsl');
    expect(general.restartNeeded).toBe(false);
    expect((await service.setWslConfig('wsl2.foo', null)).view.issues).toEqual([]);
  });

  it.each([
    ['wsl2.memory', '8gb'],
    ['wsl2.memory', '1.5GB'],
    ['wsl2.localhostForwarding', 'yes'],
    ['wsl2.processors', '64'],
    ['wsl2.processors', '0'],
    ['wsl2.networkingMode', 'wifi'],
    ['wsl2.kernel', 'bzImage'],
    ['wsl2.kernelCommandLine', 'a\nb'],
    ['wsl2.colour', 'blue'],
  ])('refuses %s=%j with VALIDATION and does not touch the file', async (key, value) => {
    await service.setWslConfig('wsl2.swap', '2GB');
    const profile = path.join(temp.dir, SIMULATED_PROFILE_DIR, '.wslconfig');
    const before = fs.readFileSync(profile, 'utf8');
    const error = await rejection(service.setWslConfig(key, value));
    expect(error.code).toBe('VALIDATION');
    expect(fs.readFileSync(profile, 'utf8')).toBe(before);
  });
});
