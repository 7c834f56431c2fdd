import { useCallback, useState } from 'react';
import type { MemoryActionResult, MemoryHistory, MemoryReport, MemoryResolution } from '../../../../shared/model/memory';
import { invoke } from '../../ipc/ipc-client';
import type { IpcError } from '../../ipc/ipc-error';
import { useIpcQuery } from '../../ipc/useIpcQuery';
import { useTrackedRun } from '../../ipc/useTrackedRun';
import { appendSample } from './memory-history';
import { useMemoryWatch } from './useMemoryWatch';

/** An action of the Memory page that `memory:*` runs. */
export type MemoryAction = 'reclaim' | 'stop-containers';

/** Everything the Memory page reads and does: the live breakdown, the history at one resolution, and the actions. */
export interface MemoryModel {
  report: MemoryReport | undefined;
  loadError: IpcError | undefined;
  refetch: () => void;
  /** The watch's error (the breakdown then stops following the host). */
  watchError: IpcError | undefined;
  resolution: MemoryResolution;
  setResolution: (resolution: MemoryResolution) => void;
  /** The history at `resolution`, undefined while it loads. */
  history: MemoryHistory | undefined;
  historyError: IpcError | undefined;
  refetchHistory: () => void;
  running: MemoryAction | undefined;
  actionError: IpcError | undefined;
  /** The last action's result (its figures before and after). */
  lastResult: MemoryActionResult | undefined;
  clearResult: () => void;
  reclaim: () => Promise<boolean>;
  stopContainers: (refs: string[]) => Promise<boolean>;
}

/**
 * The Memory page's state: watches memory while mounted (`memory:sampled` replaces the breakdown and extends the
 * history, bounded by its capacity), fetches `memory:report` and `memory:history` at the chosen resolution, and
 * runs reclaim and stop-containers one at a time, applying the breakdown each answers. Never throws.
 */
export function useMemory(): MemoryModel {
  const [resolution, setResolution] = useState<MemoryResolution>('1s');
  const watchError = useMemoryWatch((push) => {
    report.setData(push.report);
    history.patch((current) => (current.resolution === resolution ? appendSample(current, push.sample) : current));
  });
  const report = useIpcQuery('memory:report', {});
  const history = useIpcQuery('memory:history', { resolution });
  const actions = useTrackedRun<MemoryAction, MemoryActionResult>();
  const { setData } = report;
  const { run } = actions;

  const reclaim = useCallback(
    () =>
      run('reclaim', async () => {
        const result = await invoke('memory:reclaim', {});
        setData(result.report);
        return result;
      }),
    [run, setData],
  );
  const stopContainers = useCallback(
    (refs: string[]) =>
      run('stop-containers', async () => {
        const result = await invoke('memory:stop-containers', { ids: refs });
        setData(result.report);
        return result;
      }),
    [run, setData],
  );

  return {
    report: report.data,
    loadError: report.error,
    refetch: report.refetch,
    watchError,
    resolution,
    setResolution,
    history: history.data?.resolution === resolution ? history.data : undefined,
    historyError: history.error,
    refetchHistory: history.refetch,
    running: actions.running,
    actionError: actions.error,
    lastResult: actions.result,
    clearResult: actions.clear,
    reclaim,
    stopContainers,
  };
}
