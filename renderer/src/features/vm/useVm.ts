import { useCallback, useState } from 'react';
import type { Distro } from '../../../../shared/model/distro';
import type { VmInfo } from '../../../../shared/model/vm';
import { invoke } from '../../ipc/ipc-client';
import { toIpcError, type IpcError } from '../../ipc/ipc-error';
import { useIpcEvent } from '../../ipc/useIpcEvent';
import { useIpcQuery } from '../../ipc/useIpcQuery';
import { mergeVmPush } from './merge-vm-push';
import { useVmWatch } from './useVmWatch';

/** A VM-wide action of the VM page. */
export type VmAction = 'shutdown' | 'restart';

/** Everything the VM page reads: live VM figures, the distros, a running action and the last action error. */
export interface VmModel {
  vm: VmInfo | undefined;
  /** The last failure to read the VM or to watch its figures (then they may be out of date). */
  loadError: IpcError | undefined;
  /** Reads the VM again and retries a failed watch. */
  refetch: () => void;
  distros: Distro[] | undefined;
  running: VmAction | undefined;
  actionError: IpcError | undefined;
  clearActionError: () => void;
  run: (action: VmAction) => Promise<void>;
}

/**
 * The utility VM kept live: holds a `vm:watch` while mounted and visible (so pushes carry live figures), subscribes
 * to `vm:changed` and `distros:changed` before fetching `vm:info` and `distros:list` once, and then follows the
 * pushes only (an unprobed push keeps the figures shown, see `mergeVmPush`). "shutdown" applies the state
 * `wsl:shutdown` returns and "restart" the VM `vm:restart` returns, without fetching again.
 * Failures land in `actionError`, never throw.
 */
export function useVm(): VmModel {
  const [running, setRunning] = useState<VmAction | undefined>(undefined);
  const [actionError, setActionError] = useState<IpcError | undefined>(undefined);

  const watch = useVmWatch();
  useIpcEvent('vm:changed', (vm) => {
    if (info.data === undefined) info.setData(vm);
    else info.patch((shown) => mergeVmPush(shown, vm));
  });
  useIpcEvent('distros:changed', (distros) => list.setData(distros));
  const info = useIpcQuery('vm:info', {});
  const list = useIpcQuery('distros:list', {});
  const { refetch: refetchInfo, setData, patch } = info;
  const { retry } = watch;
  const refetch = useCallback(() => {
    refetchInfo();
    retry();
  }, [refetchInfo, retry]);

  const run = useCallback(
    async (action: VmAction) => {
      setRunning(action);
      try {
        if (action === 'restart') {
          setData(await invoke('vm:restart', {}));
        } else {
          const summary = await invoke('wsl:shutdown', {});
          patch((shown) => ({ ...shown, state: summary.state, runningDistros: summary.runningDistros }));
        }
      } catch (error) {
        setActionError(toIpcError(error));
      } finally {
        setRunning(undefined);
      }
    },
    [patch, setData],
  );

  const clearActionError = useCallback(() => setActionError(undefined), []);

  return {
    vm: info.data,
    loadError: info.error ?? watch.error,
    refetch,
    distros: list.data,
    running,
    actionError,
    clearActionError,
    run,
  };
}
