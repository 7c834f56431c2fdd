import { useCallback, useRef, useState } from 'react';
import type { VmState } from '../../../../shared/model/vm';
import type { WslConfigView } from '../../../../shared/model/wslconfig';
import { invoke } from '../../ipc/ipc-client';
import { toIpcError, type IpcError } from '../../ipc/ipc-error';
import { useIpcEvent } from '../../ipc/useIpcEvent';
import { useIpcQuery } from '../../ipc/useIpcQuery';

/** The `.wslconfig` editor's state: the view, per-key saves and their errors, and the restart banner. */
export interface WslConfigModel {
  view: WslConfigView | undefined;
  loadError: IpcError | undefined;
  refetch: () => void;
  /** Keys being written now. */
  saving: ReadonlySet<string>;
  /** The host's error for each key whose last write failed. */
  errors: ReadonlyMap<string, IpcError>;
  /** True while the running VM does not use the file as it is (a restart applies it). */
  restartNeeded: boolean;
  restarting: boolean;
  restartError: IpcError | undefined;
  /** Writes one key (null removes it); resolves true when the file changed. */
  save: (key: string, value: string | null) => Promise<boolean>;
  /** `vm:restart`, then a fresh view. */
  restart: () => Promise<void>;
}

/**
 * Reads `wslconfig:get`, writes keys one by one with `wslconfig:set` (applying the view it returns), and tracks
 * whether a restart is needed (the view's `restartPending` or the last write's answer); refetches (and trusts the
 * view again) when the VM's state changes, since a boot applies the file.
 */
export function useWslConfig(): WslConfigModel {
  const [saving, setSaving] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<ReadonlyMap<string, IpcError>>(new Map());
  const [pendingFromSave, setPendingFromSave] = useState(false);
  const [restarting, setRestarting] = useState(false);
  const [restartError, setRestartError] = useState<IpcError | undefined>(undefined);
  const vmState = useRef<VmState | undefined>(undefined);

  useIpcEvent('vm:changed', (vm) => {
    if (vmState.current !== undefined && vmState.current !== vm.state) {
      setPendingFromSave(false);
      config.refetch();
    }
    vmState.current = vm.state;
  });
  const config = useIpcQuery('wslconfig:get', {});
  const { setData, refetch } = config;

  const save = useCallback(
    async (key: string, value: string | null) => {
      setSaving((current) => new Set(current).add(key));
      try {
        const result = await invoke('wslconfig:set', { key, value });
        setData(result.view);
        if (result.restartNeeded) setPendingFromSave(true);
        setErrors((current) => {
          const next = new Map(current);
          next.delete(key);
          return next;
        });
        return true;
      } catch (error) {
        setErrors((current) => new Map(current).set(key, toIpcError(error)));
        return false;
      } finally {
        setSaving((current) => {
          const next = new Set(current);
          next.delete(key);
          return next;
        });
      }
    },
    [setData],
  );

  const restart = useCallback(async () => {
    setRestarting(true);
    setRestartError(undefined);
    try {
      await invoke('vm:restart', {});
      setPendingFromSave(false);
      refetch();
    } catch (error) {
      setRestartError(toIpcError(error));
    } finally {
      setRestarting(false);
    }
  }, [refetch]);

  return {
    view: config.data,
    loadError: config.error,
    refetch,
    saving,
    errors,
    restartNeeded: config.data?.restartPending === true || pendingFromSave,
    restarting,
    restartError,
    save,
    restart,
  };
}
