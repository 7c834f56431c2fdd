import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { composeServices, type Services } from '../../electron/hosts/common/compose-services';
import { silentLogger, systemClock } from '../../electron/services/ports';

/** The environment the bench hands Lightdock: the private engine, a throwaway data dir, the simulated WSL host. */
export function benchHostEnv(dataDir: string, engine: 'docker' | 'simulated'): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: dataDir,
    LIGHTDOCK_DATA_DIR: dataDir,
    LIGHTDOCK_WSL_BACKEND: 'simulated',
    LIGHTDOCK_ENGINE: engine,
  };
  if (engine === 'docker') env['DOCKER_HOST'] = process.env['DOCKER_HOST'];
  return env;
}

const created: string[] = [];
process.on('exit', () => {
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory for one bench's Lightdock state (under `LIGHTDOCK_BENCH_TMP` or the OS temp dir), removed when the process exits. */
export function benchDataDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(process.env['LIGHTDOCK_BENCH_TMP'] ?? os.tmpdir(), `lightdock-bench-${label}-`));
  created.push(dir);
  return dir;
}

/** The real services over the private engine, composed in this process exactly as the plain Node hosts compose them. */
export function composeBenchServices(dataDir: string): Services {
  return composeServices({
    env: benchHostEnv(dataDir, 'docker'),
    platform: 'linux',
    homeDir: dataDir,
    clock: systemClock,
    logger: silentLogger,
    openSettingsStore: (dir, name) => new Conf<Record<string, unknown>>({ cwd: dir, configName: name }),
  });
}
