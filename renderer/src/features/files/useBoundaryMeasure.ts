import { useCallback, useEffect, useRef, useState } from 'react';
import type { BoundaryCost } from '../../../../shared/model/files';
import { invoke } from '../../ipc/ipc-client';
import { toIpcError, type IpcError } from '../../ipc/ipc-error';

/** Where one distro's measurement stands: running, failed (with the error), or nothing to show. */
export type MeasureStatus = { state: 'idle' } | { state: 'running' } | { state: 'failed'; error: IpcError };

/** Measuring the 9p boundary per distro: start, cancel (stop waiting), dismiss an error, and each distro's status. */
export interface BoundaryMeasureModel {
  statusOf: (distro: string) => MeasureStatus;
  measure: (distro: string) => void;
  /** Stops waiting for the distro's measurement: its answer, when it comes, is ignored. */
  cancel: (distro: string) => void;
  dismiss: (distro: string) => void;
}

const IDLE: MeasureStatus = { state: 'idle' };

/**
 * Runs `files:measure` per distro and hands each answer to `onMeasured`; a cancelled, superseded or unmounted
 * measurement's answer is dropped, so only the newest one a person still waits for lands.
 */
export function useBoundaryMeasure(onMeasured: (cost: BoundaryCost) => void): BoundaryMeasureModel {
  const [statuses, setStatuses] = useState<ReadonlyMap<string, MeasureStatus>>(new Map());
  const tokens = useRef(new Map<string, number>());
  const counter = useRef(0);
  const latest = useRef(onMeasured);
  latest.current = onMeasured;

  useEffect(() => {
    const live = tokens.current;
    return () => live.clear();
  }, []);

  const set = useCallback((distro: string, status: MeasureStatus) => {
    setStatuses((previous) => new Map(previous).set(distro, status));
  }, []);

  const measure = useCallback(
    (distro: string) => {
      counter.current += 1;
      const token = counter.current;
      tokens.current.set(distro, token);
      set(distro, { state: 'running' });
      const current = (): boolean => tokens.current.get(distro) === token;
      invoke('files:measure', { name: distro }).then(
        (cost) => {
          if (!current()) return;
          tokens.current.delete(distro);
          set(distro, IDLE);
          latest.current(cost);
        },
        (error: unknown) => {
          if (!current()) return;
          tokens.current.delete(distro);
          set(distro, { state: 'failed', error: toIpcError(error) });
        },
      );
    },
    [set],
  );

  const cancel = useCallback(
    (distro: string) => {
      tokens.current.delete(distro);
      set(distro, IDLE);
    },
    [set],
  );

  const statusOf = useCallback((distro: string) => statuses.get(distro) ?? IDLE, [statuses]);
  return { statusOf, measure, cancel, dismiss: cancel };
}
