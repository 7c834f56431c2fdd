import { z } from 'zod';

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
