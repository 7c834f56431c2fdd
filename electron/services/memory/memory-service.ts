import type { MemoryActionResult, MemoryReport } from '../../../shared/model/memory';
import { ServiceError } from '../errors';
import type { InsightDeps } from '../insight-deps';

/** The Memory page's breakdown (host → VM → distros → containers) and its actions, each with the figures before and after. */
export class MemoryService {
  constructor(private readonly deps: InsightDeps) {}

  /** The breakdown now; the parts add up to their parents. */
  async report(): Promise<MemoryReport> {
    void this.deps;
    throw new ServiceError('INTERNAL', 'Not built yet.');
  }

  /** Drops the VM's page cache and reports the figures before and after. */
  async reclaim(): Promise<MemoryActionResult> {
    throw new ServiceError('INTERNAL', 'Not built yet.');
  }

  /** Stops the containers named and reports the figures before and after. */
  async stopContainers(ids: string[]): Promise<MemoryActionResult> {
    void ids;
    throw new ServiceError('INTERNAL', 'Not built yet.');
  }
}
