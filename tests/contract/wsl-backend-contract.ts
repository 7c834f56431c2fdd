import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Distro, DistroDetail } from '../../shared/model/distro';
import { VmInfo } from '../../shared/model/vm';
import type { WslBackend } from '../../electron/services/wsl/wsl-backend';
import { rejection } from '../helpers/service-error';

/** What a contract run needs: a backend over a fresh host seeded from the `ready` scenario, and its cleanup. */
export interface WslBackendFixture {
  backend: WslBackend;
  cleanup(): Promise<void> | void;
}

const READY_NAMES = ['Ubuntu-24.04', 'docker-desktop', 'Debian'];

/**
 * The behaviour every `WslBackend` shows, whatever answers behind it (the simulated host, or wsl.exe —
 * on Linux the fake wsl.exe driven by the same state file). `setup` must return a backend over a fresh
 * host seeded from the `ready` scenario: Ubuntu-24.04 (default), docker-desktop and Debian, all WSL2,
 * all stopped. Only what both can show is asserted: list shape and order, lifecycle effects, detail
 * fields, the VM following its distros, unregister, `.wslconfig` round trip and `ServiceError` codes.
 */
export function describeWslBackendContract(label: string, setup: () => Promise<WslBackendFixture>): void {
  describe(`WslBackend contract: ${label}`, () => {
    let fixture: WslBackendFixture;
    let backend: WslBackend;

    beforeEach(async () => {
      fixture = await setup();
      backend = fixture.backend;
    });
    afterEach(async () => {
      await fixture.cleanup();
    });

    const row = async (name: string): Promise<Distro | undefined> => (await backend.listDistros()).find((d) => d.name === name);

    it('lists the ready host in `wsl -l -v` order: the default first, all stopped, all WSL2', async () => {
      const list = await backend.listDistros();
      for (const distro of list) expect(Distro.parse(distro)).toEqual(distro);
      expect(list.map((d) => d.name)).toEqual(READY_NAMES);
      expect(list.map((d) => d.isDefault)).toEqual([true, false, false]);
      expect(list.every((d) => d.state === 'Stopped' && d.version === 2)).toBe(true);
    });

    it('starts a distro, which boots the VM, and terminates it', async () => {
      await backend.startDistro('Debian');
      expect((await row('Debian'))?.state).toBe('Running');
      const vm = VmInfo.parse(await backend.vmInfo());
      expect(['Starting', 'Running']).toContain(vm.state);
      expect(vm.runningDistros).toBe(1);

      await backend.terminateDistro('Debian');
      expect((await row('Debian'))?.state).toBe('Stopped');
      expect((await backend.vmInfo()).runningDistros).toBe(0);
    });

    it('counts every running WSL2 distro in the VM', async () => {
      await backend.startDistro('Debian');
      await backend.startDistro('Ubuntu-24.04');
      expect((await backend.vmInfo()).runningDistros).toBe(2);
    });

    it('moves the default and keeps the default first', async () => {
      await backend.setDefaultDistro('Debian');
      const list = await backend.listDistros();
      expect(list[0]).toMatchObject({ name: 'Debian', isDefault: true });
      expect(list.filter((d) => d.isDefault)).toHaveLength(1);
    });

    it('shuts everything down: every distro stops and the VM is stopped', async () => {
      await backend.startDistro('Debian');
      await backend.startDistro('Ubuntu-24.04');
      await backend.shutdown();
      expect((await backend.listDistros()).every((d) => d.state === 'Stopped')).toBe(true);
      const vm = VmInfo.parse(await backend.vmInfo());
      expect(vm).toMatchObject({ state: 'Stopped', runningDistros: 0, bootTime: null, idleShutdownAt: null });
    });

    it('reports a stopped VM with its limits', async () => {
      const vm = VmInfo.parse(await backend.vmInfo());
      expect(vm.state).toBe('Stopped');
      expect(vm.runningDistros).toBe(0);
      expect(vm.processors).toBeGreaterThan(0);
      expect(vm.memory.limitBytes).toBeGreaterThan(0);
      expect(vm.memory.limitBytes).toBeLessThanOrEqual(vm.memory.hostTotalBytes);
    });

    it('shows a distro in full without starting it', async () => {
      const detail = DistroDetail.parse(await backend.showDistro('Debian'));
      expect(detail).toMatchObject({ name: 'Debian', state: 'Stopped', version: 2, isDefault: false });
      expect(detail.mounts).toEqual([]);
      expect(detail.ip).toBeNull();
      expect((await row('Debian'))?.state).toBe('Stopped');
      expect((await backend.vmInfo()).runningDistros).toBe(0);
    });

    it('shows a running distro as running, the default as default', async () => {
      await backend.startDistro('Ubuntu-24.04');
      const detail = DistroDetail.parse(await backend.showDistro('Ubuntu-24.04'));
      expect(detail).toMatchObject({ name: 'Ubuntu-24.04', state: 'Running', version: 2, isDefault: true });
    });

    it('unregisters a distro: it is gone from the list and from show', async () => {
      const reports: (number | null)[] = [];
      await backend.unregisterDistro('Debian', (progress) => reports.push(progress), new AbortController().signal);
      expect((await backend.listDistros()).map((d) => d.name)).toEqual(['Ubuntu-24.04', 'docker-desktop']);
      expect((await rejection(backend.showDistro('Debian'))).code).toBe('NOT_FOUND');
    });

    it('a long operation whose signal aborted is CANCELLED and changes nothing: no partial file, no distro added or removed', async () => {
      const aborted = AbortSignal.abort();
      const before = await backend.listDistros();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lightdock-contract-'));
      try {
        const file = path.join(dir, 'debian.tar');
        expect((await rejection(backend.exportDistro('Debian', file, 'tar', () => undefined, aborted))).code).toBe('CANCELLED');
        expect(fs.existsSync(file)).toBe(false);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      expect((await rejection(backend.installDistro('kali-linux', () => undefined, aborted))).code).toBe('CANCELLED');
      expect((await rejection(backend.unregisterDistro('Debian', () => undefined, aborted))).code).toBe('CANCELLED');
      expect((await rejection(backend.setVersion('Debian', 1, () => undefined, aborted))).code).toBe('CANCELLED');
      expect((await rejection(backend.compactDisk('Debian', () => undefined, aborted))).code).toBe('CANCELLED');
      expect(await backend.listDistros()).toEqual(before);
    });

    it('answers an unknown distro with NOT_FOUND', async () => {
      expect((await rejection(backend.terminateDistro('NoSuchDistro'))).code).toBe('NOT_FOUND');
      expect((await rejection(backend.setDefaultDistro('NoSuchDistro'))).code).toBe('NOT_FOUND');
      expect((await rejection(backend.showDistro('NoSuchDistro'))).code).toBe('NOT_FOUND');
      expect((await backend.listDistros()).map((d) => d.name)).toEqual(READY_NAMES);
    });

    it('writes .wslconfig and reads the same text back', async () => {
      const text = '# mine\r\n[wsl2]\r\nmemory=8GB\r\nunknownKey = kept\r\n';
      await backend.writeWslConfig(text);
      const file = await backend.readWslConfig();
      expect(file.text).toBe(text);
      expect(file.path.toLowerCase().endsWith('.wslconfig')).toBe(true);
    });

    it('lets a watcher stop watching', () => {
      const stop = backend.watchExternalChanges(() => undefined);
      expect(typeof stop).toBe('function');
      stop();
    });

    it('reads the VM from a list it is given; without the probe it says its figures were not read', async () => {
      await backend.startDistro('Debian');
      const distros = await backend.listDistros();
      const live = await backend.vmInfo({ distros });
      expect(VmInfo.parse(live)).toEqual(live);
      expect(live).toMatchObject({ live: true, runningDistros: 1 });
      expect(live.memory.usedBytes).toBeGreaterThan(0);
      const quiet = await backend.vmInfo({ distros, probe: false });
      expect(VmInfo.parse(quiet)).toEqual(quiet);
      expect(quiet).toMatchObject({ live: false, runningDistros: 1, bootTime: null, uptimeSeconds: null });
      expect(quiet.memory.usedBytes).toBe(0);
      expect(quiet.memory.limitBytes).toBe(live.memory.limitBytes);
    });
  });
}
