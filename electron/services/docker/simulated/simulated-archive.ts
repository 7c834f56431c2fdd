import { ServiceError } from '../../errors';
import type { SimulatedAccess } from './simulated-access';

/** A tar stream of a path in a simulated container's filesystem (stub). */
export async function getSimulatedArchive(_engine: SimulatedAccess, _ref: string, _path: string, _signal: AbortSignal): Promise<NodeJS.ReadableStream> {
  throw new ServiceError('UNAVAILABLE', 'Browsing container files is not available yet.');
}

/** Extracts a tar into a simulated container's filesystem (stub). */
export async function putSimulatedArchive(_engine: SimulatedAccess, _ref: string, _folder: string, _tar: NodeJS.ReadableStream, _signal: AbortSignal): Promise<void> {
  throw new ServiceError('UNAVAILABLE', 'Uploading into containers is not available yet.');
}
