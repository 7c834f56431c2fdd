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
