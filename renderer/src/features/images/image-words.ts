import { isImageReference } from '../../../../shared/model/reference-grammar';

/**
 * The registry host a reference names (`127.0.0.1:5000/app:1` → `127.0.0.1:5000`), or null for Docker Hub: as
 * docker/distribution decides, the part before the first `/` is a host when it holds a `.` or `:` or is `localhost`.
 */
export function registryHost(reference: string): string | null {
  const slash = reference.indexOf('/');
  if (slash <= 0) return null;
  const first = reference.slice(0, slash);
  return first === 'localhost' || first.includes('.') || first.includes(':') || first !== first.toLowerCase() ? first : null;
}

/** Where a push of `reference` goes, in words: the registry host, or Docker Hub. */
export function pushDestination(reference: string): string {
  return registryHost(reference) ?? 'Docker Hub';
}

/** The sentence explaining a push to Docker Hub (no registry host in the tag). */
export const DOCKER_HUB_PUSH_HINT =
  'This tag names no registry, so it goes to Docker Hub: run docker login first; the push goes the same way as to any registry.';

/** The repository path of a reference: without its registry host, tag and digest. */
function repositoryPath(reference: string): string {
  let name = reference.split('@')[0] ?? '';
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/')) name = name.slice(0, colon);
  const host = registryHost(name);
  return host === null ? name : name.slice(host.length + 1);
}

/** The tooltip of a Push action for an image whose first tag is `tag` (undefined: it has none). */
export function pushHint(tag: string | undefined): string {
  if (tag === undefined) return 'Tag it first: an image without a tag cannot be pushed.';
  const host = registryHost(tag);
  if (host !== null) return `Push to ${host}`;
  return 'Push to Docker Hub: run docker login first; it goes the same way as a push to any registry.';
}

/** Why `value` is not an image reference to pull, tag or push, or undefined when it is one. */
export function referenceProblem(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return 'Enter an image reference, such as busybox:1.36 or 127.0.0.1:5000/team/app:1.';
  if (!isImageReference(trimmed)) {
    if (/[A-Z]/.test(repositoryPath(trimmed))) return 'A repository name is lowercase (name[:tag][@digest]).';
    if (/\s/.test(trimmed)) return 'An image reference has no spaces (name[:tag][@digest]).';
    return 'Not an image reference: name[:tag][@digest], as docker pull accepts.';
  }
  return undefined;
}

/**
 * A layer's command as `docker history` would like to say it: the `/bin/sh -c #(nop)` prefix of a metadata step
 * dropped (`CMD ["sh"]`), a classic shell step shown as `RUN …`; anything else as it is.
 */
export function layerCommand(createdBy: string): string {
  const trimmed = createdBy.trim();
  const nop = /^\/bin\/sh -c #\(nop\)\s*/.exec(trimmed);
  if (nop !== null) return trimmed.slice(nop[0].length);
  if (trimmed.startsWith('/bin/sh -c ')) return `RUN ${trimmed.slice('/bin/sh -c '.length)}`;
  return trimmed;
}
