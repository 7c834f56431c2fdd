import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { composeServices, type Services } from '../../electron/hosts/common/compose-services';
import { silentLogger, systemClock } from '../../electron/services/ports';
import { hostEnv } from '../helpers/host-env';

/** The environment the bench hands Lightdock: the private engine, a throwaway data dir, the simulated WSL host. */
export function benchHostEnv(dataDir: string, engine: 'docker' | 'simulated'): NodeJS.ProcessEnv {
  return hostEnv({ dataDir, engine, ...(engine === 'docker' ? { dockerHost: process.env['DOCKER_HOST'] } : {}) });
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
