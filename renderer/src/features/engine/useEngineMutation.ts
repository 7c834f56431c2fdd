import { useCallback } from 'react';
import type { IpcError } from '../../ipc/ipc-error';
import { useTrackedRun } from '../../ipc/useTrackedRun';

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
  const tracked = useTrackedRun<true, string>();
  const { run: runTracked } = tracked;
  const run = useCallback(
    <T,>(work: () => Promise<T>, describe: (result: T) => string) => runTracked(true, async () => describe(await work())),
    [runTracked],
  );
  return { busy: tracked.running === true, error: tracked.error, message: tracked.result, run, dismiss: tracked.clear };
}
