import { useCallback, useEffect, useState } from 'react';
import type { InvokeChannel, InvokeRequest, InvokeResponse } from '../../../shared/ipc/contract';
import { invoke } from './ipc-client';
import { toIpcError, type IpcError } from './ipc-error';
import { useConnectionEpoch } from './useConnectionState';

/** What a query exposes: the last value, the last error, whether a fetch runs, and ways to refetch or patch. */
export interface IpcQuery<T> {
  data: T | undefined;
  error: IpcError | undefined;
  loading: boolean;
  /** Fetches again; the current value stays visible meanwhile. */
  refetch: () => void;
  /** Replaces the value with a fresher one (a push), clearing any error. */
  setData: (data: T) => void;
  /** Transforms the current value, if there is one; used to apply an action's result. */
  patch: (update: (current: T) => T) => void;
}

interface QueryState<T> {
  data: T | undefined;
  error: IpcError | undefined;
  loading: boolean;
}

/**
 * Fetches a channel on mount, when the request changes, on refetch() and after a lost link comes back.
 * Keeps the last good value when a later fetch fails; results of superseded fetches are dropped.
 */
export function useIpcQuery<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): IpcQuery<InvokeResponse<C>> {
  const key = JSON.stringify(request);
  const epoch = useConnectionEpoch();
  const [nonce, setNonce] = useState(0);
  const [state, setState] = useState<QueryState<InvokeResponse<C>>>({ data: undefined, error: undefined, loading: true });

  useEffect(() => {
    let current = true;
    // Already loading (the first fetch): the same state, so the mount renders nothing again.
    setState((previous) => (previous.loading ? previous : { ...previous, loading: true }));
    invoke(channel, JSON.parse(key) as InvokeRequest<C>).then(
      (data) => {
        if (current) setState({ data, error: undefined, loading: false });
      },
      (error: unknown) => {
        if (current) setState((previous) => ({ data: previous.data, error: toIpcError(error), loading: false }));
      },
    );
    return () => {
      current = false;
    };
  }, [channel, key, epoch, nonce]);

  const refetch = useCallback(() => setNonce((n) => n + 1), []);
  const setData = useCallback((data: InvokeResponse<C>) => setState({ data, error: undefined, loading: false }), []);
  const patch = useCallback(
    (update: (current: InvokeResponse<C>) => InvokeResponse<C>) =>
      setState((previous) => (previous.data === undefined ? previous : { ...previous, data: update(previous.data) })),
    [],
  );
  return { ...state, refetch, setData, patch };
}
