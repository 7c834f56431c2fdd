const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1']);
const NETWORK_SCHEMES = new Set(['tcp', 'ssh', 'http', 'https']);

/** The host of a tcp/ssh/http(s) endpoint (`tcp://build-host:2376` → `build-host`, IPv6 without brackets); null for sockets, pipes and anything unparsable. */
export function endpointHost(endpoint: string): string | null {
  if (!NETWORK_SCHEMES.has(endpoint.split(':', 1)[0] ?? '')) return null;
  try {
    const host = new URL(endpoint).hostname.replace(/^\[|\]$/g, '');
    return host === '' ? null : host;
  } catch {
    return null;
  }
}

/** The host of an endpoint on another machine: a tcp/ssh/http(s) endpoint whose host is not loopback; else null. */
export function remoteHostOf(endpoint: string): string | null {
  const host = endpointHost(endpoint);
  return host === null || LOOPBACK.has(host.toLowerCase()) ? null : host;
}
