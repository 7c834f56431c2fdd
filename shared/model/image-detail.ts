import { z } from 'zod';
import { ContainerState } from './container';
import { ImageSummary } from './engine';
import { ImageRef } from './engine-reference';

/** One layer of an image's history (`docker image history`): what made it and what it added. */
export const ImageLayer = z.object({
  /** The layer's image id, or null for intermediate layers (`<missing>`). */
  id: z.string().nullable(),
  createdBy: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  created: z.number().int(),
  tags: z.array(z.string()),
  comment: z.string(),
});
export type ImageLayer = z.infer<typeof ImageLayer>;

/** An image in full: the row, its config, its layers newest first, and the containers made from it. */
export const ImageDetail = ImageSummary.extend({
  digests: z.array(z.string()),
  architecture: z.string().nullable(),
  os: z.string().nullable(),
  config: z.object({
    cmd: z.array(z.string()).nullable(),
    entrypoint: z.array(z.string()).nullable(),
    env: z.array(z.string()),
    exposedPorts: z.array(z.string()),
    workingDir: z.string().nullable(),
    user: z.string().nullable(),
    volumes: z.array(z.string()),
  }),
  layers: z.array(ImageLayer),
  usedBy: z.array(z.object({ id: z.string(), name: z.string(), state: ContainerState })),
});
export type ImageDetail = z.infer<typeof ImageDetail>;

/** A build argument name (`--build-arg NAME=value`). */
const BuildArgName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, 'A build argument name is letters, digits and "_".');

/** `docker build`: a context folder on this machine, its Dockerfile (relative to it), a tag, build arguments. */
export const BuildRequest = z
  .object({
    contextPath: z.string().min(1).max(4096).refine((v) => !v.includes('\0'), 'A path cannot hold NUL.'),
    /** Relative to the context; "Dockerfile" by default. */
    dockerfile: z
      .string()
      .min(1)
      .max(1024)
      .regex(/^[^/\0][^\0]*$/, 'The Dockerfile must be a path inside the context folder.')
      .refine((value) => !value.split(/[\\/]/).includes('..'), 'The Dockerfile must be a path inside the context folder.')
      .default('Dockerfile'),
    tag: ImageRef.nullable(),
    buildArgs: z.array(z.object({ name: BuildArgName, value: z.string().max(32_768) }).strict()).max(64),
    noCache: z.boolean().default(false),
    pull: z.boolean().default(false),
  })
  .strict();
export type BuildRequest = z.infer<typeof BuildRequest>;
