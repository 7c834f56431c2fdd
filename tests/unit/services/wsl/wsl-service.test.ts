import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SIMULATED_HOST_FILE, SimulatedWslBackend } from '../../../../electron/services/wsl/simulated/simulated-wsl-backend';
import { WslService } from '../../../../electron/services/wsl/wsl-service';
import { ManualClock, RecordingEventSink, RecordingLogger } from '../../../helpers/recording';
import { makeTempDir } from '../../../helpers/temp-dir';
import { rejection } from '../../../helpers/service-error';

let temp: ReturnType<typeof makeTempDir>;
let events: RecordingEventSink;
let service: WslService;
let clock: ManualClock;

function open(scenario: 'ready' | 'empty' = 'ready'): WslService {
  const backend = new SimulatedWslBackend(temp.dir, scenario, clock, new RecordingLogger(), { sleep: async () => undefined });
  return new WslService(backend, events, new RecordingLogger());
}

beforeEach(() => {
  temp = makeTempDir();
  clock = new ManualClock();
  events = new RecordingEventSink();
  service = open();
});
afterEach(() => {
  service.dispose();
  temp.cleanup();
});

describe('WslService over the simulated host', () => {
  it('lists the ready scenario with the default first, all stopped', async () => {
    expect(await service.list()).toEqual([
      { name: 'Ubuntu-24.04', state: 'Stopped', version: 2, isDefault: true },
      { name: 'docker-desktop', state: 'Stopped', version: 2, isDefault: false },
      { name: 'Debian', state: 'Stopped', version: 2, isDefault: false },
    ]);
    expect(await service.vm()).toMatchObject({ state: 'Stopped', runningDistros: 0 });
  });

  it('lists nothing in the empty scenario', async () => {
    service.dispose();
    const fresh = makeTempDir();
    const backend = new SimulatedWslBackend(fresh.dir, 'empty', new ManualClock(), new RecordingLogger());
    const empty = new WslService(backend, events, new RecordingLogger());
    expect(await empty.list()).toEqual([]);
    empty.dispose();
    fresh.cleanup();
    service = open();
  });

  it('starts a distro, boots the VM and pushes both changes, once each', async () => {
    const started = await service.start('Debian');
    expect(started).toEqual({ name: 'Debian', state: 'Running', version: 2, isDefault: false });
    expect(await service.vm()).toMatchObject({ state: 'Starting', runningDistros: 1 });
    const channels = events.events.map((e) => e.channel);
    expect(channels).toEqual(['distros:changed', 'vm:changed']);
    expect((events.events[1]?.payload as { state: string }).state).toBe('Starting');
    const pushed = events.events[0]?.payload as { name: string; state: string }[];
    expect(pushed.find((d) => d.name === 'Debian')?.state).toBe('Running');
  });

  it('resolves names case-insensitively, as wsl.exe does', async () => {
    expect((await service.start('debian')).name).toBe('Debian');
  });

  it('terminates a running distro; the VM then idles until its timeout', async () => {
    await service.start('Debian');
    expect((await service.terminate('Debian')).state).toBe('Stopped');
    const vm = await service.vm();
    expect(vm).toMatchObject({ runningDistros: 0, idleShutdownAt: clock.now() + 60_000 });
    expect(vm.state).not.toBe('Stopped');
    const pushed = events.events.filter((e) => e.channel === 'vm:changed').at(-1)?.payload as { runningDistros: number };
    expect(pushed.runningDistros).toBe(0);
  });

  it('moves the default marker and keeps the default first', async () => {
    await service.setDefault('Debian');
    const list = await service.list();
    expect(list[0]).toEqual({ name: 'Debian', state: 'Stopped', version: 2, isDefault: true });
    expect(list.filter((d) => d.isDefault)).toHaveLength(1);
  });

  it('shuts everything down', async () => {
    await service.start('Debian');
    await service.start('Ubuntu-24.04');
    expect(await service.shutdown()).toEqual({ state: 'Stopped', runningDistros: 0 });
    expect((await service.list()).every((d) => d.state === 'Stopped')).toBe(true);
  });

  it.each(['Ubuntu 24.04', 'x;rm -rf /', '$(reboot)', '', 'a'.repeat(257), 'Legacy', '../etc'])(
    'refuses the invalid name %j with VALIDATION and changes nothing',
    async (name) => {
      const before = fs.readFileSync(path.join(temp.dir, SIMULATED_HOST_FILE), 'utf8');
      const error = await rejection(service.start(name));
      expect(error.code).toBe('VALIDATION');
      expect(fs.readFileSync(path.join(temp.dir, SIMULATED_HOST_FILE), 'utf8')).toBe(before);
      expect(events.events).toEqual([]);
    },
  );

  it('refuses an unknown distro with NOT_FOUND and changes nothing', async () => {
    const error = await rejection(service.terminate('Fedora'));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('Fedora');
    expect(events.events).toEqual([]);
  });

  it('does not push when nothing changes (starting a running distro)', async () => {
    await service.start('Debian');
    events.events.length = 0;
    expect((await service.start('Debian')).state).toBe('Running');
    expect(events.events).toEqual([]);
  });

  it('keeps state across instances: the data directory is the machine', async () => {
    await service.start('Debian');
    const other = open();
    expect((await other.list()).find((d) => d.name === 'Debian')?.state).toBe('Running');
    other.dispose();
  });

  it('refuses to act on a busy distro with CONFLICT', async () => {
    const file = path.join(temp.dir, SIMULATED_HOST_FILE);
    const state = JSON.parse(fs.readFileSync(file, 'utf8')) as { distros: { name: string; state: string }[] };
    state.distros[2]!.state = 'Exporting';
    fs.writeFileSync(file, JSON.stringify(state));
    const error = await rejection(service.start('Debian'));
    expect(error.code).toBe('CONFLICT');
  });

  it('pushes changes made by another process', async () => {
    const other = open();
    await other.start('Debian');
    other.dispose();
    await expect.poll(() => events.events.some((e) => e.channel === 'distros:changed'), { timeout: 3000 }).toBe(true);
  });

  it('pushes vm:changed when the VM shuts itself down after its idle timeout', async () => {
    service.dispose();
    const backend = new SimulatedWslBackend(temp.dir, 'ready', { now: () => Date.now() }, new RecordingLogger(), { sleep: async () => undefined });
    await backend.writeWslConfig('[wsl2]\nvmIdleTimeout=100\n');
    service = new WslService(backend, events, new RecordingLogger());
    service.setVisibility('window', true);
    await service.start('Debian');
    await service.terminate('Debian');
    expect((await service.vm()).state).not.toBe('Stopped');
    events.events.length = 0;
    await expect
      .poll(() => events.events.some((e) => e.channel === 'vm:changed' && (e.payload as { state: string }).state === 'Stopped'), { timeout: 3000 })
      .toBe(true);
  });
});
