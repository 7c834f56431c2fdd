import { ServiceError } from '../../errors';
import { mapTlsError } from './map-tls-error';
import { unavailableMessage } from './unreachable-message';

/** State refusals some engines answer with 500 rather than 409 (dockerd 20.10: unpause of a running container). */
const STATE_REFUSAL = /\bis (not |already )?(running|paused|restarting)\b|\bis being removed\b/i;

const CONNECTION_CODES = new Set(['ENOENT', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN']);

/** What dockerode/docker-modem throw: an HTTP status with the engine's JSON, or a socket error code. */
interface DockerodeError {
  statusCode?: number;
  code?: string;
  name?: string;
  message?: string;
  json?: unknown;
}


/** The engine's own sentence from an HTTP error (`No such container: web`), without docker-modem's prefix. */
export function engineMessage(error: DockerodeError): string {
  const json = error.json;
  if (typeof json === 'object' && json !== null && typeof (json as { message?: unknown }).message === 'string') {
    return (json as { message: string }).message;
  }
  if (typeof json === 'string' && json.trim() !== '') return json.trim();
  const message = error.message ?? '';
  const dash = message.indexOf(' - ');
  return (dash >= 0 ? message.slice(dash + 3) : message).trim();
}

/** True when the error means the engine could not be reached at all (socket missing, refused, reset, timed out). */
export function isConnectionError(error: unknown): boolean {
  const err = error as DockerodeError;
  if (err.statusCode !== undefined) return false;
  return (err.code !== undefined && CONNECTION_CODES.has(err.code)) || /socket hang up/i.test(err.message ?? '');
}

/**
 * Maps a dockerode failure to the port's ServiceErrors: TLS failures UNAVAILABLE with their own sentence (mapTlsError); 404 NOT_FOUND, 409 CONFLICT (and a 500 that refuses a
 * state change), 400 VALIDATION with the engine's sentence; socket errors UNAVAILABLE (EACCES says whose permission); aborts TIMEOUT; other HTTP
 * failures INTERNAL with the engine's sentence. Anything else is returned unchanged for the host to log.
 */
export function mapEngineError(error: unknown, endpoint: string, timeoutMs?: number): unknown {
  if (error instanceof ServiceError) return error;
  const err = error as DockerodeError;
  if (typeof err !== 'object' || err === null) return error;
  const tls = mapTlsError(err, endpoint);
  if (tls !== null) return tls;
  if (err.statusCode !== undefined) {
    const message = engineMessage(err);
    if (err.statusCode === 404) return new ServiceError('NOT_FOUND', message, { statusCode: 404 });
    if (err.statusCode === 409) return new ServiceError('CONFLICT', message, { statusCode: 409 });
    if (err.statusCode === 500 && STATE_REFUSAL.test(message)) return new ServiceError('CONFLICT', message, { statusCode: 500 });
    if (err.statusCode === 400) return new ServiceError('VALIDATION', message, { statusCode: 400 });
    return new ServiceError('INTERNAL', `Docker answered: ${message}`, { statusCode: err.statusCode });
  }
  if (err.code === 'EACCES' || err.code === 'EPERM') {
    return new ServiceError('UNAVAILABLE', `Permission denied on ${endpoint}; join the docker group or pick another context.`, { code: err.code });
  }
  if (isConnectionError(err)) return new ServiceError('UNAVAILABLE', unavailableMessage(endpoint, err.code), { code: err.code });
  if (err.name === 'AbortError' || err.name === 'TimeoutError') {
    const within = timeoutMs === undefined ? '' : ` within ${Math.round(timeoutMs / 100) / 10} s`;
    return new ServiceError('TIMEOUT', `Docker at ${endpoint} did not answer${within}.`);
  }
  return error;
}
