import https from 'node:https';
import type Docker from 'dockerode';
import { ServiceError } from '../../errors';
import type { DockerEndpoint } from './resolve-endpoint';
import { parseSshEndpoint } from './ssh-command';
import { SshDialAgent } from './ssh-dial-agent';
import type { Logger } from '../../ports';
import { readTlsMaterial } from './tls-files';

/** The host name docker-modem puts in ssh:// requests' URLs; the SshDialAgent never resolves it. */
const SSH_DUMMY_HOST = 'docker.ssh.invalid';

/**
 * The dockerode constructor options for an endpoint. Every connection key is set explicitly (undefined
 * when unused) because docker-modem merges its own defaults from `process.env` (DOCKER_HOST,
 * DOCKER_TLS_VERIFY, DOCKER_CLIENT_TIMEOUT) under the options it is given. `version` is never set:
 * dockerode then calls unversioned paths and the engine answers with its own API version. `timeout`
 * is never set either: it is an idle timeout that would kill quiet event, log and exec streams. An ssh://
 * endpoint is plain HTTP to a placeholder host through an SshDialAgent (the user's own ssh running `docker system
 * dial-stdio`, as the docker CLI does; LIGHTDOCK_SSH_CONFIG adds `-F <file>`), which the caller must destroy.
 */
export function dockerodeOptions(endpoint: DockerEndpoint, env: NodeJS.ProcessEnv, logger?: Logger): Docker.DockerOptions {
  const none = {
    socketPath: undefined,
    host: undefined,
    port: undefined,
    username: undefined,
    ca: undefined,
    cert: undefined,
    key: undefined,
    timeout: undefined,
    version: undefined,
  };
  const { host } = endpoint;
  if (host.startsWith('unix://')) {
    const socketPath = host.slice('unix://'.length);
    if (socketPath === '') throw invalid(host);
    return { ...none, socketPath, protocol: 'http' };
  }
  if (host.startsWith('npipe://')) {
    const pipe = host.slice('npipe://'.length);
    if (pipe === '') throw invalid(host);
    return { ...none, socketPath: pipe, protocol: 'http' };
  }
  let url: URL;
  try {
    url = new URL(host);
  } catch {
    throw invalid(host);
  }
  if (url.protocol === 'tcp:' || url.protocol === 'http:' || url.protocol === 'https:') {
    const tls = endpoint.tls;
    const secure = url.protocol === 'https:' || tls !== null || url.port === '2376';
    const port = url.port !== '' ? url.port : secure ? '2376' : '2375';
    const options: Docker.DockerOptions & { pathPrefix?: string; agent?: https.Agent } = {
      ...none,
      host: url.hostname,
      port,
      protocol: secure ? 'https' : 'http',
      pathPrefix: '/',
    };
    if (tls !== null) {
      const material = readTlsMaterial(tls, tls.verify && endpoint.source === 'DOCKER_HOST');
      options.ca = material.ca;
      options.cert = material.cert;
      options.key = material.key;
      if (!tls.verify) options.agent = new https.Agent({ rejectUnauthorized: false, ca: options.ca, cert: options.cert, key: options.key });
    }
    return options;
  }
  if (url.protocol === 'ssh:') {
    if (logger === undefined) throw new ServiceError('INTERNAL', 'An ssh:// engine needs a logger for the ssh commands it runs.');
    const configFile = env['LIGHTDOCK_SSH_CONFIG'];
    const agent = new SshDialAgent({ destination: parseSshEndpoint(host), configFile: configFile === undefined || configFile === '' ? null : configFile, env, logger });
    return { ...none, host: SSH_DUMMY_HOST, port: '2375', protocol: 'http', agent } as Docker.DockerOptions & { agent: SshDialAgent };
  }
  throw invalid(host);
}

function invalid(host: string): ServiceError {
  return new ServiceError('VALIDATION', `"${host}" is not a Docker endpoint; use unix://, npipe://, tcp:// or ssh://.`);
}
