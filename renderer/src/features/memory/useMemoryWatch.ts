import { useEffect, useRef, useState } from 'react';
import type { EventPayload } from '../../../../shared/ipc/contract';
import { holdSubscription } from '../../ipc/hold-subscription';
import { invoke } from '../../ipc/ipc-client';
import { toIpcError, type IpcError } from '../../ipc/ipc-error';
import { useConnectionEpoch } from '../../ipc/useConnectionState';
import { useIpcEvent } from '../../ipc/useIpcEvent';

/** One `memory:sampled` push: the breakdown now and the sample taken with it. */
export type MemoryPush = Omit<EventPayload<'memory:sampled'>, 'subscriptionId'>;

/** How many pushes that beat the watch's answer are kept until it arrives. */
const EARLY_PUSHES = 4;

function unwatch(subscriptionId: string): void {
  invoke('memory:unwatch', { subscriptionId }).catch(() => undefined);
}

/**
 * Watches memory while the component is mounted: `memory:watch` on mount and after a lost link comes back,
 * `memory:unwatch` on unmount (also when the watch answers after the unmount). Pushes for this subscription (even
 * ones that beat the watch's answer) go to `onPush`, in order; others are ignored. Answers the watch's error.
 */
export function useMemoryWatch(onPush: (push: MemoryPush) => void): IpcError | undefined {
  const epoch = useConnectionEpoch();
  const [error, setError] = useState<IpcError | undefined>(undefined);
  const current = useRef<string | undefined>(undefined);
  const early = useRef<EventPayload<'memory:sampled'>[]>([]);
  const listener = useRef(onPush);
  useEffect(() => {
    listener.current = onPush;
  });

  useIpcEvent('memory:sampled', (payload) => {
    if (payload.subscriptionId === current.current) listener.current(payload);
    else if (current.current === undefined) early.current = [...early.current.slice(1 - EARLY_PUSHES), payload];
  });

  useEffect(() => {
    const end = holdSubscription({
      watch: () => invoke('memory:watch', {}),
      unwatch,
      onHeld: (subscriptionId) => {
        current.current = subscriptionId;
        setError(undefined);
        const buffered = early.current.filter((push) => push.subscriptionId === subscriptionId);
        early.current = [];
        for (const push of buffered) listener.current(push);
      },
      onError: (failure) => setError(toIpcError(failure)),
    });
    return () => {
      end();
      current.current = undefined;
      early.current = [];
    };
  }, [epoch]);

  return error;
}
