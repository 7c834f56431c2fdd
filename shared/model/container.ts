import { z } from 'zod';
import { CONTAINER_STATES } from './container-states';

/** The engine references (Docker's own grammars) live in engine-reference; re-exported for the contract's imports. */
export { ContainerRef, ImageRef, VolumeName } from './engine-reference';

/** `State` of a container in the Engine API. */
export const ContainerState = z.enum(CONTAINER_STATES);
export type ContainerState = z.infer<typeof ContainerState>;

/** A port: container side, and where it is published on the host (127.0.0.1:8080), if it is. */
export const PortBinding = z.object({
  privatePort: z.number().int().min(0).max(65535),
  publicPort: z.number().int().min(0).max(65535).nullable(),
  ip: z.string().nullable(),
  type: z.enum(['tcp', 'udp', 'sctp']),
});
export type PortBinding = z.infer<typeof PortBinding>;

/** One network a container is attached to, with its address there. */
export const ContainerNetwork = z.object({
  name: z.string(),
  ipAddress: z.string().nullable(),
  gateway: z.string().nullable(),
  macAddress: z.string().nullable(),
});
export type ContainerNetwork = z.infer<typeof ContainerNetwork>;

/** A bind mount, volume or tmpfs of a container. */
export const ContainerMount = z.object({
  type: z.string(),
  source: z.string(),
  destination: z.string(),
  mode: z.string(),
  rw: z.boolean(),
});
export type ContainerMount = z.infer<typeof ContainerMount>;

/**
 * One row of the containers list as the app and the CLI receive it (`containers:list`, `containers:changed`): what
 * the table, the tray and the notifications read. `created` is seconds since the epoch, as the engine gives it.
 * Labels, networks and mounts stay out: they were two thirds of a list's bytes, and `containers:inspect` has them.
 */
export const ContainerRow = z.object({
  id: z.string(),
  name: z.string(),
  image: z.string(),
  imageId: z.string(),
  command: z.string(),
  state: ContainerState,
  status: z.string(),
  created: z.number().int(),
  ports: z.array(PortBinding),
  composeProject: z.string().nullable(),
  composeService: z.string().nullable(),
});
export type ContainerRow = z.infer<typeof ContainerRow>;

/** A container as the engine lists it, for the host's own use (Compose projects, the network map): the row plus its labels, networks and mounts. */
export const ContainerSummary = ContainerRow.extend({
  labels: z.record(z.string(), z.string()),
  networks: z.array(ContainerNetwork),
  mounts: z.array(ContainerMount),
});
export type ContainerSummary = z.infer<typeof ContainerSummary>;

/** The row of a listed container: its summary without the labels, networks and mounts (a new object; the summary is untouched). */
export function containerRow(summary: ContainerRow): ContainerRow {
  const { id, name, image, imageId, command, state, status, created, ports, composeProject, composeService } = summary;
  return { id, name, image, imageId, command, state, status, created, ports, composeProject, composeService };
}

/** How one namespace is set: the container's own, the host's, or another container's. */
export const NamespaceMode = z.enum(['private', 'host', 'container']);
export type NamespaceMode = z.infer<typeof NamespaceMode>;

/** One namespace of a container; `inode` is the namespace id (`/proc/<pid>/ns/<kind>`) when the engine is local. */
export const NamespaceInfo = z.object({
  mode: NamespaceMode,
  /** The container whose namespace is shared (mode `container`). */
  container: z.string().nullable(),
  inode: z.number().int().nullable(),
});
export type NamespaceInfo = z.infer<typeof NamespaceInfo>;

/** The seven Linux namespaces a container process lives in. */
export const ContainerNamespaces = z.object({
  pid: NamespaceInfo,
  net: NamespaceInfo,
  ipc: NamespaceInfo,
  uts: NamespaceInfo,
  mnt: NamespaceInfo,
  user: NamespaceInfo,
  cgroup: NamespaceInfo,
});
export type ContainerNamespaces = z.infer<typeof ContainerNamespaces>;

/** The container's cgroup: its limits (null = unlimited) and current use where the engine reports it. */
export const ContainerCgroup = z.object({
  version: z.union([z.literal(1), z.literal(2)]).nullable(),
  /** Relative to the cgroup root, as /proc/<pid>/cgroup shows it (`/docker/<id>`, `/system.slice/docker-<id>.scope`). */
  path: z.string().nullable(),
  memoryLimitBytes: z.number().int().nullable(),
  memorySwapLimitBytes: z.number().int().nullable(),
  nanoCpus: z.number().int().nullable(),
  cpuQuota: z.number().int().nullable(),
  cpuPeriod: z.number().int().nullable(),
  cpuShares: z.number().int().nullable(),
  pidsLimit: z.number().int().nullable(),
  memoryUsageBytes: z.number().int().nullable(),
  pidsCurrent: z.number().int().nullable(),
});
export type ContainerCgroup = z.infer<typeof ContainerCgroup>;

/** A container in full: the row, its process, namespaces, cgroup and the engine's raw inspect JSON. */
export const ContainerDetail = ContainerSummary.extend({
  pid: z.number().int().nullable(),
  tty: z.boolean(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  exitCode: z.number().int().nullable(),
  restartCount: z.number().int(),
  namespaces: ContainerNamespaces,
  cgroup: ContainerCgroup,
  inspect: z.unknown(),
});
export type ContainerDetail = z.infer<typeof ContainerDetail>;

/** One stats sample with the docker CLI's math (CPU % over online CPUs, memory without inactive file cache). */
export const ContainerStats = z.object({
  id: z.string(),
  name: z.string(),
  cpuPercent: z.number(),
  memoryUsedBytes: z.number(),
  memoryLimitBytes: z.number(),
  memoryPercent: z.number(),
  netRxBytes: z.number(),
  netTxBytes: z.number(),
  blockReadBytes: z.number(),
  blockWriteBytes: z.number(),
  pids: z.number(),
  timestamp: z.number(),
});
export type ContainerStats = z.infer<typeof ContainerStats>;

/** What can be done to containers, one or many at a time. */
export const ContainerAction = z.enum(['start', 'stop', 'restart', 'pause', 'unpause', 'kill', 'remove']);
export type ContainerAction = z.infer<typeof ContainerAction>;

/** The outcome for one container of a bulk action. */
export const ContainerActionResult = z.object({
  id: z.string(),
  ok: z.boolean(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type ContainerActionResult = z.infer<typeof ContainerActionResult>;

/** One line of a container's log. */
export const LogLine = z.object({
  stream: z.enum(['stdout', 'stderr']),
  text: z.string(),
  timestamp: z.string().nullable(),
});
export type LogLine = z.infer<typeof LogLine>;
