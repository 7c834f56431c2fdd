import type { MemoryHistory, MemoryReport, MemoryResolution } from '../../../shared/model/memory';
import { ServiceError } from '../errors';
import type { InsightDeps } from '../insight-deps';

/** Samples the memory breakdown into bounded ring buffers persisted in the data directory, only while someone watches. */
export class MemoryHistoryService {
  constructor(
    private readonly deps: InsightDeps,
    private readonly source: () => Promise<MemoryReport>,
  ) {}

  /** The history at one resolution, oldest first. */
  async history(resolution: MemoryResolution): Promise<MemoryHistory> {
    void this.deps;
    void this.source;
    void resolution;
    throw new ServiceError('INTERNAL', 'Not built yet.');
  }

  /** Starts sampling for one client (pushed as `memory:sampled`). */
  async watch(clientId: string): Promise<{ subscriptionId: string }> {
    void clientId;
    throw new ServiceError('INTERNAL', 'Not built yet.');
  }

  /** Ends one client's subscription. */
  unwatch(clientId: string, subscriptionId: string): void {
    void clientId;
    void subscriptionId;
  }

  /** Pauses a client's sampling while its window is hidden. */
  setVisibility(clientId: string, visible: boolean): void {
    void clientId;
    void visible;
  }

  /** Ends every subscription of a client that went away. */
  releaseClient(clientId: string): void {
    void clientId;
  }

  /** Stops sampling and writes what is buffered. */
  dispose(): void {}
}
