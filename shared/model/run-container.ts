import { z } from 'zod';
import { ContainerCgroup, ContainerNamespaces } from './container';
import { ImageRef } from './engine-reference';

/** A container name as `docker run --name` accepts it (Docker's restricted name grammar). */
export const ContainerName = z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/, 'A name starts with a letter or digit, then letters, digits, "_", "." or "-".');
export type ContainerName = z.infer<typeof ContainerName>;

/** An environment variable name (`-e NAME=value`): anything but `=` and NUL, as the engine accepts it. */
export const EnvName = z.string().regex(/^[^=\0\s][^=\0]{0,255}$/, 'An environment variable name cannot be empty or hold "=".');

/** One `-e NAME=value`. */
export const EnvVar = z.object({ name: EnvName, value: z.string().max(32_768).refine((v) => !v.includes('\0'), 'A value cannot hold NUL.') }).strict();
export type EnvVar = z.infer<typeof EnvVar>;

/** One `-p [ip:][hostPort:]containerPort[/proto]`; hostPort null lets the engine pick a free port. */
export const PublishSpec = z
  .object({
    /** An IPv4 address (127.0.0.1 by default in the dialog), or an IPv6 one. */
    hostIp: z.string().regex(/^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$|^[0-9a-fA-F:]{2,39}$/, 'Not an IP address.'),
    hostPort: z.number().int().min(1).max(65_535).nullable(),
    containerPort: z.number().int().min(1).max(65_535),
    protocol: z.enum(['tcp', 'udp', 'sctp']),
  })
  .strict();
export type PublishSpec = z.infer<typeof PublishSpec>;

/** One `-v source:target[:ro]`: a named volume (created when missing) or an absolute host path (a bind mount). */
export const MountSpec = z
  .object({
    kind: z.enum(['volume', 'bind']),
    /** The volume name, or the host's absolute path for a bind. */
    source: z.string().min(1).max(4096).refine((v) => !v.includes('\0'), 'A path cannot hold NUL.'),
    /** The absolute path inside the container. */
    target: z.string().regex(/^\/[^\0]{0,4095}$/, 'The path inside the container must be absolute.'),
    readOnly: z.boolean(),
  })
  .strict();
export type MountSpec = z.infer<typeof MountSpec>;

/** `--restart`. */
export const RestartPolicy = z.enum(['no', 'always', 'unless-stopped', 'on-failure']);
export type RestartPolicy = z.infer<typeof RestartPolicy>;

/** How the run shares a namespace: its own (the default), the host's, or (net only) another container's or none. */
export const RunNamespaces = z
  .object({
    /** `--network`: bridge (default), host, none, container:<ref>, or a user network's name. */
    network: z.string().min(1).max(300).default('bridge'),
    pid: z.enum(['private', 'host']).default('private'),
    ipc: z.enum(['private', 'host', 'shareable']).default('private'),
    uts: z.enum(['private', 'host']).default('private'),
  })
  .strict();
export type RunNamespaces = z.infer<typeof RunNamespaces>;

/** The cgroup limits of a run; null = unlimited. */
export const RunResources = z
  .object({
    /** `--memory` in bytes (at least 6 MiB, the engine's floor). */
    memoryBytes: z.number().int().min(6 * 1024 * 1024).max(2 ** 50).nullable(),
    /** `--memory-swap` in bytes (memory + swap), -1 for unlimited swap; needs memoryBytes. */
    memorySwapBytes: z.number().int().min(-1).max(2 ** 50).nullable(),
    /** `--cpus` as nano CPUs (0.5 CPUs = 500_000_000). */
    nanoCpus: z.number().int().min(10_000_000).max(1024 * 1e9).nullable(),
    /** `--pids-limit` (-1 or null for unlimited). */
    pidsLimit: z.number().int().min(-1).max(4_194_304).nullable(),
  })
  .strict();
export type RunResources = z.infer<typeof RunResources>;

/** Everything `docker run` is given in the run dialog and `lightdock containers run`. */
export const RunSpec = z
  .object({
    image: ImageRef,
    name: ContainerName.nullable(),
    /** The command and its arguments (empty: the image's CMD). */
    command: z.array(z.string().max(8192)).max(128),
    env: z.array(EnvVar).max(256),
    ports: z.array(PublishSpec).max(64),
    mounts: z.array(MountSpec).max(64),
    restart: RestartPolicy,
    /** `--restart on-failure:N`. */
    maxRetries: z.number().int().min(0).max(1000).nullable(),
    resources: RunResources,
    namespaces: RunNamespaces,
    /** `--label key=value` (Compose's labels when the simulated Compose brings a project up); optional. */
    labels: z.record(z.string().min(1).max(256), z.string().max(4096)).optional(),
    /** `-t`: allocate a terminal. */
    tty: z.boolean(),
    /** Start it once created (`docker run -d`); false = `docker create`. */
    start: z.boolean(),
  })
  .strict();
export type RunSpec = z.infer<typeof RunSpec>;

/** A field of the run form a problem belongs to (`ports.0`, `name`, `resources.memoryBytes`, …). */
export const RunField = z.string().max(100);

/** One problem with a run, next to its field; `blocking` ones stop the run. */
export const RunProblem = z.object({ field: RunField, message: z.string(), blocking: z.boolean() });
export type RunProblem = z.infer<typeof RunProblem>;

/** What a run would give, before it exists: the isolation preview (the detail page's panels), the docker run line, problems. */
export const RunPlan = z.object({
  namespaces: ContainerNamespaces,
  cgroup: ContainerCgroup,
  /** The equivalent `docker run …` line, POSIX-quoted. */
  command: z.string(),
  problems: z.array(RunProblem),
});
export type RunPlan = z.infer<typeof RunPlan>;

/** A container created (and started) by a run. */
export const RunResult = z.object({ id: z.string(), name: z.string(), started: z.boolean(), warnings: z.array(z.string()) });
export type RunResult = z.infer<typeof RunResult>;
