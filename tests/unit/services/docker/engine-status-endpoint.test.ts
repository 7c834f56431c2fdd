import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { composeTestServices } from '../../../helpers/compose-test-services';
import { makeTempDir } from '../../../helpers/temp-dir';

const cleanups: Array<() => void> = [];

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Services with the real engine insisted on and `env` on top, disposed after the test. */
function servicesWith(env: NodeJS.ProcessEnv): ReturnType<typeof composeTestServices>['services'] {
  const temp = makeTempDir('lightdock-status-endpoint-');
  const { services } = composeTestServices(temp.dir, { LIGHTDOCK_ENGINE: 'docker', ...env, DOCKER_CERT_PATH: env['DOCKER_CERT_PATH'] ?? path.join(temp.dir, 'no-certs') });
  cleanups.push(() => {
    services.dispose();
    temp.cleanup();
  });
  return services;
}

describe('the engine status when no engine could be built or reached', () => {
  it('names the endpoint it was built for when its TLS files are refused, rather than "unknown"', async () => {
    const services = servicesWith({ DOCKER_HOST: 'tcp://127.0.0.1:1', DOCKER_TLS_VERIFY: '1' });
    const status = await services.engine.status();
    expect(status).toMatchObject({ kind: 'docker', state: 'unreachable', endpoint: 'tcp://127.0.0.1:1' });
    expect(status.message).toMatch(/ca\.pem/);
  });

  it('says what failed on the way to a tcp:// engine that refuses the connection, not "not running"', async () => {
    const services = servicesWith({ DOCKER_HOST: 'tcp://127.0.0.1:1' });
    const status = await services.engine.status();
    expect(status).toMatchObject({ state: 'unreachable', endpoint: 'tcp://127.0.0.1:1' });
    expect(status.message).toMatch(/^Could not reach the Docker engine at tcp:\/\/127\.0\.0\.1:1: nothing accepted the connection;/);
  });
});
