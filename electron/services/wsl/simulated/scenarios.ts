import type { ScenarioName } from '../../../../shared/model/host';
import { GIB, MIB } from '../wslconfig/wslconfig-values';
import { SIMULATED_HOST_SCHEMA, stoppedVm, type SimulatedDistro, type SimulatedHostFacts, type SimulatedHostState } from './host-state';
import { FRESH_MACHINE, READY_MACHINE, type SimulatedMachine } from './simulated-machine';

/** The scenario a fresh simulated host starts from when none is chosen. */
export const DEFAULT_SCENARIO: ScenarioName = 'ready';

/** The seed every scenario starts its random generator from, so NAT ranges and GUIDs repeat run after run. */
const SEED = 20_251_126;
/** The time scenario states are stamped with; the VM is stopped, so it never matters for derived figures. */
const SEEDED_AT = 0;
const TB = 1024 * GIB;

const guid = (n: number): string => `{6c9a3e0b-1d2f-4b7a-9c1e-${n.toString(16).padStart(12, '0')}}`;

/** The simulated Windows machine: 32 GiB, 16 logical processors, drives C: and D:, on a home LAN. */
export function scenarioHost(): SimulatedHostFacts {
  return {
    computerName: 'LIGHTDOCK-PC',
    userName: 'dev',
    totalMemoryBytes: 32 * GIB,
    logicalProcessors: 16,
    drives: ['C', 'D'],
    ip: '192.168.1.42',
    prefixLength: 24,
    dns: ['192.168.1.1'],
    kernelVersion: '6.6.87.2',
  };
}

/** A WSL2 distro with a VHDX of `fileGiB` holding `usedGiB`, stopped. */
function wsl2(
  n: number,
  name: string,
  basePath: string,
  details: Pick<SimulatedDistro, 'osName' | 'defaultUser' | 'defaultUid' | 'systemd' | 'memoryBytes'>,
  usedGiB: number,
  fileGiB: number,
): SimulatedDistro {
  return {
    id: guid(n),
    name,
    version: 2,
    state: 'Stopped',
    basePath,
    automountRoot: '/mnt/',
    usedBytes: Math.round(usedGiB * GIB),
    disk: { fileSizeBytes: Math.round(fileGiB * GIB), maxSizeBytes: TB, sparse: false },
    startedAt: null,
    busy: null,
    ...details,
  };
}

/** A WSL1 distro (files on NTFS, no VHDX), stopped. */
function wsl1(n: number, name: string, basePath: string, osName: string, usedGiB: number): SimulatedDistro {
  return {
    id: guid(n),
    name,
    version: 1,
    state: 'Stopped',
    basePath,
    osName,
    defaultUser: 'dev',
    defaultUid: 1000,
    systemd: false,
    automountRoot: '/mnt/',
    memoryBytes: 60 * MIB,
    usedBytes: Math.round(usedGiB * GIB),
    disk: null,
    startedAt: null,
    busy: null,
  };
}

const LOCAL = 'C:\\Users\\dev\\AppData\\Local';
const user = { defaultUser: 'dev', defaultUid: 1000 };

function base(name: ScenarioName, defaultId: string | null, distros: SimulatedDistro[], machine: SimulatedMachine = READY_MACHINE): SimulatedHostState {
  return { schema: SIMULATED_HOST_SCHEMA, scenario: name, seed: SEED, defaultId, host: scenarioHost(), vm: stoppedVm(SEEDED_AT), distros, machine };
}

/** The distros of the `ready` scenario. */
function readyDistros(): SimulatedDistro[] {
  return [
    wsl2(1, 'Ubuntu-24.04', `${LOCAL}\\wsl\\${guid(1)}`, { osName: 'Ubuntu 24.04.1 LTS', ...user, systemd: true, memoryBytes: 420 * MIB }, 3.1, 4.6),
    wsl2(2, 'docker-desktop', `${LOCAL}\\Docker\\wsl\\main`, { osName: 'Docker Desktop', defaultUser: 'root', defaultUid: 0, systemd: false, memoryBytes: 780 * MIB }, 0.9, 1.2),
    wsl2(3, 'Debian', `${LOCAL}\\Packages\\TheDebianProject.DebianGNULinux_76v4gfsz19hv4\\LocalState`, { osName: 'Debian GNU/Linux 12 (bookworm)', ...user, systemd: false, memoryBytes: 160 * MIB }, 1.1, 1.3),
  ];
}

/** Builds the initial state of a named scenario; each call returns a fresh object. */
export function seedScenario(name: ScenarioName): SimulatedHostState {
  switch (name) {
    case 'ready':
      return base(name, guid(1), readyDistros());
    case 'empty':
      return base(name, null, []);
    case 'no-engine':
      return base(name, guid(1), readyDistros(), { ...READY_MACHINE, stopEngineAtStart: true });
    case 'virtualization-off':
      return base(name, guid(1), readyDistros(), { ...READY_MACHINE, firmwareVirtualization: false, hypervisorPresent: false, stopEngineAtStart: true });
    case 'features-off':
      return base(name, null, [], FRESH_MACHINE);
    case 'reboot-pending':
      return base(name, null, [], { ...FRESH_MACHINE, vmPlatform: 'EnablePending', wslFeature: 'EnablePending', wslAfterReboot: 'store' });
    case 'wsl-missing':
      return base(name, null, [], { ...FRESH_MACHINE, vmPlatform: 'Enabled', wslFeature: 'Enabled', hypervisorPresent: true });
    case 'mixed':
      return base(name, guid(11), [
        wsl2(11, 'Ubuntu-22.04', `${LOCAL}\\Packages\\CanonicalGroupLimited.Ubuntu22.04LTS_79rhkp1fndgsc\\LocalState`, { osName: 'Ubuntu 22.04.5 LTS', ...user, systemd: true, memoryBytes: 380 * MIB }, 6.2, 9.8),
        wsl1(12, 'Ubuntu-18.04', `${LOCAL}\\Packages\\CanonicalGroupLimited.UbuntuonWindows_79rhkp1fndgsc\\LocalState`, 'Ubuntu 18.04.6 LTS', 2.4),
        { ...wsl2(13, 'openSUSE-Tumbleweed', `${LOCAL}\\wsl\\${guid(13)}`, { osName: 'openSUSE Tumbleweed', defaultUser: 'root', defaultUid: 0, systemd: false, memoryBytes: 200 * MIB }, 0.8, 0.9), state: 'Installing' },
        { ...wsl2(14, 'FedoraLinux-42', `${LOCAL}\\wsl\\${guid(14)}`, { osName: 'Fedora Linux 42', ...user, systemd: true, memoryBytes: 300 * MIB }, 2.0, 2.5), state: 'Uninstalling' },
        { ...wsl1(15, 'AlmaLinux-9', `${LOCAL}\\wsl\\${guid(15)}`, 'AlmaLinux 9.6', 1.2), state: 'Converting' },
        { ...wsl2(16, 'archlinux', `${LOCAL}\\wsl\\${guid(16)}`, { osName: 'Arch Linux', ...user, systemd: true, memoryBytes: 150 * MIB }, 1.5, 2.1), state: 'Exporting' },
      ]);
  }
}
