import { z } from 'zod';

/** Lifecycle of the WSL2 utility VM. */
export const VmState = z.enum(['Stopped', 'Starting', 'Running', 'Stopping']);
export type VmState = z.infer<typeof VmState>;

/** What the one-line status needs of the utility VM: its state and how many WSL2 distros run in it. */
export const VmSummary = z.object({
  state: VmState,
  runningDistros: z.number().int().nonnegative(),
});
export type VmSummary = z.infer<typeof VmSummary>;

/** `autoMemoryReclaim` modes: how the VM gives page cache back to Windows. */
export const MemoryReclaimMode = z.enum(['disabled', 'gradual', 'dropCache']);
export type MemoryReclaimMode = z.infer<typeof MemoryReclaimMode>;

/** Memory of the VM from the host's point of view (the vmmem process) down to what Linux uses. */
export const VmMemory = z.object({
  hostTotalBytes: z.number().int().nonnegative(),
  /** The `.wslconfig` memory limit (default half of host RAM). */
  limitBytes: z.number().int().nonnegative(),
  /** What the VM holds from the host now (grows with use, shrinks with reclaim). */
  assignedBytes: z.number().int().nonnegative(),
  /** Used by processes, without page cache. */
  usedBytes: z.number().int().nonnegative(),
  pageCacheBytes: z.number().int().nonnegative(),
  swapBytes: z.number().int().nonnegative(),
  swapUsedBytes: z.number().int().nonnegative(),
  reclaimMode: MemoryReclaimMode,
});
export type VmMemory = z.infer<typeof VmMemory>;

/** `networkingMode` values WSL accepts (lower-cased). */
export const NetworkingMode = z.enum(['nat', 'mirrored', 'none', 'bridged', 'virtioproxy']);
export type NetworkingMode = z.infer<typeof NetworkingMode>;

/** The VM's network: its own IP behind the virtual NAT (a /20 in 172.16.0.0/12), or the host's in mirrored mode. */
export const VmNetwork = z.object({
  mode: NetworkingMode,
  vmIp: z.string().nullable(),
  prefixLength: z.number().int().min(0).max(128).nullable(),
  /** The host side: the `vEthernet (WSL)` adapter's address in NAT mode. */
  hostIp: z.string().nullable(),
  subnet: z.string().nullable(),
  dns: z.array(z.string()),
  localhostForwarding: z.boolean(),
});
export type VmNetwork = z.infer<typeof VmNetwork>;

/** The VM's kernel: the running version and what `.wslconfig` overrides. */
export const VmKernel = z.object({
  version: z.string().nullable(),
  customKernelPath: z.string().nullable(),
  commandLine: z.string().nullable(),
});
export type VmKernel = z.infer<typeof VmKernel>;

/** The WSL2 utility VM as the VM view and `lightdock vm --json` show it. Times are ms since the epoch. */
export const VmInfo = VmSummary.extend({
  bootTime: z.number().int().nullable(),
  uptimeSeconds: z.number().int().nonnegative().nullable(),
  kernel: VmKernel,
  memory: VmMemory,
  processors: z.number().int().positive(),
  idleTimeoutMs: z.number().int(),
  /** When the idle timeout will shut the VM down (no WSL2 distro running), else null. */
  idleShutdownAt: z.number().int().nullable(),
  network: VmNetwork,
  /**
   * True when the VM's live figures were read for this value (a probe of the running VM): what `vm:info`
   * returns, and `vm:changed` and `vm:restart` while a visible client holds a `vm:watch`. False when they were
   * not (nobody watches, so the host did not probe): then state, runningDistros, idleShutdownAt
   * and the `.wslconfig` values are current, but bootTime and uptimeSeconds are null, the memory in use
   * (assigned, used, page cache, swap used) is 0, the VM's addresses and DNS are empty and kernel.version
   * may be null — a view keeps the last live figures it has instead of showing these.
   */
  live: z.boolean(),
});
export type VmInfo = z.infer<typeof VmInfo>;
