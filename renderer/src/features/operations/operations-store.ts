import type { Operation } from '../../../../shared/model/operation';

/** How many finished operations the list keeps; older ones drop off first. */
const MAX_FINISHED = 20;

/** The operations the app has heard of, newest first, with subscribe/snapshot shaped for useSyncExternalStore. */
export interface OperationsStore {
  /** An immutable snapshot, replaced on every change. */
  get(): readonly Operation[];
  /** Records a push; a later push for the same id replaces the earlier one in place. */
  apply(operation: Operation): void;
  /** Forgets one finished operation (running ones stay). */
  dismiss(id: string): void;
  /** The ids of running operations a cancel was asked for (an immutable snapshot); an id leaves when its operation ends. */
  cancelling(): ReadonlySet<string>;
  /** Marks (or, with false, unmarks) a running operation as being cancelled. */
  markCancelling(id: string, cancelling: boolean): void;
  subscribe(listener: () => void): () => void;
}

/** Creates an empty store; beyond MAX_FINISHED finished operations, the oldest finished ones are dropped. */
export function createOperationsStore(): OperationsStore {
  let snapshot: readonly Operation[] = [];
  let cancelling: ReadonlySet<string> = new Set();
  const listeners = new Set<() => void>();
  const publish = (next: readonly Operation[]): void => {
    snapshot = next;
    for (const listener of [...listeners]) listener();
  };
  return {
    get: () => snapshot,
    cancelling: () => cancelling,
    markCancelling(id, asked) {
      const running = snapshot.some((known) => known.id === id && known.state === 'running');
      if (asked === cancelling.has(id) || (asked && !running)) return;
      const next = new Set(cancelling);
      if (asked) next.add(id);
      else next.delete(id);
      cancelling = next;
      publish(snapshot);
    },
    apply(operation) {
      if (operation.state !== 'running' && cancelling.has(operation.id)) {
        const next = new Set(cancelling);
        next.delete(operation.id);
        cancelling = next;
      }
      const index = snapshot.findIndex((known) => known.id === operation.id);
      let next = index === -1 ? [operation, ...snapshot] : snapshot.map((known, i) => (i === index ? operation : known));
      const finished = next.filter((known) => known.state !== 'running');
      if (finished.length > MAX_FINISHED) {
        const drop = new Set(finished.slice(MAX_FINISHED).map((known) => known.id));
        next = next.filter((known) => !drop.has(known.id));
      }
      publish(next);
    },
    dismiss(id) {
      if (!snapshot.some((known) => known.id === id && known.state !== 'running')) return;
      publish(snapshot.filter((known) => known.id !== id));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The app's one store, fed by every mounted useOperations(). */
export const operationsStore = createOperationsStore();
