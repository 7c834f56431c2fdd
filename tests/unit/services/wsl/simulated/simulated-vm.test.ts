import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SIMULATED_HOST_FILE, SimulatedWslBackend } from '../../../../../electron/services/wsl/simulated/simulated-wsl-backend';
import { ManualClock, RecordingLogger } from '../../../../helpers/recording';
import { makeTempDir } from '../../../../helpers/temp-dir';

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;
const noop = (): void => undefined;

let temp: ReturnType<typeof makeTempDir>;
let clock: ManualClock;
let backend: SimulatedWslBackend;

function open(scenario: 'ready' | 'empty' | 'mixed' = 'ready'): SimulatedWslBackend {
  return new SimulatedWslBackend(temp.dir, scenario, clock, new RecordingLogger(), { sleep: async () => undefined });
}

beforeEach(() => {
  temp = makeTempDir();
  clock = new ManualClock();
  backend = open();
});
afterEach(() => temp.cleanup());

describe('the simulated utility VM over time', () => {
  it('boots with the first WSL2 distro: Starting, then Running two seconds later', async () => {
    const booted = clock.now();
    await backend.startDistro('Debian');
    expect(await backend.vmInfo()).toMatchObject({ state: 'Starting', runningDistros: 1, bootTime: booted, uptimeSeconds: 0, idleShutdownAt: null });
    clock.advance(1_999);
    expect((await backend.vmInfo()).state).toBe('Starting');
    clock.advance(1);
    expect(await backend.vmInfo()).toMatchObject({ state: 'Running', uptimeSeconds: 2 });
  });

  it('grows memory with what runs, capped by the limit, and shrinks it as distros stop', async () => {
    const stopped = await backend.vmInfo();
    expect(stopped.memory).toMatchObject({ hostTotalBytes: 32 * GIB, limitBytes: 16 * GIB, assignedBytes: 0, usedBytes: 0, swapBytes: 4 * GIB, reclaimMode: 'dropCache' });
    await backend.startDistro('Debian');
    const one = (await backend.vmInfo()).memory;
    await backend.startDistro('docker-desktop');
    const two = (await backend.vmInfo()).memory;
    expect(one.usedBytes).toBe(200 * MIB + 160 * MIB);
    expect(two.usedBytes).toBe(one.usedBytes + 780 * MIB);
    expect(two.pageCacheBytes).toBeGreaterThan(one.pageCacheBytes);
    expect(two.assignedBytes).toBe(two.usedBytes + two.pageCacheBytes);
    await backend.terminateDistro('docker-desktop');
    expect((await backend.vmInfo()).memory.usedBytes).toBe(one.usedBytes);
  });

  it('gives page cache back per autoMemoryReclaim: dropCache at once after 30 s quiet, gradual slowly, disabled never', async () => {
    await backend.startDistro('Debian');
    const cache = (await backend.vmInfo()).memory.pageCacheBytes;
    expect(cache).toBe(240 * MIB);
    clock.advance(30_000);
    expect((await backend.vmInfo()).memory.pageCacheBytes).toBe(0);

    await backend.shutdown();
    await backend.writeWslConfig('[experimental]\nautoMemoryReclaim=gradual\n');
    await backend.startDistro('Debian');
    clock.advance(30_000 + 5_000);
    expect((await backend.vmInfo()).memory).toMatchObject({ reclaimMode: 'gradual', pageCacheBytes: 240 * MIB - 5 * 16 * MIB });

    await backend.shutdown();
    await backend.writeWslConfig('[experimental]\nautoMemoryReclaim=disabled\n');
    await backend.startDistro('Debian');
    clock.advance(3_600_000);
    expect((await backend.vmInfo()).memory.pageCacheBytes).toBe(240 * MIB);
  });

  it('caps memory at the .wslconfig limit and spills into swap', async () => {
    await backend.writeWslConfig('[wsl2]\nmemory=1GB\n');
    await backend.startDistro('Ubuntu-24.04');
    await backend.startDistro('docker-desktop');
    await backend.startDistro('Debian');
    const { memory } = await backend.vmInfo();
    expect(memory).toMatchObject({ limitBytes: GIB, usedBytes: GIB, pageCacheBytes: 0, assignedBytes: GIB, swapBytes: GIB });
    expect(memory.swapUsedBytes).toBe(200 * MIB + 420 * MIB + 780 * MIB + 160 * MIB - GIB);
  });

  it('shuts itself down exactly vmIdleTimeout after the last WSL2 distro stops', async () => {
    await backend.startDistro('Debian');
    await backend.startDistro('Ubuntu-24.04');
    clock.advance(10_000);
    await backend.terminateDistro('Debian');
    expect((await backend.vmInfo()).idleShutdownAt).toBeNull();
    const lastStop = clock.now();
    await backend.terminateDistro('Ubuntu-24.04');
    expect(await backend.vmInfo()).toMatchObject({ state: 'Running', runningDistros: 0, idleShutdownAt: lastStop + 60_000 });
    clock.advance(59_999);
    expect((await backend.vmInfo()).state).toBe('Running');
    clock.advance(1);
    expect(await backend.vmInfo()).toMatchObject({ state: 'Stopped', bootTime: null, idleShutdownAt: null, memory: { assignedBytes: 0 } });
  });

  it('keeps the VM (and its boot) when a distro starts again within the idle timeout', async () => {
    await backend.startDistro('Debian');
    const bootTime = (await backend.vmInfo()).bootTime;
    await backend.terminateDistro('Debian');
    clock.advance(30_000);
    await backend.startDistro('Debian');
    expect(await backend.vmInfo()).toMatchObject({ state: 'Running', bootTime, idleShutdownAt: null });
  });

  it('honours a custom vmIdleTimeout read at boot', async () => {
    await backend.writeWslConfig('[wsl2]\nvmIdleTimeout=5000\n');
    await backend.startDistro('Debian');
    await backend.writeWslConfig('[wsl2]\nvmIdleTimeout=600000\n');
    await backend.terminateDistro('Debian');
    expect(await backend.vmInfo()).toMatchObject({ idleTimeoutMs: 5000, idleShutdownAt: clock.now() + 5000 });
  });

  it('stops at once on shutdown', async () => {
    await backend.startDistro('Debian');
    await backend.shutdown();
    expect(await backend.vmInfo()).toMatchObject({ state: 'Stopped', runningDistros: 0, bootTime: null, idleShutdownAt: null });
  });

  it('picks a /20 NAT range inside 172.16.0.0/12 once and keeps it across boots', async () => {
    await backend.startDistro('Debian');
    const first = (await backend.vmInfo()).network;
    expect(first.mode).toBe('nat');
    expect(first.prefixLength).toBe(20);
    const match = /^172\.(\d+)\.(\d+)\.0\/20$/.exec(first.subnet ?? '');
    expect(match).not.toBeNull();
    const [second, third] = [Number(match?.[1]), Number(match?.[2])];
    expect(second).toBeGreaterThanOrEqual(16);
    expect(second).toBeLessThanOrEqual(31);
    expect(third % 16).toBe(0);
    expect(first.hostIp).toBe(`172.${second}.${third}.1`);
    const vm = (first.vmIp ?? '').split('.').map(Number);
    expect(vm[0]).toBe(172);
    expect(vm[1]).toBe(second);
    expect(vm[2]! - third).toBeGreaterThanOrEqual(0);
    expect(vm[2]! - third).toBeLessThan(16);
    expect(first.vmIp).not.toBe(first.hostIp);
    expect(first.dns).toEqual(['10.255.255.254']);
    expect((await backend.showDistro('Debian')).ip).toBe(first.vmIp);

    await backend.shutdown();
    expect((await backend.vmInfo()).network).toMatchObject({ vmIp: null, hostIp: null, subnet: first.subnet });
    clock.advance(3_600_000);
    await backend.startDistro('Ubuntu-24.04');
    expect((await backend.vmInfo()).network).toEqual(first);
    expect((await open().vmInfo()).network).toEqual(first);
  });

  it('uses the host\'s addresses in mirrored mode', async () => {
    await backend.writeWslConfig('[wsl2]\nnetworkingMode=mirrored\ndnsTunneling=false\n');
    await backend.startDistro('Debian');
    expect((await backend.vmInfo()).network).toEqual({
      mode: 'mirrored',
      vmIp: '192.168.1.42',
      prefixLength: 24,
      hostIp: '192.168.1.42',
      subnet: '192.168.1.0/24',
      dns: ['192.168.1.1'],
      localhostForwarding: true,
    });
  });

  it('keeps the running VM on its boot config until it restarts', async () => {
    await backend.startDistro('Debian');
    await backend.writeWslConfig('[wsl2]\nmemory=4GB\nprocessors=2\n');
    expect(await backend.vmInfo()).toMatchObject({ processors: 16, memory: { limitBytes: 16 * GIB } });
    await backend.shutdown();
    expect(await backend.vmInfo()).toMatchObject({ processors: 2, memory: { limitBytes: 4 * GIB, swapBytes: GIB } });
  });

  it('shows a custom kernel and its command line', async () => {
    await backend.writeWslConfig('[wsl2]\nkernel=C:\\\\wsl\\\\bzImage\nkernelCommandLine=quiet\n');
    expect((await backend.vmInfo()).kernel).toEqual({ version: null, customKernelPath: 'C:\\wsl\\bzImage', commandLine: 'quiet' });
    await backend.startDistro('Debian');
    expect((await backend.vmInfo()).kernel.version).toBe('6.6.87.2-custom');
  });
});

describe('WSL1 distros and mounts', () => {
  it('runs a WSL1 distro without a VM and without a disk', async () => {
    const mixed = new SimulatedWslBackend(temp.dir, 'mixed', clock, new RecordingLogger(), { sleep: async () => undefined });
    mixed.reseedIfScenarioDiffers('mixed');
    await mixed.startDistro('Ubuntu-18.04');
    expect(await mixed.vmInfo()).toMatchObject({ state: 'Stopped', runningDistros: 0 });
    const detail = await mixed.showDistro('Ubuntu-18.04');
    expect(detail).toMatchObject({ version: 1, state: 'Running', disk: null, ip: '192.168.1.42', systemd: false });
    expect(detail.mounts.find((m) => m.target === '/mnt/c')).toEqual({ target: '/mnt/c', source: 'C:\\', fsType: 'drvfs', options: 'rw,noatime,uid=1000,gid=1000,case=off' });
    expect((await mixed.listDistros()).map((d) => d.state)).toEqual(['Stopped', 'Running', 'Installing', 'Uninstalling', 'Converting', 'Exporting']);
  });

  it('mounts every host drive under the automount root over 9p while a WSL2 distro runs', async () => {
    expect((await backend.showDistro('Ubuntu-24.04')).mounts).toEqual([]);
    await backend.startDistro('Ubuntu-24.04');
    const { mounts } = await backend.showDistro('Ubuntu-24.04');
    expect(mounts[0]).toEqual({ target: '/', source: '/dev/sdc', fsType: 'ext4', options: 'rw,relatime,discard,errors=remount-ro,data=ordered' });
    expect(mounts.filter((m) => m.fsType === '9p' && m.target.startsWith('/mnt/')).map((m) => [m.target, m.options])).toEqual([
      ['/mnt/c', 'rw,noatime,aname=drvfs;path=C:\\;uid=1000;gid=1000;symlinkroot=/mnt/,cache=5,access=client,msize=65536,trans=fd,rfd=6,wfd=6'],
      ['/mnt/d', 'rw,noatime,aname=drvfs;path=D:\\;uid=1000;gid=1000;symlinkroot=/mnt/,cache=5,access=client,msize=65536,trans=fd,rfd=6,wfd=6'],
    ]);
  });

  it('follows a wsl.conf automount root', async () => {
    const file = path.join(temp.dir, SIMULATED_HOST_FILE);
    const state = JSON.parse(fs.readFileSync(file, 'utf8')) as { distros: { name: string; automountRoot: string }[] };
    state.distros[2]!.automountRoot = '/win/';
    fs.writeFileSync(file, JSON.stringify(state));
    await backend.startDistro('Debian');
    const targets = (await backend.showDistro('Debian')).mounts.map((m) => m.target);
    expect(targets).toContain('/win/c');
    expect(targets).toContain('/win/d');
  });
});

describe('VHDX disks', () => {
  it('grow with writes, keep their size when files are deleted, and shrink only when compacted', async () => {
    const before = (await backend.showDistro('Debian')).disk!;
    expect(before.path.endsWith('\\ext4.vhdx')).toBe(true);
    expect(before.maxSizeBytes).toBe(1024 * GIB);
    await backend.startDistro('Debian');
    const written = (await backend.showDistro('Debian')).disk!;
    expect(written.usedBytes).toBe(before.usedBytes! + 96 * MIB);
    expect(written.fileSizeBytes).toBeGreaterThanOrEqual(before.fileSizeBytes);
    await backend.terminateDistro('Debian');
    const deleted = (await backend.showDistro('Debian')).disk!;
    expect(deleted.usedBytes).toBe(written.usedBytes! - 64 * MIB);
    expect(deleted.fileSizeBytes).toBe(written.fileSizeBytes);
    expect(deleted.reclaimableBytes).toBe(deleted.fileSizeBytes - deleted.usedBytes! - 64 * MIB);

    const reports: [number | null, string][] = [];
    const compacted = await backend.compactDisk('Debian', (p, m) => reports.push([p, m]), new AbortController().signal);
    expect(compacted).toMatchObject({ fileSizeBytes: deleted.usedBytes! + 64 * MIB, usedBytes: deleted.usedBytes, reclaimableBytes: 0 });
    expect(reports.length).toBeGreaterThanOrEqual(3);
    expect(reports.at(-1)?.[0]).toBe(1);
  });

  it('shrink by themselves once sparse', async () => {
    const sparse = await backend.setSparse('Debian', true);
    expect(sparse).toMatchObject({ sparse: true, reclaimableBytes: 0 });
    await backend.startDistro('Debian');
    await backend.terminateDistro('Debian');
    expect((await backend.showDistro('Debian')).disk).toMatchObject({ sparse: true, reclaimableBytes: 0 });
  });

  it('refuse compaction while the distro runs, and WSL1 distros have none', async () => {
    await backend.startDistro('Debian');
    await expect(backend.compactDisk('Debian', noop, new AbortController().signal)).rejects.toMatchObject({ code: 'CONFLICT' });
    const other = makeTempDir();
    const mixed = new SimulatedWslBackend(other.dir, 'mixed', clock, new RecordingLogger(), { sleep: async () => undefined });
    await expect(mixed.compactDisk('Ubuntu-18.04', noop, new AbortController().signal)).rejects.toMatchObject({ code: 'VALIDATION' });
    other.cleanup();
  });
});

describe('the state file', () => {
  it('migrates a schema-1 file with a warning, keeping the distros', async () => {
    const dir = makeTempDir();
    const file = path.join(dir.dir, SIMULATED_HOST_FILE);
    fs.writeFileSync(
      file,
      JSON.stringify({
        schema: 1,
        scenario: 'ready',
        defaultId: '{x}',
        distros: [
          { id: '{x}', name: 'Mine', version: 2, state: 'Running' },
          { id: '{6c9a3e0b-1d2f-4b7a-9c1e-000000000003}', name: 'Debian', version: 2, state: 'Stopped' },
        ],
      }),
    );
    const logger = new RecordingLogger();
    const migrated = new SimulatedWslBackend(dir.dir, 'ready', clock, logger);
    expect(await migrated.listDistros()).toEqual([
      { name: 'Mine', state: 'Stopped', version: 2, isDefault: true },
      { name: 'Debian', state: 'Stopped', version: 2, isDefault: false },
    ]);
    expect((await migrated.showDistro('Debian')).osName).toBe('Debian GNU/Linux 12 (bookworm)');
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).schema).toBe(2);
    expect(logger.lines.some((l) => l.level === 'warn' && l.message.includes('schema 1'))).toBe(true);
    dir.cleanup();
  });

  it('undoes a transient state left by a process that died', async () => {
    const file = path.join(temp.dir, SIMULATED_HOST_FILE);
    const state = JSON.parse(fs.readFileSync(file, 'utf8')) as { distros: { state: string; busy: unknown }[] };
    state.distros[2]!.state = 'Exporting';
    state.distros[2]!.busy = { pid: 2 ** 22 + 12345, previousState: 'Stopped' };
    fs.writeFileSync(file, JSON.stringify(state));
    const logger = new RecordingLogger();
    const recovered = new SimulatedWslBackend(temp.dir, 'ready', clock, logger);
    expect((await recovered.listDistros()).find((d) => d.name === 'Debian')?.state).toBe('Stopped');
    expect(logger.lines.some((l) => l.level === 'warn')).toBe(true);
  });

  it('tells watchers when the VM stops by itself after its idle timeout', async () => {
    const real = { now: () => Date.now() };
    const live = new SimulatedWslBackend(temp.dir, 'ready', real, new RecordingLogger(), { sleep: async () => undefined });
    await live.writeWslConfig('[wsl2]\nvmIdleTimeout=150\n');
    let calls = 0;
    const stop = live.watchExternalChanges(() => {
      calls += 1;
    });
    await live.startDistro('Debian');
    await live.terminateDistro('Debian');
    await expect.poll(async () => (await live.vmInfo()).state, { timeout: 3000 }).toBe('Stopped');
    await expect.poll(() => calls, { timeout: 3000 }).toBeGreaterThan(0);
    stop();
  });
});
