import { z } from 'zod';
import { ContainerMount, ContainerState, PortBinding } from '../../../../shared/model/container';
import { NetworkSummary } from '../../../../shared/model/engine';

/** What a simulated container runs; decides its processes, logs, resource use and shell files. */
export const SimulatedProgram = z.enum(['nginx', 'api', 'postgres', 'redis', 'monitor', 'sidecar', 'lines', 'ticker']);
export type SimulatedProgram = z.infer<typeof SimulatedProgram>;

/** One run of a container, from start to exit; logs and counters are derived from runs. */
export const SimulatedRun = z.object({
  start: z.number(),
  end: z.number().nullable(),
  /** How the run ended (137 after a kill); null while it runs. */
  exitCode: z.number().int().nullable(),
  /** Pauses inside this run, [from, to) in ms; `to` null while paused. */
  pauses: z.array(z.object({ from: z.number(), to: z.number().nullable() })),
  /** First host pid of the run's processes and the first inode of its namespaces. */
  hostPid: z.number().int(),
  inodeBase: z.number().int(),
});
export type SimulatedRun = z.infer<typeof SimulatedRun>;

/** How a container's network namespace is set up (`--network`). */
export const SimulatedNetworkMode = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('attached'), attachments: z.array(z.object({ network: z.string(), ip: z.string() })) }),
  z.object({ mode: z.literal('host') }),
  z.object({ mode: z.literal('none') }),
  z.object({ mode: z.literal('container'), container: z.string() }),
]);
export type SimulatedNetworkMode = z.infer<typeof SimulatedNetworkMode>;

/** One container as the simulated engine persists it. Times are ms since the epoch. */
export const SimulatedContainer = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string(),
  image: z.string(),
  imageId: z.string(),
  command: z.string(),
  program: SimulatedProgram,
  /** Lines a `lines` program prints once per start. */
  startLines: z.array(z.string()),
  created: z.number(),
  labels: z.record(z.string(), z.string()),
  state: ContainerState,
  exitCode: z.number().int().nullable(),
  restartCount: z.number().int(),
  tty: z.boolean(),
  pidHost: z.boolean(),
  network: SimulatedNetworkMode,
  ports: z.array(PortBinding),
  mounts: z.array(ContainerMount),
  memory: z.number().int().nullable(),
  nanoCpus: z.number().int().nullable(),
  pidsLimit: z.number().int().nullable(),
  /** Past and current runs, oldest first, the last few only. */
  runs: z.array(SimulatedRun),
});
export type SimulatedContainer = z.infer<typeof SimulatedContainer>;

/** An image in the simulated engine's store. */
export const SimulatedImage = z.object({
  id: z.string(),
  tags: z.array(z.string()),
  sizeBytes: z.number().int().nonnegative(),
  created: z.number().int(),
});
export type SimulatedImage = z.infer<typeof SimulatedImage>;

/** A volume in the simulated engine. */
export const SimulatedVolume = z.object({
  name: z.string(),
  driver: z.string(),
  createdAt: z.string(),
  labels: z.record(z.string(), z.string()),
  /** Bytes its data takes, what a prune reclaims. */
  sizeBytes: z.number().int().nonnegative(),
});
export type SimulatedVolume = z.infer<typeof SimulatedVolume>;

/** A network in the simulated engine: the listed network without its container count, which is derived. */
export const SimulatedNetwork = NetworkSummary.omit({ containers: true });
export type SimulatedNetwork = z.infer<typeof SimulatedNetwork>;

/** One engine event, numbered so every process can tell which ones it has already delivered. */
export const SimulatedEvent = z.object({
  seq: z.number().int(),
  type: z.string(),
  action: z.string(),
  id: z.string(),
  time: z.number().int(),
});
export type SimulatedEvent = z.infer<typeof SimulatedEvent>;

/** The whole persisted simulated engine; `schema` is bumped with a migration when the shape changes. */
export const SimulatedEngineState = z.object({
  schema: z.literal(1),
  containers: z.array(SimulatedContainer),
  images: z.array(SimulatedImage),
  volumes: z.array(SimulatedVolume),
  networks: z.array(SimulatedNetwork),
  /** The most recent events, oldest first. */
  events: z.array(SimulatedEvent),
  nextSeq: z.number().int(),
  nextHostPid: z.number().int(),
  nextInode: z.number().int(),
});
export type SimulatedEngineState = z.infer<typeof SimulatedEngineState>;

/** How many events the state keeps. */
export const EVENT_HISTORY = 256;
/** How many runs per container the state keeps (logs older than that are gone, as after a log rotation). */
export const RUN_HISTORY = 8;

/** The simulated VM the engine runs in: its CPUs, memory and hostname. */
export const SIMULATED_VM = { cpus: 8, memoryBytes: 8_222_470_144, hostname: 'lightdock-vm', kernel: '6.6.87.2-microsoft-standard-WSL2' } as const;
