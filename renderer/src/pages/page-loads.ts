const inFlight = new Set<Promise<unknown>>();

/** Tracks a load of page code until it settles, so `pageLoadsSettled` can wait for it; returns the same promise. */
export function trackPageLoad<T>(load: Promise<T>): Promise<T> {
  inFlight.add(load);
  const forget = (): void => {
    inFlight.delete(load);
  };
  load.then(forget, forget);
  return load;
}

/** Resolves once every load of page code in flight has settled, including loads those loads start. */
export async function pageLoadsSettled(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

/**
 * Runs the loads one after another until `signal` aborts: once it has, no further load starts, and the one in
 * flight (if any) is the last. Resolves when it has stopped; a load that fails does not stop the others.
 */
export async function loadInOrder(loads: readonly (() => Promise<void>)[], signal: AbortSignal): Promise<void> {
  for (const load of loads) {
    if (signal.aborted) return;
    await load().catch(() => undefined);
  }
}

/** A chunk's code loaded at most once at a time: what has loaded, and the load to wait for. */
export interface ChunkLoader<T> {
  /** The loaded value, once a load has succeeded. */
  loaded(): T | undefined;
  /** The load in flight, or a new tracked one; a failed load is forgotten, so the next call tries again. */
  ensure(): Promise<T>;
}

/** Wraps a chunk's `import()` so it is tracked (`pageLoadsSettled`), shared while in flight, kept once loaded, and retried after a failure. */
export function chunkLoader<T>(load: () => Promise<T>): ChunkLoader<T> {
  let value: T | undefined;
  let pending: Promise<T> | undefined;
  return {
    loaded: () => value,
    ensure: () => {
      pending ??= trackPageLoad(load()).then(
        (loadedValue) => {
          value = loadedValue;
          return loadedValue;
        },
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      );
      return pending;
    },
  };
}
