// The grammars Docker itself uses for the names of its objects. Every reference a client sends is checked
// against them before it reaches an engine, so nothing but a name (never `..`, `/` tricks, `%`, `?`, `#`,
// whitespace or control characters) can end up in an Engine API path.

/** Docker's `RestrictedNameChars` (container and volume names): a letter or digit first, then letters, digits, `_`, `.`, `-`. */
const NAME_START = '[a-zA-Z0-9]';
const NAME_CHAR = '[a-zA-Z0-9_.-]';
/** A container id or name, with the leading `/` inspect shows allowed. */
export const CONTAINER_REFERENCE = new RegExp(`^/?${NAME_START}${NAME_CHAR}{0,254}$`);
/** A volume name: the restricted name grammar, two characters at least. */
export const VOLUME_NAME = new RegExp(`^${NAME_START}${NAME_CHAR}{1,254}$`);

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
export const REFERENCE = new RegExp(`^(${NAME})(?::${TAG})?(?:@${DIGEST})?$`);
/** docker/distribution's `NameTotalLengthMax`. */
export const NAME_TOTAL_LENGTH_MAX = 255;
/** Longest reference accepted: a full name, a tag and a sha512 digest fit well within it. */
export const REFERENCE_LENGTH_MAX = 512;

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
