import { useEffect, useRef, useState } from 'react';
import type { ContainerStats } from '../../../../shared/model/container';
import { invoke } from '../../ipc/ipc-client';
import { toIpcError, type IpcError } from '../../ipc/ipc-error';
import { useConnectionEpoch } from '../../ipc/useConnectionState';
import { useIpcEvent } from '../../ipc/useIpcEvent';

/** The latest stats sample per container id, and the error of the last `stats:watch`, if it failed. */
export interface StatsStream {
  latest: ReadonlyMap<string, ContainerStats>;
  error: IpcError | undefined;
}

function stop(subscriptionId: string): void {
  invoke('stats:stop', { subscriptionId }).catch(() => undefined);
}

/**
 * Streams stats for exactly the given container ids: one `stats:watch` per distinct set of ids (none when empty),
 * `stats:stop` when the set changes or the component unmounts, and a fresh watch after a lost link comes back.
 * Samples pushed on `stats:sampled` for the current subscription (even ones that beat the watch's answer) update
 * `latest`; `onSamples` sees every batch, in order, for histories.
 */
export function useStatsStream(ids: readonly string[], onSamples?: (samples: ContainerStats[]) => void): StatsStream {
  const key = [...new Set(ids)].sort().join(',');
  const epoch = useConnectionEpoch();
  const [latest, setLatest] = useState<ReadonlyMap<string, ContainerStats>>(new Map());
  const [error, setError] = useState<IpcError | undefined>(undefined);
  const current = useRef<string | undefined>(undefined);
  const early = useRef<{ subscriptionId: string; samples: ContainerStats[] }[]>([]);
  const listener = useRef(onSamples);
  useEffect(() => {
    listener.current = onSamples;
  });

  const apply = (samples: ContainerStats[]): void => {
    setLatest((previous) => {
      const next = new Map(previous);
      for (const sample of samples) next.set(sample.id, sample);
      return next;
    });
    listener.current?.(samples);
  };

  useIpcEvent('stats:sampled', ({ subscriptionId, samples }) => {
    if (subscriptionId === current.current) apply(samples);
    else early.current = [...early.current.slice(-7), { subscriptionId, samples }];
  });

  useEffect(() => {
    const wanted = key === '' ? [] : key.split(',');
    setLatest((previous) => new Map([...previous].filter(([id]) => wanted.includes(id))));
    if (wanted.length === 0) return undefined;
    let active = true;
    let subscriptionId: string | undefined;
    invoke('stats:watch', { ids: wanted }).then(
      (answer) => {
        if (!active) {
          stop(answer.subscriptionId);
          return;
        }
        subscriptionId = answer.subscriptionId;
        current.current = subscriptionId;
        setError(undefined);
        const buffered = early.current.filter((batch) => batch.subscriptionId === subscriptionId);
        early.current = [];
        for (const batch of buffered) apply(batch.samples);
      },
      (failure: unknown) => {
        if (active) setError(toIpcError(failure));
      },
    );
    return () => {
      active = false;
      current.current = undefined;
      if (subscriptionId !== undefined) stop(subscriptionId);
    };
  }, [key, epoch]);

  return { latest, error };
}
