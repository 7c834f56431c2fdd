import type Docker from 'dockerode';
import { ServiceError } from '../../errors';

/** A tar stream of a path inside a container (stub until the container files work lands). */
export async function getArchive(_docker: Docker, _ref: string, _path: string, _signal: AbortSignal): Promise<NodeJS.ReadableStream> {
  throw new ServiceError('UNAVAILABLE', 'Browsing container files is not available yet.');
}

/** Extracts a tar into a folder of a container (stub). */
export async function putArchive(_docker: Docker, _ref: string, _folder: string, _tar: NodeJS.ReadableStream, _signal: AbortSignal): Promise<void> {
  throw new ServiceError('UNAVAILABLE', 'Uploading into containers is not available yet.');
}
