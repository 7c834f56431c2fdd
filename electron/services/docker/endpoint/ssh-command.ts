import path from 'node:path';
import { ServiceError } from '../../errors';

/** Seconds ssh waits for the TCP connection (and banner) before giving up; below the first ping's deadline. */
export const SSH_CONNECT_TIMEOUT_S = 10;

/** An ssh:// endpoint taken apart, each part checked against its grammar. */
export interface SshDestination {
  /** The login name, or null to let ssh (and ~/.ssh/config) choose. */
  user: string | null;
  /** A host name, an ~/.ssh/config alias, an IPv4 address or an IPv6 address without brackets. */
  host: string;
  /** A port 1–65535, or null to let ssh (and ~/.ssh/config) choose. */
  port: number | null;
}

/** Login names: letters, digits, `._-@\`, not starting with `-`, optionally ending in `$` (machine accounts). */
const USER = /^[A-Za-z0-9_][A-Za-z0-9._@\\-]{0,63}\$?$/;
/** Host names and ssh config aliases: letters, digits, `._-`, not starting with `-` or `.`. */
const HOST_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,252}$/;
/** IPv6 literals (what URL puts between the brackets), with an optional zone. */
const HOST_IPV6 = /^[0-9A-Fa-f:.]{2,45}(%[A-Za-z0-9._-]{1,32})?$/;

/**
 * Parses `ssh://[user@]host[:port]` as the docker CLI does (no password, no path, query or fragment), refusing
 * with a VALIDATION ServiceError anything whose user, host or port is outside its grammar, so nothing taken from
 * the URL can ever read as an ssh option.
 */
export function parseSshEndpoint(endpoint: string): SshDestination {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw refuse(endpoint, 'it is not a URL');
  }
  if (url.protocol !== 'ssh:') throw refuse(endpoint, 'it does not start with ssh://');
  if (url.password !== '') throw refuse(endpoint, 'a password in the URL is not supported; use a key or an agent');
  if ((url.pathname !== '' && url.pathname !== '/') || url.search !== '' || url.hash !== '') throw refuse(endpoint, 'it has a path, query or fragment');
  const user = url.username === '' ? null : safeDecode(url.username);
  if (user !== null && !USER.test(user)) throw refuse(endpoint, 'the user name is not valid');
  const bracketed = url.hostname.startsWith('[') && url.hostname.endsWith(']');
  const host = bracketed ? url.hostname.slice(1, -1) : url.hostname;
  if (host === '' || !(bracketed ? HOST_IPV6.test(host) : HOST_NAME.test(host))) throw refuse(endpoint, 'the host name is not valid');
  let port: number | null = null;
  if (url.port !== '') {
    port = Number(url.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw refuse(endpoint, 'the port is not valid');
  }
  return { user, host, port };
}

/**
 * The argument array for the user's own `ssh` that bridges one connection to the remote engine, as the docker
 * CLI's connhelper builds it: `[-F file] [-l user] [-p port] -o BatchMode=yes -o ConnectTimeout=… -T -- host
 * docker system dial-stdio`. `configFile` (LIGHTDOCK_SSH_CONFIG) must be an absolute path.
 */
export function sshDialArgs(destination: SshDestination, configFile: string | null): string[] {
  const args: string[] = [];
  if (configFile !== null) {
    if (!path.isAbsolute(configFile) || configFile.includes('\0')) {
      throw new ServiceError('VALIDATION', `LIGHTDOCK_SSH_CONFIG must be the absolute path of an ssh config file (got "${configFile}").`);
    }
    args.push('-F', configFile);
  }
  if (destination.user !== null) args.push('-l', destination.user);
  if (destination.port !== null) args.push('-p', String(destination.port));
  args.push('-o', 'BatchMode=yes', '-o', `ConnectTimeout=${SSH_CONNECT_TIMEOUT_S}`, '-T', '--', destination.host, 'docker', 'system', 'dial-stdio');
  return args;
}

/** How a person would type the same connection (`ssh -p 2222 root@box`), for error sentences. */
export function sshCommandLine(destination: SshDestination): string {
  const port = destination.port === null ? '' : `-p ${destination.port} `;
  const user = destination.user === null ? '' : `${destination.user}@`;
  return `ssh ${port}${user}${destination.host}`;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '\0';
  }
}

function refuse(endpoint: string, why: string): ServiceError {
  return new ServiceError('VALIDATION', `"${endpoint}" is not a usable ssh:// endpoint: ${why}.`);
}
