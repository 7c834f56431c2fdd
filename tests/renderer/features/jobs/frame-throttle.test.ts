import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { frameThrottle } from '../../../../renderer/src/features/jobs/frame-throttle';

describe('frameThrottle', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('applies a burst of pushes once, on the next frame', () => {
    const apply = vi.fn();
    const throttle = frameThrottle(apply, 100);
    for (let i = 0; i < 50; i++) throttle.schedule();
    expect(apply).not.toHaveBeenCalled();
    vi.advanceTimersByTime(20);
    expect(apply).toHaveBeenCalledTimes(1);
  });

  it('waits out the gap after an apply, then applies what came meanwhile together', () => {
    const apply = vi.fn();
    const throttle = frameThrottle(apply, 100);
    throttle.schedule();
    vi.advanceTimersByTime(20);
    for (let i = 0; i < 10; i++) {
      throttle.schedule();
      vi.advanceTimersByTime(5);
    }
    expect(apply).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(100);
    expect(apply).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1_000);
    expect(apply).toHaveBeenCalledTimes(2);
  });

  it('applies nothing after cancel and leaves no timer behind', () => {
    const apply = vi.fn();
    const throttle = frameThrottle(apply, 100);
    throttle.schedule();
    vi.advanceTimersByTime(20);
    throttle.schedule();
    throttle.cancel();
    vi.advanceTimersByTime(1_000);
    expect(apply).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
