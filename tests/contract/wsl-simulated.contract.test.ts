import { systemClock } from '../../electron/services/ports';
import { SimulatedWslBackend } from '../../electron/services/wsl/simulated/simulated-wsl-backend';
import { RecordingLogger } from '../helpers/recording';
import { makeTempDir } from '../helpers/temp-dir';
import { describeWslBackendContract } from './wsl-backend-contract';

describeWslBackendContract('simulated host', async () => {
  const temp = makeTempDir();
  const backend = new SimulatedWslBackend(temp.dir, 'ready', systemClock, new RecordingLogger(), { sleep: async () => undefined });
  return { backend, cleanup: temp.cleanup };
});
