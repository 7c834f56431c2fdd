import { SimulatedEngine } from '../../electron/services/docker/simulated/simulated-engine';
import { silentLogger, systemClock } from '../../electron/services/ports';
import { makeTempDir } from '../helpers/temp-dir';
import { describeEngineContract } from './engine-contract';

describeEngineContract('simulated engine', async () => {
  const temp = makeTempDir('lightdock-sim-engine-');
  const engine = new SimulatedEngine({ dataDir: temp.dir, clock: systemClock, logger: silentLogger });
  return {
    engine,
    createContainer: async (spec) => engine.createForTest(spec),
    cleanup: async () => {
      engine.close();
      temp.cleanup();
    },
  };
});
