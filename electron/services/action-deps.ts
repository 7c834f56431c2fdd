import type { EngineService } from './docker/engine-service';
import type { JobService } from './jobs/job-service';
import type { Clock, Logger } from './ports';

/** What the everyday-action services (run, images, Compose, container files) are built from. */
export interface ActionDeps {
  engine: EngineService;
  jobs: JobService;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  homeDir: string;
  dataDir: string;
  clock: Clock;
  logger: Logger;
}
