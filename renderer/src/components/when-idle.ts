/**
 * Runs `work` once the browser is idle, or after `timeout` ms at the latest (after a short delay where there is no
 * requestIdleCallback); returns a cancel.
 */
export function whenIdle(work: () => void, timeout = 2_000): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(work, { timeout });
    return () => window.cancelIdleCallback(handle);
  }
  const timer = setTimeout(work, Math.min(200, timeout));
  return () => clearTimeout(timer);
}
