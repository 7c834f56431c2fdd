import { endpointHost } from '../endpoint/endpoint-host';

/** Socket error codes that say what went wrong on the way to a tcp:// engine. */
const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'nothing accepted the connection',
  ENOTFOUND: 'its host name could not be resolved',
  EAI_AGAIN: 'its host name could not be resolved',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'there is no route to its host',
  ENETUNREACH: 'there is no route to its host',
  ECONNRESET: 'the connection was reset',
};

/**
 * The one sentence for an engine that does not answer. A local socket or pipe means the engine is not running (as
 * VS Code turns ENOENT into "is Docker running?"); a tcp:// or ssh:// engine is somewhere on a network, so the sentence says what
 * failed on the way (refused, unresolved, timed out, no route) and what to check, never "not running".
 */
export function unavailableMessage(endpoint: string, code?: string): string {
  const scheme = endpoint.split(':', 1)[0] ?? '';
  const host = endpointHost(endpoint) ?? endpoint;
  const reason = (code === undefined ? undefined : NETWORK_REASONS[code]) ?? 'it did not answer';
  if (scheme === 'ssh') return `Could not reach the Docker engine at ${endpoint} over ssh: ${reason}; check that "ssh ${host}" connects and that Docker runs there, or pick another context.`;
  if (scheme !== 'tcp' && scheme !== 'http' && scheme !== 'https') return `Docker is not running at ${endpoint}; start it or pick another context.`;
  return `Could not reach the Docker engine at ${endpoint}: ${reason}; check that dockerd listens on that address and port (-H tcp://…) and that ${host} is reachable, or pick another context.`;
}
