/** What a test or bench host is started with. */
export interface HostEnvOptions {
  dataDir: string;
  engine: 'simulated' | 'docker';
  /** DOCKER_HOST for the docker engine; absent leaves it unset, so the Docker context in the data dir's HOME decides. */
  dockerHost?: string;
  /** The simulated WSL host's scenario (its default when absent). */
  scenario?: string;
}

/**
 * The environment of a Lightdock host under test: only PATH from this process, HOME and the data directory in the
 * throwaway dir (so no real ~/.docker or settings leak in), the simulated WSL host, and the chosen engine.
 */
export function hostEnv({ dataDir, engine, dockerHost, scenario }: HostEnvOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: dataDir,
    LIGHTDOCK_DATA_DIR: dataDir,
    LIGHTDOCK_WSL_BACKEND: 'simulated',
    LIGHTDOCK_ENGINE: engine,
  };
  if (scenario !== undefined) env['LIGHTDOCK_SCENARIO'] = scenario;
  if (engine === 'docker' && dockerHost !== undefined) env['DOCKER_HOST'] = dockerHost;
  return env;
}
