import fs from 'node:fs';
import path from 'node:path';
import { systemClock } from '../../electron/services/ports';
import { WslCliBackend } from '../../electron/services/wsl/cli/wsl-cli-backend';
import { SimulatedWslBackend } from '../../electron/services/wsl/simulated/simulated-wsl-backend';
import { RecordingLogger } from '../helpers/recording';
import { makeTempDir } from '../helpers/temp-dir';
import { describeWslBackendContract } from './wsl-backend-contract';

const FAKE_WSL = path.resolve(import.meta.dirname, '../helpers/fake-wsl/wsl.mjs');
const FAKE_REG = path.resolve(import.meta.dirname, '../helpers/fake-reg/reg.mjs');

describeWslBackendContract('wsl.exe (the fake wsl.exe and reg.exe over a host seeded by the simulated backend)', async () => {
  const temp = makeTempDir();
  const seeder = new SimulatedWslBackend(temp.dir, 'ready', systemClock, new RecordingLogger(), { sleep: async () => undefined });
  await seeder.listDistros();
  const profile = path.join(temp.dir, 'profile');
  fs.mkdirSync(profile);
  const backend = new WslCliBackend({
    env: {
      PATH: process.env['PATH'],
      LIGHTDOCK_WSL_EXE: FAKE_WSL,
      LIGHTDOCK_REG_EXE: FAKE_REG,
      LIGHTDOCK_WSLCONFIG: path.join(profile, '.wslconfig'),
      LIGHTDOCK_DATA_DIR: temp.dir,
    },
    platform: 'linux',
    logger: new RecordingLogger(),
  });
  return { backend, cleanup: temp.cleanup };
});
