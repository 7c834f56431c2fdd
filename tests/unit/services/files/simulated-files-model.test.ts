import { describe, expect, it } from 'vitest';
import { BoundaryCost } from '../../../../shared/model/files';
import { simulatedBoundaryCost, simulatedDirectories } from '../../../../electron/services/wsl/simulated/files-model';
import type { SimulatedDistro, SimulatedHostState } from '../../../../electron/services/wsl/simulated/host-state';
import { seedScenario } from '../../../../electron/services/wsl/simulated/scenarios';
import { rejection } from '../../../helpers/service-error';

function running(state: SimulatedHostState, name: string): SimulatedDistro {
  const distro = state.distros.find((d) => d.name === name);
  expect(distro).toBeDefined();
  return { ...(distro as SimulatedDistro), state: 'Running' };
}

describe('the simulated files model', () => {
  it('gives the seeded default Ubuntu a dev server on the host user’s C: drive and a shell in its home, the same every time', () => {
    const state = seedScenario('ready');
    const ubuntu = running(state, 'Ubuntu-24.04');
    const directories = simulatedDirectories(state, ubuntu);
    expect(directories.home).toBe('/home/dev');
    expect(directories.processes).toContainEqual({ command: 'node', cwd: `/mnt/c/Users/${state.host.userName}/source/shop` });
    expect(directories.processes).toContainEqual({ command: 'bash', cwd: '/home/dev' });
    expect(simulatedDirectories(state, ubuntu)).toEqual(directories);
  });

  it('keeps other distros in Linux and follows the host’s drives and automount root', () => {
    const state = seedScenario('ready');
    const debian = simulatedDirectories(state, running(state, 'Debian'));
    expect(debian.processes.every((p) => !p.cwd.startsWith('/mnt/'))).toBe(true);
    const moved = simulatedDirectories({ ...state, host: { ...state.host, drives: ['D'] } }, { ...running(state, 'Ubuntu-24.04'), automountRoot: '/win/' });
    expect(moved.processes.some((p) => p.cwd === '/win/d/Users/dev/source/shop')).toBe(true);
    const noDrives = simulatedDirectories({ ...state, host: { ...state.host, drives: [] } }, running(state, 'Ubuntu-24.04'));
    expect(noDrives.processes.some((p) => p.cwd.startsWith('/mnt/'))).toBe(false);
  });

  it('refuses a stopped distro', async () => {
    const state = seedScenario('ready');
    const stopped = state.distros[0] as SimulatedDistro;
    expect(() => simulatedDirectories(state, stopped)).toThrow(/not running/);
    expect((await rejection(simulatedBoundaryCost(state, stopped, 5, new AbortController().signal))).code).toBe('CONFLICT');
  });

  it('models the 9p cost for WSL2, labelled as modelled, and a close one for WSL1', async () => {
    const state = seedScenario('mixed');
    const wsl2 = BoundaryCost.parse(await simulatedBoundaryCost(state, running(state, 'Ubuntu-22.04'), 42, new AbortController().signal));
    expect(wsl2).toMatchObject({ distro: 'Ubuntu-22.04', measured: false, at: 42, slowdown: 20 });
    expect(wsl2.linux.readMBps / wsl2.windowsDrive.readMBps).toBeCloseTo(7, 1);
    expect(wsl2.method).toMatch(/^Modelled, not timed \(simulated host\)/);
    const wsl1 = await simulatedBoundaryCost(state, running(state, 'Ubuntu-18.04'), 42, new AbortController().signal);
    expect(wsl1.slowdown).toBeLessThan(2);
    expect(wsl1.method).toMatch(/WSL1/);
    const controller = new AbortController();
    controller.abort();
    expect((await rejection(simulatedBoundaryCost(state, running(state, 'Ubuntu-22.04'), 42, controller.signal))).message).toMatch(/cancelled/);
  });
});
