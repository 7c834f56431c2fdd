import type { ImageDetail } from '../../../../shared/model/image-detail';
import { ServiceError } from '../../errors';
import type { BuildOptions, ProgressMessage } from '../container-engine';
import type { SimulatedAccess } from './simulated-access';

const notYet = (): ServiceError => new ServiceError('UNAVAILABLE', 'This image action is not available yet.');

/** An image in full on the simulated engine (stub). */
export async function inspectSimulatedImage(_engine: SimulatedAccess, _ref: string): Promise<ImageDetail> {
  throw notYet();
}

/** `docker tag` on the simulated engine (stub). */
export async function tagSimulatedImage(_engine: SimulatedAccess, _source: string, _target: string): Promise<void> {
  throw notYet();
}

/** A modelled pull or push with layer progress (stub). */
export async function transferSimulatedImage(
  _engine: SimulatedAccess,
  _direction: 'pull' | 'push',
  _reference: string,
  _onMessage: (m: ProgressMessage) => void,
  _signal: AbortSignal,
): Promise<void> {
  throw notYet();
}

/** A modelled build that reads the context's Dockerfile (stub). */
export async function buildSimulatedImage(
  _engine: SimulatedAccess,
  _context: NodeJS.ReadableStream,
  _options: BuildOptions,
  _onMessage: (m: ProgressMessage) => void,
  _signal: AbortSignal,
): Promise<void> {
  throw notYet();
}
