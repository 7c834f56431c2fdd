/** Where the link to the host stands: first connect, connected, or lost and retrying. */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting';

/** A snapshot of the link; `epoch` grows by one each time a lost link comes back, so queries can refetch. */
export interface ConnectionSnapshot {
  readonly state: ConnectionState;
  readonly epoch: number;
}

/** A tiny subscribable store of the link state, shaped for React's useSyncExternalStore. */
export interface ConnectionStore {
  get(): ConnectionSnapshot;
  set(state: ConnectionState): void;
  subscribe(listener: () => void): () => void;
}

/** Creates a store; snapshots are immutable and replaced only when the state changes. */
export function createConnectionStore(initial: ConnectionState): ConnectionStore {
  let snapshot: ConnectionSnapshot = { state: initial, epoch: 0 };
  const listeners = new Set<() => void>();
  return {
    get: () => snapshot,
    set(state) {
      if (state === snapshot.state) return;
      const epoch = state === 'open' && snapshot.state === 'reconnecting' ? snapshot.epoch + 1 : snapshot.epoch;
      snapshot = { state, epoch };
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The app's link state: always `open` under the preload; driven by the WebSocket bridge in a browser. */
export const connectionStore = createConnectionStore('open');
