import { useCallback, useState } from 'react';
import { toIpcError, type IpcError } from './ipc-error';

/** Async work as the UI tracks it: which one runs (by key), the last failure, and the last success's result. */
export interface TrackedRun<K, R> {
  running: K | undefined;
  error: IpcError | undefined;
  result: R | undefined;
  /** Forgets the last failure and result. */
  clear: () => void;
  /**
   * Runs `work` under `key`, clearing the last failure first; on success keeps its result and resolves true, on
   * failure keeps the error (as an IpcError) and resolves false. Never throws.
   */
  run: (key: K, work: () => Promise<R>) => Promise<boolean>;
}

/** The running/error/result bookkeeping every action button and dialog shares. */
export function useTrackedRun<K, R>(): TrackedRun<K, R> {
  const [running, setRunning] = useState<K | undefined>(undefined);
  const [error, setError] = useState<IpcError | undefined>(undefined);
  const [result, setResult] = useState<R | undefined>(undefined);
  const run = useCallback(async (key: K, work: () => Promise<R>) => {
    setRunning(() => key);
    setError(undefined);
    try {
      const value = await work();
      setResult(() => value);
      return true;
    } catch (caught) {
      setError(toIpcError(caught));
      return false;
    } finally {
      setRunning(undefined);
    }
  }, []);
  const clear = useCallback(() => {
    setError(undefined);
    setResult(undefined);
  }, []);
  return { running, error, result, clear, run };
}
