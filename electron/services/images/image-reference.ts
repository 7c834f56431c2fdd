/** An image reference taken apart: the repository (with its registry, if any), and its tag or digest. */
export interface ReferenceParts {
  repository: string;
  tag: string | null;
  digest: string | null;
}

/** The docker CLI's name for Docker Hub in config.json's `auths` and for credential helpers. */
export const DOCKER_HUB_SERVER = 'https://index.docker.io/v1/';

/**
 * Splits `name[:tag][@digest]` as docker/distribution does: the digest follows the first '@', and the tag is what
 * follows the last ':' that comes after the last '/' (so `127.0.0.1:5000/app` has no tag and `127.0.0.1:5000/app:1` has "1").
 */
export function splitReference(reference: string): ReferenceParts {
  const at = reference.indexOf('@');
  const named = at >= 0 ? reference.slice(0, at) : reference;
  const digest = at >= 0 ? reference.slice(at + 1) : null;
  const colon = named.lastIndexOf(':');
  if (colon > named.lastIndexOf('/')) return { repository: named.slice(0, colon), tag: named.slice(colon + 1), digest };
  return { repository: named, tag: null, digest };
}

/**
 * The registry a reference lives in, as the docker CLI keys credentials: the first path component when it looks
 * like a host (has '.' or ':' or is `localhost`), else Docker Hub (`https://index.docker.io/v1/`).
 */
export function registryOf(reference: string): string {
  const { repository } = splitReference(reference);
  const slash = repository.indexOf('/');
  if (slash < 0) return DOCKER_HUB_SERVER;
  const first = repository.slice(0, slash);
  const isHost = first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase();
  if (!isHost || first === 'docker.io' || first === 'index.docker.io' || first === 'registry-1.docker.io') return DOCKER_HUB_SERVER;
  return first;
}
