import { z } from 'zod';
import { ContainerRef } from './engine-reference';
import { EnginePlacement } from './engine-placement';
import { VmMemory } from './vm';

const Bytes = z.number().int().nonnegative();

/** What one node of the memory breakdown stands for. */
export const MemoryNodeKind = z.enum([
  /** A machine: the Windows host (or the Linux machine Lightdock runs on). */
  'host',
  /** Host RAM used by everything but the WSL2 VM (and, on a Linux host, but the containers). */
  'host-other',
  /** Host RAM nobody uses. */
  'host-free',
  /** The WSL2 utility VM: what `vmmem`/`vmmemWSL` holds from the host. */
  'vm',
  /** The kernel, WSL's system distro and anything in the VM not attributed to a distro. */
  'vm-system',
  /** Page cache inside the VM (reclaimable). */
  'vm-page-cache',
  /** Memory the VM holds but Linux has free. */
  'vm-free',
  /** One running WSL2 distro: its processes' memory. */
  'distro',
  /** A distro's processes other than its containers. */
  'distro-other',
  /** One container: its cgroup's use against its limit. */
  'container',
]);
export type MemoryNodeKind = z.infer<typeof MemoryNodeKind>;

/**
 * One node of the breakdown. `bytes` is the node's share of its parent; the children's `bytes` add up to the
 * parent's exactly (a remainder node takes the difference). A figure that is not read directly is `estimated`,
 * and `estimate` says how it was reached in one sentence.
 */
export interface MemoryNode {
  id: string;
  kind: MemoryNodeKind;
  label: string;
  bytes: number;
  /** The limit that applies (the VM's `.wslconfig` memory, a container's `--memory`), null when none. */
  limitBytes: number | null;
  estimated: boolean;
  estimate: string | null;
  children: MemoryNode[];
}

/** Schema of a MemoryNode; at most 1,000 children a node and 6 levels, as the host builds it. */
export const MemoryNode: z.ZodType<MemoryNode> = z.lazy(() =>
  z.object({
    id: z.string().max(512),
    kind: MemoryNodeKind,
    label: z.string().max(512),
    bytes: Bytes,
    limitBytes: Bytes.nullable(),
    estimated: z.boolean(),
    estimate: z.string().max(1000).nullable(),
    children: z.array(MemoryNode).max(1000),
  }),
);

/** What a memory warning is about. */
export const MemoryWarningKind = z.enum(['vm-near-limit', 'vm-swapping', 'container-near-limit', 'container-oom-killed', 'host-pressure']);
export type MemoryWarningKind = z.infer<typeof MemoryWarningKind>;

/** One warning on the Memory page (and a notification): which part, how bad, one sentence. */
export const MemoryWarning = z.object({
  /** Stable for the same condition on the same subject (`container-near-limit:web`), so it is not repeated. */
  id: z.string(),
  kind: MemoryWarningKind,
  severity: z.enum(['warning', 'error']),
  /** The VM, the host, or the container's name. */
  subject: z.string(),
  message: z.string(),
  /** When the condition was seen (ms since the epoch). */
  at: z.number().int(),
});
export type MemoryWarning = z.infer<typeof MemoryWarning>;

/** The whole breakdown at one moment, as the Memory page and `lightdock memory --json` show it. */
export const MemoryReport = z.object({
  at: z.number().int(),
  /** True when any figure comes from the simulated host or engine. */
  simulated: z.boolean(),
  placement: EnginePlacement,
  /**
   * One tree per machine: the first is the host with the WSL2 VM below it; when the engine runs on the Linux
   * machine itself (no VM), that machine is a second root with the containers below it.
   */
  roots: z.array(MemoryNode).min(1).max(4),
  /** The VM's own figures (limit, swap, reclaim mode), null when there is no WSL. */
  vm: VmMemory.nullable(),
  warnings: z.array(MemoryWarning).max(200),
});
export type MemoryReport = z.infer<typeof MemoryReport>;

/** The two history resolutions: 1 s for the last 10 minutes, 1 min for the last 24 hours. */
export const MemoryResolution = z.enum(['1s', '1m']);
export type MemoryResolution = z.infer<typeof MemoryResolution>;

/** One history point: the figures of each level at time `t` (ms since the epoch), in bytes. */
export const MemorySample = z.object({
  t: z.number().int(),
  hostUsedBytes: Bytes,
  vmAssignedBytes: Bytes,
  vmUsedBytes: Bytes,
  vmPageCacheBytes: Bytes,
  /** Distro name → its processes' memory (running WSL2 distros). */
  distros: z.record(z.string(), Bytes),
  /** Container name → its cgroup's use (the heaviest ones; the rest summed under `(others)`). */
  containers: z.record(z.string(), Bytes),
});
export type MemorySample = z.infer<typeof MemorySample>;

/** The history at one resolution, oldest first, at most `capacity` samples. */
export const MemoryHistory = z.object({
  resolution: MemoryResolution,
  intervalMs: z.number().int().positive(),
  capacity: z.number().int().positive(),
  samples: z.array(MemorySample).max(100_000),
});
export type MemoryHistory = z.infer<typeof MemoryHistory>;

/** The figures an action's before and after compare. */
export const MemoryFigures = z.object({
  hostUsedBytes: Bytes,
  vmAssignedBytes: Bytes,
  vmUsedBytes: Bytes,
  vmPageCacheBytes: Bytes,
  containersBytes: Bytes,
});
export type MemoryFigures = z.infer<typeof MemoryFigures>;

/** What an action on the Memory page did, with the figures before and after it. */
export const MemoryActionResult = z.object({
  action: z.enum(['reclaim', 'stop-containers']),
  before: MemoryFigures,
  after: MemoryFigures,
  message: z.string(),
  /** The containers an action stopped (by name). */
  stopped: z.array(z.string()),
  report: MemoryReport,
});
export type MemoryActionResult = z.infer<typeof MemoryActionResult>;

/** Which containers `memory:stop-containers` stops. */
export const StopContainersRequest = z.object({ ids: z.array(ContainerRef).min(1).max(100) }).strict();
