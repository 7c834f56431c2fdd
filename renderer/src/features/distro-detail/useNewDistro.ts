import { useCallback, useState } from 'react';
import type { InvokeRequest } from '../../../../shared/ipc/contract';
import { invoke } from '../../ipc/ipc-client';
import { toIpcError, type IpcError } from '../../ipc/ipc-error';

/** A request that adds a distro: install one from the online list, or import one from a file. */
export type NewDistroRequest =
  | { kind: 'install'; request: InvokeRequest<'distros:install'> }
  | { kind: 'import'; request: InvokeRequest<'distros:import'> };

/** The running request, its failure, and the name of the distro last added. */
export interface NewDistroModel {
  running: NewDistroRequest['kind'] | undefined;
  error: IpcError | undefined;
  added: string | undefined;
  clear: () => void;
  /** Sends the request; resolves true once the distro exists, false on failure (kept in `error`). */
  run: (request: NewDistroRequest) => Promise<boolean>;
}

/** Installs or imports a distro through `distros:install` / `distros:import`, one at a time; failures never throw. */
export function useNewDistro(): NewDistroModel {
  const [running, setRunning] = useState<NewDistroRequest['kind'] | undefined>(undefined);
  const [error, setError] = useState<IpcError | undefined>(undefined);
  const [added, setAdded] = useState<string | undefined>(undefined);

  const run = useCallback(async (request: NewDistroRequest) => {
    setRunning(request.kind);
    setError(undefined);
    try {
      const distro =
        request.kind === 'install' ? await invoke('distros:install', request.request) : await invoke('distros:import', request.request);
      setAdded(distro.name);
      return true;
    } catch (caught) {
      setError(toIpcError(caught));
      return false;
    } finally {
      setRunning(undefined);
    }
  }, []);

  const clear = useCallback(() => {
    setError(undefined);
    setAdded(undefined);
  }, []);

  return { running, error, added, clear, run };
}
