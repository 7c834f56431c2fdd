import type { DockerContext } from '../../../../shared/model/engine';
import { ServiceError } from '../../errors';
import { DEFAULT_CONTEXT, dockerConfigDir, listStoredContexts, readStoredContext, writeCurrentContext } from './docker-config';
import { currentContextName, platformDefaultHost, type EndpointEnvironment } from './resolve-endpoint';

/**
 * `docker context ls`: the `default` context (DOCKER_HOST or the platform default) first, then the
 * stored ones by name; exactly one is current (DOCKER_HOST makes it `default`, as in the docker CLI).
 */
export function listDockerContexts(where: EndpointEnvironment): DockerContext[] {
  const dockerHost = where.env['DOCKER_HOST'];
  const fromEnv = dockerHost !== undefined && dockerHost !== '';
  const current = fromEnv ? DEFAULT_CONTEXT : currentContextName(where);
  const stored = listStoredContexts(dockerConfigDir(where.env, where.homeDir)).filter((c) => c.name !== DEFAULT_CONTEXT);
  return [
    {
      name: DEFAULT_CONTEXT,
      endpoint: fromEnv ? dockerHost : platformDefaultHost(where.platform),
      description: fromEnv ? 'Current DOCKER_HOST based configuration' : 'Default engine of this machine',
      current: current === DEFAULT_CONTEXT,
    },
    ...stored.map((c) => ({ name: c.name, endpoint: c.host, description: c.description, current: c.name === current })),
  ];
}

/**
 * `docker context use <name>`: rewrites currentContext in config.json (shared with the docker CLI, by design:
 * Lightdock follows the machine's context rather than keeping its own). Refused with CONFLICT while
 * DOCKER_HOST or DOCKER_CONTEXT is set, because they would override the file; NOT_FOUND for an unknown name.
 */
export function useDockerContext(where: EndpointEnvironment, name: string): void {
  for (const variable of ['DOCKER_HOST', 'DOCKER_CONTEXT'] as const) {
    const value = where.env[variable];
    if (value !== undefined && value !== '') {
      throw new ServiceError('CONFLICT', `${variable} is set (${value}) and overrides the Docker context; unset it to switch contexts.`);
    }
  }
  const configDir = dockerConfigDir(where.env, where.homeDir);
  if (name !== DEFAULT_CONTEXT && readStoredContext(configDir, name) === null) {
    throw new ServiceError('NOT_FOUND', `Docker context "${name}" was not found in ${configDir}; run "docker context ls" to see the contexts.`);
  }
  writeCurrentContext(configDir, name);
}
