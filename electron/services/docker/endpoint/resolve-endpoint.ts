import path from 'node:path';
import { ServiceError } from '../../errors';
import { DEFAULT_CONTEXT, dockerConfigDir, readCurrentContext, readStoredContext } from './docker-config';

/** What the resolver needs from the host: its environment, platform and home directory. */
export interface EndpointEnvironment {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  homeDir: string;
}

/** TLS material for a tcp:// endpoint: file paths, and whether the server certificate is verified. */
export interface EndpointTls {
  verify: boolean;
  caFile: string | null;
  certFile: string | null;
  keyFile: string | null;
}

/** Where the Docker engine is and how it was chosen. */
export interface DockerEndpoint {
  /** `unix:///var/run/docker.sock`, `npipe:////./pipe/docker_engine`, `tcp://host:2376`, `ssh://user@host`. */
  host: string;
  /** The context used; null when DOCKER_HOST chose the endpoint. */
  context: string | null;
  source: 'DOCKER_HOST' | 'context' | 'default';
  tls: EndpointTls | null;
}

/** The engine's address when nothing else is configured: the named pipe on Windows, the unix socket elsewhere. */
export function platformDefaultHost(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'npipe:////./pipe/docker_engine' : 'unix:///var/run/docker.sock';
}

/** The context name the docker CLI would use: DOCKER_CONTEXT, else config.json's currentContext, else `default`. */
export function currentContextName(where: EndpointEnvironment): string {
  const fromEnv = where.env['DOCKER_CONTEXT'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return readCurrentContext(dockerConfigDir(where.env, where.homeDir)) ?? DEFAULT_CONTEXT;
}

function tlsFromEnv(env: NodeJS.ProcessEnv, host: string, homeDir: string): EndpointTls | null {
  if (!host.startsWith('tcp://')) return null;
  const verify = env['DOCKER_TLS_VERIFY'] !== undefined && env['DOCKER_TLS_VERIFY'] !== '' && env['DOCKER_TLS_VERIFY'] !== '0';
  const certPath = env['DOCKER_CERT_PATH'];
  if (!verify && (certPath === undefined || certPath === '')) return null;
  const dir = certPath !== undefined && certPath !== '' ? certPath : dockerConfigDir(env, homeDir);
  return { verify, caFile: path.join(dir, 'ca.pem'), certFile: path.join(dir, 'cert.pem'), keyFile: path.join(dir, 'key.pem') };
}

/**
 * Resolves the endpoint as the docker CLI does: DOCKER_HOST (with DOCKER_TLS_VERIFY/DOCKER_CERT_PATH),
 * then the context (`contextOverride`, DOCKER_CONTEXT or config.json's currentContext; DOCKER_CONFIG moves
 * the directory) and its meta.json endpoint with TLS material, then the platform default.
 * An unknown context is NOT_FOUND, never a silent fallback to another engine.
 */
export function resolveEndpoint(where: EndpointEnvironment, contextOverride?: string): DockerEndpoint {
  const dockerHost = where.env['DOCKER_HOST'];
  if (contextOverride === undefined && dockerHost !== undefined && dockerHost !== '') {
    return { host: dockerHost, context: null, source: 'DOCKER_HOST', tls: tlsFromEnv(where.env, dockerHost, where.homeDir) };
  }
  const name = contextOverride ?? currentContextName(where);
  if (name === DEFAULT_CONTEXT) {
    return { host: platformDefaultHost(where.platform), context: DEFAULT_CONTEXT, source: 'default', tls: null };
  }
  const configDir = dockerConfigDir(where.env, where.homeDir);
  const stored = readStoredContext(configDir, name);
  if (stored === null) {
    throw new ServiceError('NOT_FOUND', `Docker context "${name}" was not found in ${configDir}; run "docker context ls" to see the contexts.`);
  }
  // SkipTLSVerify without TLS files still means TLS (unverified), as in the docker CLI.
  const skipOnly = stored.skipTlsVerify && stored.host.startsWith('tcp://') ? { verify: false, caFile: null, certFile: null, keyFile: null } : null;
  const tls: EndpointTls | null =
    stored.tlsDir === null
      ? skipOnly
      : {
          verify: !stored.skipTlsVerify,
          caFile: path.join(stored.tlsDir, 'ca.pem'),
          certFile: path.join(stored.tlsDir, 'cert.pem'),
          keyFile: path.join(stored.tlsDir, 'key.pem'),
        };
  return { host: stored.host, context: stored.name, source: 'context', tls };
}
