/** Shortest gap between two renders of a job's progress: about six frames, so a burst of pushes costs a few renders a second. */
export const JOB_RENDER_MS = 100;

/** A scheduled apply that can be cancelled; `schedule` is a no-op while one is pending. */
export interface FrameThrottle {
  schedule(): void;
  cancel(): void;
}

/**
 * Runs `apply` on an animation frame at most once every `gapMs`: the first push after a quiet spell renders on the next
 * frame, later ones wait out the gap and are applied together. The view stays current without re-rendering per push.
 */
export function frameThrottle(apply: () => void, gapMs = JOB_RENDER_MS): FrameThrottle {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let frame: number | null = null;
  let last = -Infinity;
  const run = (): void => {
    frame = null;
    last = performance.now();
    apply();
  };
  return {
    schedule: () => {
      if (timer !== null || frame !== null) return;
      const wait = Math.max(0, last + gapMs - performance.now());
      if (wait === 0) {
        frame = requestAnimationFrame(run);
        return;
      }
      timer = setTimeout(() => {
        timer = null;
        frame = requestAnimationFrame(run);
      }, wait);
    },
    cancel: () => {
      if (timer !== null) clearTimeout(timer);
      if (frame !== null) cancelAnimationFrame(frame);
      timer = null;
      frame = null;
    },
  };
}
