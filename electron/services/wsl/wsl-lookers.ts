import { ServiceError } from '../errors';

/** VM watches one client may hold, and all clients together. */
export const VM_WATCH_LIMITS = { maxPerClient: 8, maxTotal: 64 };

/**
 * Who looks at WSL now: clients that said whether they can be seen (`app:visibility`), the VM views they hold
 * (`vm:watch`, bounded per client and in all), and CLI watches. Calls `changed` after every change so its owner
 * can attach or detach the backend's watch; `looking` says whether anyone looks, `probing` whether a visible
 * client shows the VM's live figures.
 */
export class WslLookers {
  private readonly visibility = new Map<string, boolean>();
  /** VM watches by subscription id → the client holding it. */
  private readonly vmWatches = new Map<string, string>();
  private nextVmWatch = 1;
  private cliWatches = 0;

  constructor(private readonly changed: () => void) {}

  /** A VM view opened for this client (which is then visible, unless it said otherwise); CONFLICT beyond the limits. */
  watchVm(clientId: string): { subscriptionId: string } {
    const owned = [...this.vmWatches.values()].filter((owner) => owner === clientId).length;
    if (owned >= VM_WATCH_LIMITS.maxPerClient) {
      throw new ServiceError('CONFLICT', `This client already watches the VM ${owned} times (at most ${VM_WATCH_LIMITS.maxPerClient}); stop one first.`);
    }
    if (this.vmWatches.size >= VM_WATCH_LIMITS.maxTotal) {
      throw new ServiceError('CONFLICT', `The VM already has ${this.vmWatches.size} watchers (at most ${VM_WATCH_LIMITS.maxTotal}).`);
    }
    const subscriptionId = `vm-${this.nextVmWatch++}`;
    this.vmWatches.set(subscriptionId, clientId);
    if (!this.visibility.has(clientId)) this.visibility.set(clientId, true);
    this.changed();
    return { subscriptionId };
  }

  /** Ends one of this client's VM watches (an unknown id, or another client's, changes nothing). */
  unwatchVm(clientId: string, subscriptionId: string): void {
    if (this.vmWatches.get(subscriptionId) !== clientId) return;
    this.vmWatches.delete(subscriptionId);
    this.changed();
  }

  /** Whether a client's window can be seen now. */
  setVisibility(clientId: string, visible: boolean): void {
    this.visibility.set(clientId, visible);
    this.changed();
  }

  /** A CLI watch until the returned function is called (once is enough). */
  watchChanges(): () => void {
    this.cliWatches += 1;
    this.changed();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.cliWatches -= 1;
      this.changed();
    };
  }

  /** Forgets a client that went away: its VM watches and whether it could be seen. */
  releaseClient(clientId: string): void {
    for (const [id, owner] of this.vmWatches) if (owner === clientId) this.vmWatches.delete(id);
    this.visibility.delete(clientId);
    this.changed();
  }

  /** Forgets everyone. */
  clear(): void {
    this.vmWatches.clear();
    this.visibility.clear();
    this.cliWatches = 0;
    this.changed();
  }

  /** True while a client can be seen or a CLI watches. */
  looking(): boolean {
    return this.cliWatches > 0 || [...this.visibility.values()].some(Boolean);
  }

  /** True while a client that can be seen holds a VM watch. */
  probing(): boolean {
    return [...this.vmWatches.values()].some((owner) => this.visibility.get(owner) !== false);
  }
}
