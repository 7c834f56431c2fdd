import { useCallback, useState } from 'react';
import type { ContainerStats } from '../../../../shared/model/container';
import type { IpcError } from '../../ipc/ipc-error';
import { useStatsStream } from '../containers/useStatsStream';

/** How many samples the charts keep (about a minute at the engine's one sample per second). */
export const HISTORY_LENGTH = 60;

/** A container's recent stats: the last samples (oldest first, at most HISTORY_LENGTH) and the newest one. */
export interface StatsHistory {
  samples: readonly ContainerStats[];
  latest: ContainerStats | undefined;
  error: IpcError | undefined;
}

/** Streams one container's stats while `enabled` (running and on screen) and keeps the last HISTORY_LENGTH samples. */
export function useStatsHistory(id: string | undefined, enabled: boolean): StatsHistory {
  const [samples, setSamples] = useState<readonly ContainerStats[]>([]);
  const append = useCallback(
    (batch: ContainerStats[]) => {
      const mine = batch.filter((sample) => sample.id === id);
      if (mine.length > 0) setSamples((previous) => [...previous, ...mine].slice(-HISTORY_LENGTH));
    },
    [id],
  );
  const { latest, error } = useStatsStream(enabled && id !== undefined ? [id] : [], append);
  return { samples, latest: id === undefined ? undefined : latest.get(id), error };
}
