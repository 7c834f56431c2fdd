import type { Distro, DistroDetail } from '../../../shared/model/distro';
import type { Clock } from '../ports';

/**
 * How long a distro list answers later reads: long enough that the requests of one user action (the action's
 * row, the push, the status line, a page that opens) share one `wsl -l -v`, short enough that a change made
 * outside Lightdock shows at the next look. Our own actions and the watch's polls replace it sooner.
 */
export const DISTRO_LIST_TTL_MS = 2_000;

/**
 * The last distro list read, reused for `ttlMs` after it was read. `invalidate` (called before and after each
 * of our own changes) forgets it and makes a list that was in flight meanwhile answer only its own caller,
 * so nobody reads a list older than a change they saw complete. Identical wsl.exe calls in flight are shared
 * below, by the cli backend's bounded runner, not here.
 */
export class DistroListCache {
  private value: { distros: Distro[]; readAt: number } | null = null;
  private generation = 0;

  constructor(
    private readonly load: () => Promise<Distro[]>,
    private readonly clock: Clock,
    private readonly ttlMs: number = DISTRO_LIST_TTL_MS,
  ) {}

  /** The list if it was read less than `ttlMs` ago and none of our changes came since; null otherwise. Never lists. */
  peek(): Distro[] | null {
    if (this.value === null || this.clock.now() - this.value.readAt >= this.ttlMs) return null;
    return this.value.distros;
  }

  /** The cached list when fresh, else one read now. */
  async get(): Promise<Distro[]> {
    return this.peek() ?? this.refresh();
  }

  /** Reads the list now whatever is cached, and keeps it unless one of our changes started meanwhile. */
  async refresh(): Promise<Distro[]> {
    const generation = this.generation;
    const distros = await this.load();
    this.keep(distros, generation);
    return distros;
  }

  /** Keeps a list read elsewhere just now (the watch's poll). */
  offer(distros: Distro[]): void {
    this.keep(distros, this.generation);
  }

  /** A number that changes at each `invalidate`: a read stamped with an older one may predate one of our changes. */
  stamp(): number {
    return this.generation;
  }

  /** Forgets the list: one of our own changes is starting or has just ended. */
  invalidate(): void {
    this.generation += 1;
    this.value = null;
  }

  private keep(distros: Distro[], generation: number): void {
    if (generation === this.generation) this.value = { distros, readAt: this.clock.now() };
  }
}

/** The most distro details kept at once (one per distro page a window has open, in practice). */
const MAX_DETAILS = 32;

/**
 * One distro's detail (its probe included), reused for the list's time to live while its row is unchanged and
 * none of our own changes came since (the list cache's stamp), so the requests of one page opening (the page's
 * `distros:show` and its Files section's report) share one probe.
 */
export class DistroDetailCache {
  private readonly details = new Map<string, { detail: DistroDetail; readAt: number; stamp: number }>();

  constructor(
    private readonly lists: DistroListCache,
    private readonly clock: Clock,
    private readonly ttlMs: number = DISTRO_LIST_TTL_MS,
  ) {}

  /** The detail of the distro `row` describes: a fresh one kept for the same row, else one read now with `load`. */
  async get(row: Distro, load: () => Promise<DistroDetail>): Promise<DistroDetail> {
    const key = row.name.toLowerCase();
    const kept = this.details.get(key);
    const stamp = this.lists.stamp();
    if (kept && kept.stamp === stamp && this.clock.now() - kept.readAt < this.ttlMs && sameRow(kept.detail, row)) return kept.detail;
    const detail = await load();
    if (this.lists.stamp() === stamp) {
      if (this.details.size >= MAX_DETAILS) this.details.clear();
      this.details.set(key, { detail, readAt: this.clock.now(), stamp });
    }
    return detail;
  }
}

function sameRow(detail: DistroDetail, row: Distro): boolean {
  return detail.name === row.name && detail.state === row.state && detail.version === row.version && detail.isDefault === row.isDefault;
}
