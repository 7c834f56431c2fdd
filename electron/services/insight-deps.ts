import type { EnginePlacement } from '../../shared/model/engine-placement';
import type { HostInfo } from '../../shared/model/host';
import type { EngineService } from './docker/engine-service';
import type { NotificationService } from './notifications/notification-service';
import type { Clock, EventSink, Logger } from './ports';
import type { WslService } from './wsl/wsl-service';

/** What the Memory, Network and Files services read from: the WSL and engine services, the clock, the data directory. */
export interface InsightDeps {
  wsl: WslService;
  engine: EngineService;
  events: EventSink;
  notifications: NotificationService;
  clock: Clock;
  logger: Logger;
  dataDir: string;
  platform: NodeJS.Platform;
  hostInfo: HostInfo;
  /** Where the engine's containers run now. */
  placement(): Promise<EnginePlacement>;
}
