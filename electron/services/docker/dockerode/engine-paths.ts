import { EngineObjectId, isContainerReference, isImageReference, isVolumeName } from '../../../../shared/model/engine-reference';
import { ServiceError } from '../../errors';

// dockerode interpolates the ids it is given into Engine API paths as they are (`/images/` + name), so
// every reference passes through here on its way to dockerode: checked against Docker's grammar again
// (whatever the caller validated) and encoded as one path segment, so it can never add a segment, a
// query or a fragment, or climb with `..`.

/** A container id or name as one encoded path segment (the leading `/` inspect shows dropped); VALIDATION otherwise. */
export function containerSegment(ref: string): string {
  if (!isContainerReference(ref)) throw refused('a container id or name', ref);
  return encodeURIComponent(ref.startsWith('/') ? ref.slice(1) : ref);
}

/** An image id or reference as one encoded path segment; VALIDATION otherwise. */
export function imageSegment(ref: string): string {
  if (!isImageReference(ref)) throw refused('an image id or reference', ref);
  return encodeURIComponent(ref);
}

/** A volume name as one encoded path segment; VALIDATION otherwise. */
export function volumeSegment(name: string): string {
  if (!isVolumeName(name)) throw refused('a volume name', name);
  return encodeURIComponent(name);
}

/** An id the engine handed out (a container's or an exec's, 64 hex digits) as a path segment; VALIDATION otherwise. */
export function engineIdSegment(id: string): string {
  if (!EngineObjectId.safeParse(id).success) throw refused('an engine object id', id);
  return id;
}

function refused(what: string, value: string): ServiceError {
  const shown = JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  return new ServiceError('VALIDATION', `${shown} is not ${what} Docker accepts.`);
}
