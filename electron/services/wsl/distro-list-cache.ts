import type { Distro } from '../../../shared/model/distro';
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

  /** Forgets the list: one of our own changes is starting or has just ended. */
  invalidate(): void {
    this.generation += 1;
    this.value = null;
  }

  private keep(distros: Distro[], generation: number): void {
    if (generation === this.generation) this.value = { distros, readAt: this.clock.now() };
  }
}
