import { useEffect, useState } from 'react';

/** The wall clock in ms, re-rendering every `intervalMs` while `active` (so uptimes and countdowns tick); frozen otherwise. */
export function useNow(intervalMs: number, active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return undefined;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs, active]);
  return now;
}
