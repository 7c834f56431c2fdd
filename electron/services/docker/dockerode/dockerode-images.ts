import type Docker from 'dockerode';
import type { ContainerSummary } from '../../../../shared/model/container';
import type { ImageDetail } from '../../../../shared/model/image-detail';
import { ServiceError } from '../../errors';
import type { BuildOptions, ProgressMessage, RegistryAuth } from '../container-engine';

const notYet = (): ServiceError => new ServiceError('UNAVAILABLE', 'This image action is not available yet.');

/** An image in full with its history (stub until the image work lands). */
export async function inspectImage(_docker: Docker, _ref: string, _containers: ContainerSummary[]): Promise<ImageDetail> {
  throw notYet();
}

/** `docker tag` (stub). */
export async function tagImage(_docker: Docker, _source: string, _target: string): Promise<void> {
  throw notYet();
}

/** Pull with progress (stub). */
export async function pullImage(_docker: Docker, _reference: string, _auth: RegistryAuth | null, _onMessage: (m: ProgressMessage) => void, _signal: AbortSignal): Promise<void> {
  throw notYet();
}

/** Push with progress (stub). */
export async function pushImage(_docker: Docker, _reference: string, _auth: RegistryAuth | null, _onMessage: (m: ProgressMessage) => void, _signal: AbortSignal): Promise<void> {
  throw notYet();
}

/** Build from a context tar (stub). */
export async function buildImage(
  _docker: Docker,
  _context: NodeJS.ReadableStream,
  _options: BuildOptions,
  _auths: RegistryAuth[],
  _onMessage: (m: ProgressMessage) => void,
  _signal: AbortSignal,
): Promise<void> {
  throw notYet();
}
