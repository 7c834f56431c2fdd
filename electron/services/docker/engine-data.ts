import type { ContainerAction, ContainerActionResult, ContainerDetail, ContainerStats, ContainerSummary } from '../../../shared/model/container';
import type { ImageSummary, NetworkSummary, PruneResult, VolumeSummary } from '../../../shared/model/engine';
import { ServiceError } from '../errors';
import type { Logger } from '../ports';
import type { ContainerEngine, ContainerMemoryUse } from './container-engine';
import { findContainer } from './find-container';

/** Containers sampled or acted on at the same time. */
const CONCURRENCY = 8;

async function mapLimit<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** What the data calls are served from. */
export interface EngineDataOptions {
  /** The engine in use; rejects (a ServiceError) while there is none to use. */
  current(): Promise<ContainerEngine>;
  logger: Logger;
}

/** The data calls on the engine in use (containers, stats, images, volumes, networks); it keeps no state of its own. */
export class EngineData {
  constructor(private readonly options: EngineDataOptions) {}

  /** Every container, stopped ones included. */
  async list(): Promise<ContainerSummary[]> {
    return (await this.options.current()).listContainers();
  }

  /** One container in full (NOT_FOUND for an unknown id or name). */
  async inspect(id: string): Promise<ContainerDetail> {
    return (await this.options.current()).inspectContainer(id);
  }

  /** Runs the action on every id and answers one result per id, in order; one failure never fails the others. */
  async act(ids: string[], action: ContainerAction, options: { force?: boolean; removeVolumes?: boolean }): Promise<ContainerActionResult[]> {
    let engine: ContainerEngine;
    try {
      engine = await this.options.current();
    } catch (error) {
      const failure = this.actionError(error);
      return ids.map((id) => ({ id, ok: false, error: failure }));
    }
    return mapLimit(ids, CONCURRENCY, async (id): Promise<ContainerActionResult> => {
      try {
        await engine.act(id, action, options);
        return { id, ok: true };
      } catch (error) {
        return { id, ok: false, error: this.actionError(error) };
      }
    });
  }

  private actionError(error: unknown): { code: string; message: string } {
    if (error instanceof ServiceError) return { code: error.code, message: error.message };
    this.options.logger.error('container action failed', error);
    return { code: 'INTERNAL', message: 'The action failed unexpectedly; the log has the details.' };
  }

  /** One sample per running container (or per named one that runs), as `docker stats --no-stream`. */
  async stats(ids?: string[]): Promise<ContainerStats[]> {
    const engine = await this.options.current();
    const containers = await engine.listContainers();
    let targets: ContainerSummary[];
    if (ids === undefined) {
      targets = containers.filter((c) => c.state === 'running');
    } else {
      const chosen = new Map<string, ContainerSummary>();
      for (const ref of ids) {
        const found = findContainer(containers, ref);
        if (found === undefined) throw new ServiceError('NOT_FOUND', `No such container: ${ref}`);
        if (found.state === 'running') chosen.set(found.id, found);
      }
      targets = [...chosen.values()];
    }
    const samples = await mapLimit(targets, CONCURRENCY, async (container) => {
      try {
        return await engine.statsOnce(container.id);
      } catch (error) {
        if (error instanceof ServiceError && (error.code === 'NOT_FOUND' || error.code === 'CONFLICT')) return null;
        throw error;
      }
    });
    return samples.filter((s): s is ContainerStats => s !== null);
  }

  /** Memory of every running container: the engine's cheap reading when it has one, else one `statsOnce` each (limit unknown, null). */
  async containerMemory(): Promise<ContainerMemoryUse[]> {
    const engine = await this.options.current();
    if (engine.memoryUse !== undefined) return engine.memoryUse();
    const samples = await this.stats();
    return samples.map((s) => ({ id: s.id, name: s.name, bytes: Math.max(0, Math.round(s.memoryUsedBytes)), limitBytes: null }));
  }

  /** Images (`docker images`). */
  async images(): Promise<ImageSummary[]> {
    return (await this.options.current()).listImages();
  }

  /** Removes an image and answers its reference. */
  async removeImage(id: string, force: boolean): Promise<{ id: string }> {
    await (await this.options.current()).removeImage(id, force);
    return { id };
  }

  /** Removes dangling images. */
  async pruneImages(): Promise<PruneResult> {
    return (await this.options.current()).pruneImages();
  }

  /** Volumes (`docker volume ls`). */
  async volumes(): Promise<VolumeSummary[]> {
    return (await this.options.current()).listVolumes();
  }

  /** Removes a volume and answers its name. */
  async removeVolume(name: string, force: boolean): Promise<{ name: string }> {
    await (await this.options.current()).removeVolume(name, force);
    return { name };
  }

  /** Removes unused volumes. */
  async pruneVolumes(): Promise<PruneResult> {
    return (await this.options.current()).pruneVolumes();
  }

  /** Networks (`docker network ls`). */
  async networks(): Promise<NetworkSummary[]> {
    return (await this.options.current()).listNetworks();
  }
}
