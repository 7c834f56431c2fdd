import { useCallback, useState } from 'react';
import type { SetupFixId, SetupFixRequest, SetupReport } from '../../../../shared/model/setup-check';
import { invoke } from '../../ipc/ipc-client';
import { toIpcError, type IpcError } from '../../ipc/ipc-error';
import { useIpcQuery } from '../../ipc/useIpcQuery';

/** The wizard's state: the report (acknowledged, so the checks count as seen), the fix running, and what failed last. */
export interface SetupState {
  report: SetupReport | undefined;
  loadError: IpcError | undefined;
  loading: boolean;
  /** The fix running now, or null. */
  running: SetupFixId | null;
  /** Set while a simulated restart runs. */
  restarting: boolean;
  /** The last fix, cancel or restart that failed. */
  actionError: IpcError | null;
  recheck(): void;
  fix(request: SetupFixRequest): Promise<void>;
  cancel(fix: SetupFixId): Promise<void>;
  restart(enableFirmwareVirtualization: boolean): Promise<void>;
}

/** Loads the setup checks for the wizard and runs its fixes, cancels and (simulated) restarts, keeping the report current. */
export function useSetup(): SetupState {
  const query = useIpcQuery('setup:checks', { acknowledge: true });
  const { setData, refetch } = query;
  const [running, setRunning] = useState<SetupFixId | null>(null);
  const [restarting, setRestarting] = useState(false);
  const [actionError, setActionError] = useState<IpcError | null>(null);

  const fix = useCallback(
    async (request: SetupFixRequest) => {
      setRunning(request.fix);
      setActionError(null);
      try {
        setData(await invoke('setup:fix', request));
      } catch (error) {
        setActionError(toIpcError(error));
        refetch();
      } finally {
        setRunning(null);
      }
    },
    [setData, refetch],
  );

  const cancel = useCallback(async (id: SetupFixId) => {
    try {
      await invoke('setup:cancel', { fix: id });
    } catch (error) {
      setActionError(toIpcError(error));
    }
  }, []);

  const restart = useCallback(
    async (enableFirmwareVirtualization: boolean) => {
      setRestarting(true);
      setActionError(null);
      try {
        setData(await invoke('setup:reboot', { enableFirmwareVirtualization }));
      } catch (error) {
        setActionError(toIpcError(error));
      } finally {
        setRestarting(false);
      }
    },
    [setData],
  );

  return { report: query.data, loadError: query.error, loading: query.loading, running, restarting, actionError, recheck: refetch, fix, cancel, restart };
}
