import { useCallback, useState } from 'react';
import { toIpcError, type IpcError } from '../../ipc/ipc-error';

/** One piece of destructive work at a time: whether it runs, its last error, and its last success message. */
export interface EngineMutation {
  busy: boolean;
  error: IpcError | undefined;
  message: string | undefined;
  /** Runs the work; on success shows `describe(result)` and resolves true, on failure keeps the error and resolves false. */
  run: <T>(work: () => Promise<T>, describe: (result: T) => string) => Promise<boolean>;
  dismiss: () => void;
}

/** Tracks one remove or prune at a time for the Images and Volumes pages; `run` never throws. */
export function useEngineMutation(): EngineMutation {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | undefined>(undefined);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const run = useCallback(async <T,>(work: () => Promise<T>, describe: (result: T) => string) => {
    setBusy(true);
    setError(undefined);
    try {
      setMessage(describe(await work()));
      return true;
    } catch (failure) {
      setError(toIpcError(failure));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  const dismiss = useCallback(() => {
    setError(undefined);
    setMessage(undefined);
  }, []);
  return { busy, error, message, run, dismiss };
}
