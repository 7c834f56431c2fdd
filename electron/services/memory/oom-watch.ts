import { z } from 'zod';
import type { ContainerDetail, ContainerSummary } from '../../../shared/model/container';
import type { OomKilledContainer } from './memory-warnings';

/** Inspects one report may start (more exited containers wait for the next report). */
export const OOM_INSPECTS_PER_CALL = 8;
/** How long an inspect's answer is kept before the container is looked at again. */
export const OOM_RECHECK_MS = 60_000;
/** Containers remembered at most. */
export const OOM_CACHE_LIMIT = 1000;

const OomState = z.object({ State: z.object({ OOMKilled: z.boolean(), FinishedAt: z.string().max(64).optional() }) });

interface Seen {
  name: string;
  finishedAt: string | null;
  oomKilled: boolean;
  checkedAt: number;
}

/**
 * Which exited containers the OOM killer ended, learned by inspecting them: at most OOM_INSPECTS_PER_CALL inspects
 * a call, four at a time, each answer kept per container id (with its finishedAt) for OOM_RECHECK_MS; containers
 * gone from the list are forgotten, and at most OOM_CACHE_LIMIT are remembered.
 */
export class OomWatch {
  private readonly seen = new Map<string, Seen>();

  constructor(private readonly inspect: (id: string) => Promise<ContainerDetail>) {}

  /** The OOM-killed containers among `containers` as far as inspected now. */
  async killed(containers: readonly ContainerSummary[], now: number): Promise<OomKilledContainer[]> {
    const ended = containers.filter((c) => c.state === 'exited' || c.state === 'dead');
    const present = new Set(ended.map((c) => c.id));
    for (const id of [...this.seen.keys()]) if (!present.has(id)) this.seen.delete(id);
    const due = ended.filter((c) => {
      const known = this.seen.get(c.id);
      return known === undefined || now - known.checkedAt >= OOM_RECHECK_MS;
    });
    const batch = due.slice(0, OOM_INSPECTS_PER_CALL);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < batch.length) {
        const container = batch[next++] as ContainerSummary;
        await this.check(container, now);
      }
    };
    await Promise.all(Array.from({ length: Math.min(4, batch.length) }, worker));
    return ended.flatMap((c) => {
      const known = this.seen.get(c.id);
      return known?.oomKilled === true ? [{ name: known.name, finishedAt: known.finishedAt }] : [];
    });
  }

  private async check(container: ContainerSummary, now: number): Promise<void> {
    try {
      const detail = await this.inspect(container.id);
      const state = OomState.safeParse(detail.inspect).data?.State;
      const entry: Seen = { name: detail.name, finishedAt: detail.finishedAt ?? state?.FinishedAt ?? null, oomKilled: state?.OOMKilled ?? false, checkedAt: now };
      if (this.seen.has(container.id) || this.seen.size < OOM_CACHE_LIMIT) this.seen.set(container.id, entry);
    } catch {
      this.seen.delete(container.id);
    }
  }
}
