import { z } from 'zod';
import { DockerContextName } from './engine-reference';

/** Which container engine answers: a real Docker engine through dockerode, or the simulated host's. */
export const EngineKind = z.enum(['docker', 'simulated']);
export type EngineKind = z.infer<typeof EngineKind>;

/** Engine connection state, pushed to the UI as it changes. */
export const EngineStatus = z.object({
  kind: EngineKind,
  state: z.enum(['connected', 'unreachable', 'reconnecting']),
  endpoint: z.string(),
  context: z.string().nullable(),
  serverVersion: z.string().nullable(),
  apiVersion: z.string().nullable(),
  os: z.string().nullable(),
  /** One sentence for people when not connected. */
  message: z.string().nullable(),
  since: z.number().int(),
});
export type EngineStatus = z.infer<typeof EngineStatus>;

/** A Docker context (`docker context ls`). */
export const DockerContext = z.object({
  name: z.string(),
  endpoint: z.string(),
  description: z.string().nullable(),
  current: z.boolean(),
});
export type DockerContext = z.infer<typeof DockerContext>;

/** A Docker context name as the docker CLI accepts it (engine-reference has the grammar). */
export { DockerContextName } from './engine-reference';

/** One context's engine as probed now: connected (with its version) or unreachable, with the one sentence saying why. */
export const ContextProbe = z.object({
  name: z.string(),
  endpoint: z.string(),
  state: z.enum(['connected', 'unreachable']),
  serverVersion: z.string().nullable(),
  message: z.string().nullable(),
});
export type ContextProbe = z.infer<typeof ContextProbe>;

/** An absolute path to a PEM file on the machine the services run on (a context's TLS material). */
export const PemPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0') && (p.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(p)), 'Not an absolute file path.');

/**
 * An endpoint a context may name: `ssh://[user@]host[:port]` or `tcp://host:port`, as `docker context create
 * --docker host=…` accepts them (no path, query or fragment; at most 2,048 characters).
 */
export const RemoteEngineHost = z
  .string()
  .max(2048)
  .regex(
    /^(ssh:\/\/([A-Za-z0-9._-]{1,64}@)?|tcp:\/\/)([A-Za-z0-9]([A-Za-z0-9.-]{0,252})?|\[[0-9A-Fa-f:.]{2,45}\])(:[0-9]{1,5})?$/,
    'Not an ssh:// or tcp:// Docker endpoint (ssh://[user@]host[:port] or tcp://host:port).',
  );
export type RemoteEngineHost = z.infer<typeof RemoteEngineHost>;

/** What `docker context create <name> --docker host=…[,ca=…,cert=…,key=…,skip-tls-verify=…]` takes. */
export const CreateContextRequest = z
  .object({
    name: DockerContextName,
    host: RemoteEngineHost,
    description: z.string().max(500).optional(),
    tls: z
      .object({ ca: PemPath.nullable(), cert: PemPath.nullable(), key: PemPath.nullable(), skipVerify: z.boolean() })
      .strict()
      .optional(),
  })
  .strict();
export type CreateContextRequest = z.infer<typeof CreateContextRequest>;

/** One image (`docker images`). */
export const ImageSummary = z.object({
  id: z.string(),
  tags: z.array(z.string()),
  sizeBytes: z.number().int().nonnegative(),
  created: z.number().int(),
  containers: z.number().int(),
  dangling: z.boolean(),
});
export type ImageSummary = z.infer<typeof ImageSummary>;

/** One volume (`docker volume ls`). */
export const VolumeSummary = z.object({
  name: z.string(),
  driver: z.string(),
  mountpoint: z.string(),
  createdAt: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
  inUseBy: z.array(z.string()),
});
export type VolumeSummary = z.infer<typeof VolumeSummary>;

/** One network (`docker network ls`). */
export const NetworkSummary = z.object({
  id: z.string(),
  name: z.string(),
  driver: z.string(),
  scope: z.string(),
  subnet: z.string().nullable(),
  gateway: z.string().nullable(),
  containers: z.number().int(),
});
export type NetworkSummary = z.infer<typeof NetworkSummary>;

/** What a prune removed. */
export const PruneResult = z.object({ deleted: z.array(z.string()), reclaimedBytes: z.number().int().nonnegative() });
export type PruneResult = z.infer<typeof PruneResult>;
