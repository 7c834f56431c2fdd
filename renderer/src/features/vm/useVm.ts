import { useCallback, useState } from 'react';
import type { Distro } from '../../../../shared/model/distro';
import type { VmInfo } from '../../../../shared/model/vm';
import { invoke } from '../../ipc/ipc-client';
import { toIpcError, type IpcError } from '../../ipc/ipc-error';
import { useIpcEvent } from '../../ipc/useIpcEvent';
import { useIpcQuery } from '../../ipc/useIpcQuery';

/** A VM-wide action of the VM page. */
export type VmAction = 'shutdown' | 'restart';

/** Everything the VM page reads: live VM figures, the distros, a running action and the last action error. */
export interface VmModel {
  vm: VmInfo | undefined;
  loadError: IpcError | undefined;
  refetch: () => void;
  distros: Distro[] | undefined;
  running: VmAction | undefined;
  actionError: IpcError | undefined;
  clearActionError: () => void;
  run: (action: VmAction) => Promise<void>;
}

/**
 * The utility VM kept live: subscribes to `vm:changed` and `distros:changed` before fetching `vm:info` and
 * `distros:list`; "shutdown" runs `wsl:shutdown` then refetches, "restart" applies what `vm:restart` returns.
 * Failures land in `actionError`, never throw.
 */
export function useVm(): VmModel {
  const [running, setRunning] = useState<VmAction | undefined>(undefined);
  const [actionError, setActionError] = useState<IpcError | undefined>(undefined);

  useIpcEvent('vm:changed', (vm) => info.setData(vm));
  useIpcEvent('distros:changed', (distros) => list.setData(distros));
  const info = useIpcQuery('vm:info', {});
  const list = useIpcQuery('distros:list', {});
  const { refetch, setData } = info;

  const run = useCallback(
    async (action: VmAction) => {
      setRunning(action);
      try {
        if (action === 'restart') {
          setData(await invoke('vm:restart', {}));
        } else {
          await invoke('wsl:shutdown', {});
          refetch();
        }
      } catch (error) {
        setActionError(toIpcError(error));
      } finally {
        setRunning(undefined);
      }
    },
    [refetch, setData],
  );

  const clearActionError = useCallback(() => setActionError(undefined), []);

  return {
    vm: info.data,
    loadError: info.error,
    refetch,
    distros: list.data,
    running,
    actionError,
    clearActionError,
    run,
  };
}
