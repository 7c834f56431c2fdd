import { z } from 'zod';
import { DistroName, DistroState, WslVersion, type Distro } from '../../../../shared/model/distro';
import { ScenarioName } from '../../../../shared/model/host';
import { MemoryReclaimMode, NetworkingMode } from '../../../../shared/model/vm';
import { READY_MACHINE, SimulatedMachine } from './simulated-machine';

const Bytes = z.number().int().nonnegative();
const Time = z.number().int();

/** The simulated Windows machine: what `.wslconfig` defaults, the VM's NAT and the /mnt drives depend on. */
export const SimulatedHostFacts = z.object({
  computerName: z.string(),
  userName: z.string(),
  totalMemoryBytes: Bytes,
  logicalProcessors: z.number().int().positive(),
  /** Fixed drive letters, upper case (`C`, `D`): each appears under the automount root. */
  drives: z.array(z.string().regex(/^[A-Z]$/)),
  /** The host's LAN address and prefix (what mirrored mode shows inside Linux). */
  ip: z.string(),
  prefixLength: z.number().int().min(0).max(32),
  dns: z.array(z.string()),
  /** The bundled kernel's version (`wsl --version`), e.g. 6.6.87.2. */
  kernelVersion: z.string(),
});
export type SimulatedHostFacts = z.infer<typeof SimulatedHostFacts>;

/** A WSL2 distro's ext4.vhdx: how big the file is on the host, how big it may grow, whether it is sparse. */
export const SimulatedDisk = z.object({
  fileSizeBytes: Bytes,
  maxSizeBytes: Bytes,
  sparse: z.boolean(),
});
export type SimulatedDisk = z.infer<typeof SimulatedDisk>;

/** Who changed a distro into a transient state and what it was before, so a crashed operation can be undone. */
export const SimulatedBusy = z.object({ pid: z.number().int(), previousState: DistroState.nullable() });

/** One registered distro as the simulated host persists it (the registry's Lxss subkey plus what Linux would report). */
export const SimulatedDistro = z.object({
  id: z.string().min(1),
  name: DistroName,
  version: WslVersion,
  state: DistroState,
  basePath: z.string().default(''),
  osName: z.string().nullable().default(null),
  defaultUser: z.string().default('root'),
  defaultUid: z.number().int().nonnegative().default(0),
  systemd: z.boolean().default(false),
  /** `[automount] root` of its wsl.conf, ending with `/`. */
  automountRoot: z.string().default('/mnt/'),
  /** Memory its processes use while it runs. */
  memoryBytes: Bytes.default(256 * 1024 ** 2),
  /** Bytes its files take (inside the VHDX for WSL2, on NTFS for WSL1). */
  usedBytes: Bytes.default(1024 ** 3),
  /** WSL2 only; WSL1 distros have no VHDX. */
  disk: SimulatedDisk.nullable().default(null),
  startedAt: Time.nullable().default(null),
  busy: SimulatedBusy.nullable().default(null),
});
export type SimulatedDistro = z.infer<typeof SimulatedDistro>;

/** The `.wslconfig` values the VM booted with (a running VM ignores later edits until it restarts). */
export const BootConfig = z.object({
  memoryLimitBytes: Bytes,
  processors: z.number().int().positive(),
  swapBytes: Bytes,
  kernel: z.string().nullable(),
  kernelCommandLine: z.string().nullable(),
  networkingMode: NetworkingMode,
  localhostForwarding: z.boolean(),
  dnsTunneling: z.boolean(),
  dnsProxy: z.boolean(),
  vmIdleTimeoutMs: z.number().int(),
  autoMemoryReclaim: MemoryReclaimMode,
});
export type BootConfig = z.infer<typeof BootConfig>;

/** The NAT range HNS picked once, kept across boots like `NatNetwork` / `NatIpAddress` in the registry. */
export const NatAddresses = z.object({ subnet: z.string(), hostIp: z.string(), vmIp: z.string() });
export type NatAddresses = z.infer<typeof NatAddresses>;

/**
 * The utility VM as stored: facts at the last change only; whether it is up now is derived from the
 * clock (`bootedAt`, `lastWsl2StopAt` + idle timeout), so no timer has to write the file.
 */
export const SimulatedVm = z.object({
  bootedAt: Time.nullable(),
  lastWsl2StopAt: Time.nullable(),
  bootConfig: BootConfig.nullable(),
  pageCacheBytes: Bytes,
  /** When the page cache last grew; reclaim counts from here. */
  pageCacheAt: Time,
  nat: NatAddresses.nullable(),
});
export type SimulatedVm = z.infer<typeof SimulatedVm>;

/** Current version of the state file. */
export const SIMULATED_HOST_SCHEMA = 2;

/** The whole persisted simulated host; `schema` is bumped with a migration when the shape changes. */
export const SimulatedHostState = z.object({
  schema: z.literal(SIMULATED_HOST_SCHEMA),
  scenario: ScenarioName,
  /** State of the seeded random generator (new GUIDs, the NAT range). */
  seed: z.number().int(),
  defaultId: z.string().nullable(),
  host: SimulatedHostFacts,
  vm: SimulatedVm,
  distros: z.array(SimulatedDistro),
  /** The Windows machine below WSL (firmware, features, which wsl.exe); files from before it read as ready. */
  machine: SimulatedMachine.default(READY_MACHINE),
});
export type SimulatedHostState = z.infer<typeof SimulatedHostState>;

/** A VM that never booted. */
export function stoppedVm(now: number): SimulatedVm {
  return { bootedAt: null, lastWsl2StopAt: null, bootConfig: null, pageCacheBytes: 0, pageCacheAt: now, nat: null };
}

/** Rows in `wsl -l -v` order: the default first, then registration order. */
export function listDistros(state: SimulatedHostState): Distro[] {
  const rows = state.distros.map((d) => ({ name: d.name, state: d.state, version: d.version, isDefault: d.id === state.defaultId }));
  return [...rows.filter((r) => r.isDefault), ...rows.filter((r) => !r.isDefault)];
}

/** The registered distro with exactly this name, if any. */
export function findDistro(state: SimulatedHostState, name: string): SimulatedDistro | undefined {
  return state.distros.find((d) => d.name === name);
}

/** Returns a new state with one distro changed. */
export function withDistro(state: SimulatedHostState, name: string, change: (d: SimulatedDistro) => SimulatedDistro): SimulatedHostState {
  return { ...state, distros: state.distros.map((d) => (d.name === name ? change(d) : d)) };
}

/** Returns a new state whose default is the named distro. */
export function withDefault(state: SimulatedHostState, name: string): SimulatedHostState {
  const target = findDistro(state, name);
  return target ? { ...state, defaultId: target.id } : state;
}

/** mulberry32: the next value in [0, 1) and the generator's next state. */
export function nextRandom(seed: number): { value: number; seed: number } {
  const next = (seed + 0x6d2b79f5) | 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { value: ((t ^ (t >>> 14)) >>> 0) / 4294967296, seed: next };
}

/** Draws `count` random values from the state's seed; returns them with the state advanced. */
export function draw(state: SimulatedHostState, count: number): { values: number[]; state: SimulatedHostState } {
  const values: number[] = [];
  let seed = state.seed;
  for (let i = 0; i < count; i += 1) {
    const next = nextRandom(seed);
    values.push(next.value);
    seed = next.seed;
  }
  return { values, state: { ...state, seed } };
}

/** A new registry GUID in WSL's spelling (lower case, braces), drawn from the seed. */
export function newGuid(state: SimulatedHostState): { id: string; state: SimulatedHostState } {
  const { values, state: next } = draw(state, 4);
  const hex = values.map((v) => Math.floor(v * 2 ** 32).toString(16).padStart(8, '0')).join('');
  const id = `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}}`;
  return { id, state: next };
}
