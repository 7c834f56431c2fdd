import { z } from 'zod';

// The grammars Docker itself uses for the names of its objects. Every reference a client sends is checked
// against them before it reaches an engine, so nothing but a name (never `..`, `/` tricks, `%`, `?`, `#`,
// whitespace or control characters) can end up in an Engine API path.

/** Docker's `RestrictedNameChars` (container and volume names): a letter or digit first, then letters, digits, `_`, `.`, `-`. */
const NAME_START = '[a-zA-Z0-9]';
const NAME_CHAR = '[a-zA-Z0-9_.-]';
const CONTAINER_REFERENCE = new RegExp(`^/?${NAME_START}${NAME_CHAR}{0,254}$`);
const VOLUME_NAME = new RegExp(`^${NAME_START}${NAME_CHAR}{1,254}$`);

// distribution/reference regexp.go, term by term.
const ALPHA_NUMERIC = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALPHA_NUMERIC}(?:${SEPARATOR}${ALPHA_NUMERIC})*`;
const DOMAIN_NAME_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_NAME = `${DOMAIN_NAME_COMPONENT}(?:\\.${DOMAIN_NAME_COMPONENT})*`;
const IPV6_ADDRESS = '\\[[a-fA-F0-9:]+\\]';
const DOMAIN_AND_PORT = `(?:${DOMAIN_NAME}|${IPV6_ADDRESS})(?::[0-9]+)?`;
const REMOTE_NAME = `${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const NAME = `(?:${DOMAIN_AND_PORT}/)?${REMOTE_NAME}`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';

/** `name[:tag][@digest]` exactly as docker/distribution's `ReferenceRegexp` anchors it. */
const REFERENCE = new RegExp(`^(${NAME})(?::${TAG})?(?:@${DIGEST})?$`);
/** docker/distribution's `NameTotalLengthMax`. */
const NAME_TOTAL_LENGTH_MAX = 255;
/** Longest reference accepted: a full name, a tag and a sha512 digest fit well within it. */
const REFERENCE_LENGTH_MAX = 512;

/** True when `value` is an image reference by docker/distribution's grammar (an image id, short or `sha256:…`, is one too). */
export function isImageReference(value: string): boolean {
  if (value.length > REFERENCE_LENGTH_MAX) return false;
  const name = REFERENCE.exec(value)?.[1];
  return name !== undefined && name.length <= NAME_TOTAL_LENGTH_MAX;
}

/** True when `value` is a container id (hex, full or a prefix) or name, with the leading `/` inspect shows allowed. */
export function isContainerReference(value: string): boolean {
  return CONTAINER_REFERENCE.test(value);
}

/** True when `value` is a volume name by Docker's grammar (two characters at least). */
export function isVolumeName(value: string): boolean {
  return VOLUME_NAME.test(value);
}

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
