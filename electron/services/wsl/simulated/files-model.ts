import type { BoundaryCost, Throughput } from '../../../../shared/model/files';
import { ServiceError } from '../../errors';
import type { DistroDirectories } from '../wsl-backend';
import type { SimulatedDistro, SimulatedHostState } from './host-state';

/** The project the seeded default Ubuntu works on from the Windows drive (`C:\Users\<user>\source\<project>`). */
export const SIMULATED_PROJECT = 'shop';

/** WSL2's own disk (ext4 in a VHDX) as modelled: MB/s for a short mixed read and write. */
const EXT4: Throughput = { readMBps: 1800, writeMBps: 900 };
/** Modelled 9p factors: reads about 7 times slower, writes of small files about 20 times slower. */
const NINE_P_READ_FACTOR = 7;
const NINE_P_WRITE_FACTOR = 20;
/** WSL1: lxfs and DrvFs both on NTFS, close to each other and both slower than ext4. */
const WSL1_LINUX: Throughput = { readMBps: 420, writeMBps: 140 };
const WSL1_DRVFS: Throughput = { readMBps: 350, writeMBps: 110 };

/** The default user's home as WSL makes it. */
function homeOf(distro: SimulatedDistro): string {
  return distro.defaultUser === 'root' ? '/root' : `/home/${distro.defaultUser}`;
}

/** The first host drive under the distro's automount root (`/mnt/c`), or null when the host has no drives. */
function firstDrive(state: SimulatedHostState, distro: SimulatedDistro): string | null {
  const letter = state.host.drives[0];
  return letter === undefined ? null : `${distro.automountRoot}${letter.toLowerCase()}`;
}

/**
 * The modelled working directories of a running distro's processes, and its home: init (and systemd) at `/`, a
 * login shell in the home; the default distro, when it is an Ubuntu, also runs a node dev server and npm in
 * `/mnt/c/Users/<host user>/source/shop` (across the 9p boundary); a WSL1 distro's shell sits in the Windows
 * profile on the drive; Docker Desktop's distro runs its engine at `/`. Deterministic from the state.
 */
export function simulatedDirectories(state: SimulatedHostState, distro: SimulatedDistro): DistroDirectories {
  if (distro.state !== 'Running') throw new ServiceError('CONFLICT', `${distro.name} is not running, so none of its processes work anywhere.`);
  const home = homeOf(distro);
  const processes: DistroDirectories['processes'] = [{ command: 'init', cwd: '/' }];
  if (distro.version === 2 && distro.systemd) processes.push({ command: 'systemd', cwd: '/' });
  if (distro.name === 'docker-desktop') {
    processes.push({ command: 'dockerd', cwd: '/' }, { command: 'containerd', cwd: '/' });
    return { home, processes };
  }
  processes.push({ command: 'bash', cwd: home });
  const drive = firstDrive(state, distro);
  if (drive === null) return { home, processes };
  const profile = `${drive}/Users/${state.host.userName}`;
  if (distro.version === 1) {
    processes.push({ command: 'bash', cwd: profile });
  } else if (distro.id === state.defaultId && (distro.osName ?? '').startsWith('Ubuntu')) {
    const project = `${profile}/source/${SIMULATED_PROJECT}`;
    processes.push({ command: 'node', cwd: project }, { command: 'npm', cwd: project }, { command: 'node', cwd: `${home}/.vscode-server` });
  }
  return { home, processes };
}

/**
 * The modelled cost of crossing the boundary in a running distro, labelled as modelled (`measured: false`):
 * WSL2's 9p reads 7 times and small-file writes 20 times slower than ext4; WSL1's DrvFs close to its lxfs.
 */
export async function simulatedBoundaryCost(state: SimulatedHostState, distro: SimulatedDistro, now: number, signal: AbortSignal): Promise<BoundaryCost> {
  if (signal.aborted) throw new ServiceError('CONFLICT', 'The boundary measurement was cancelled.');
  if (distro.state !== 'Running') throw new ServiceError('CONFLICT', `Start ${distro.name} first: the cost of its Windows drives is measured inside it.`);
  const drive = firstDrive(state, distro) ?? '/mnt/c';
  if (distro.version === 1) {
    return {
      distro: distro.name,
      windowsDrive: WSL1_DRVFS,
      linux: WSL1_LINUX,
      slowdown: ratio(WSL1_DRVFS, WSL1_LINUX),
      measured: false,
      method: `Modelled, not timed (simulated host): a WSL1 distro keeps its files on NTFS (lxfs) like ${drive} (DrvFs), so the two are close.`,
      at: now,
    };
  }
  const windowsDrive = { readMBps: round(EXT4.readMBps / NINE_P_READ_FACTOR), writeMBps: round(EXT4.writeMBps / NINE_P_WRITE_FACTOR) };
  return {
    distro: distro.name,
    windowsDrive,
    linux: EXT4,
    slowdown: ratio(windowsDrive, EXT4),
    measured: false,
    method: `Modelled, not timed (simulated host): ${drive} over 9p reads about ${NINE_P_READ_FACTOR}x and writes small files about ${NINE_P_WRITE_FACTOR}x slower than the distro's ext4 disk.`,
    at: now,
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function ratio(windowsDrive: Throughput, linux: Throughput): number {
  return Math.round(Math.max(linux.readMBps / windowsDrive.readMBps, linux.writeMBps / windowsDrive.writeMBps) * 10) / 10;
}
