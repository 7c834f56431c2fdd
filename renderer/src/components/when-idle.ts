import { whenInvokesSettled } from '../ipc/ipc-client';

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

/** How long work held for the answers (`whenAnsweredAndIdle`) waits for them at most, in ms. */
const ANSWERS_WAIT_MS = 5_000;

/**
 * Runs `work` once every request in flight has its answer (or after 5 s), the frame showing what they brought has
 * been painted (two animation frames later), and the browser is idle; returns a cancel. For work the page on screen
 * does not need (preloading the other pages and their lists): idle time while the page waits for its answers is not
 * spent on it, nor the frames that paint them.
 */
export function whenAnsweredAndIdle(work: () => void): () => void {
  let settled = false;
  let cancelLater: () => void = () => undefined;
  const cancelWait = whenInvokesSettled(() => {
    settled = true;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        cancelLater = whenIdle(work);
      });
    });
    cancelLater = () => cancelAnimationFrame(frame);
  }, ANSWERS_WAIT_MS);
  return () => (settled ? cancelLater() : cancelWait());
}
