import { z } from 'zod';
import {
  CONTAINER_REFERENCE,
  NAME_TOTAL_LENGTH_MAX,
  REFERENCE,
  REFERENCE_LENGTH_MAX,
  VOLUME_NAME,
  isContainerReference,
  isImageReference,
  isVolumeName,
} from './reference-grammar';

// The contract's schemas for the names of Docker's objects, built on Docker's own grammars (reference-grammar, which
// has no zod, so the renderer's pages check names without loading it). The checks are re-exported for existing imports.
export { isContainerReference, isImageReference, isVolumeName };

/** A container id (full or a prefix, hex) or name (`/web` as inspect shows it, or `web`), as Docker's name grammar allows. */
export const ContainerRef = z
  .string()
  .regex(CONTAINER_REFERENCE, 'A container is named by its id or by a name of letters, digits, "_", "." and "-".');
export type ContainerRef = z.infer<typeof ContainerRef>;

/** An image id (`sha256:…` or a prefix) or reference (`busybox:latest`, `registry:5000/team/app@sha256:…`) by the distribution grammar. */
export const ImageRef = z
  .string()
  .max(REFERENCE_LENGTH_MAX, { abort: true })
  .regex(REFERENCE, 'Not an image id or reference (name[:tag][@digest], as docker pull accepts).')
  .refine(isImageReference, `An image name is at most ${NAME_TOTAL_LENGTH_MAX} characters.`);
export type ImageRef = z.infer<typeof ImageRef>;

/** A volume name as the engine accepts it (Docker's restricted name grammar: two characters at least). */
export const VolumeName = z.string().regex(VOLUME_NAME, 'Not a volume name.');
export type VolumeName = z.infer<typeof VolumeName>;

/** A full object id the engine hands out (containers, images without `sha256:`, networks, execs): 64 lowercase hex digits. */
export const EngineObjectId = z.string().regex(/^[a-f0-9]{64}$/, 'Not an engine object id.');
export type EngineObjectId = z.infer<typeof EngineObjectId>;

/** A Docker context name as the docker CLI accepts it. */
export const DockerContextName = z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.+-]{0,127}$/, 'Not a Docker context name.');
export type DockerContextName = z.infer<typeof DockerContextName>;
