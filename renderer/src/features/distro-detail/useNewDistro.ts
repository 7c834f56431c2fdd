import { useCallback } from 'react';
import type { InvokeRequest } from '../../../../shared/ipc/contract';
import { invoke } from '../../ipc/ipc-client';
import type { IpcError } from '../../ipc/ipc-error';
import { useTrackedRun } from '../../ipc/useTrackedRun';

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
  const tracked = useTrackedRun<NewDistroRequest['kind'], string>();
  const { run: runTracked } = tracked;
  const run = useCallback(
    (request: NewDistroRequest) =>
      runTracked(request.kind, async () =>
        request.kind === 'install' ? (await invoke('distros:install', request.request)).name : (await invoke('distros:import', request.request)).name,
      ),
    [runTracked],
  );
  return { running: tracked.running, error: tracked.error, added: tracked.result, clear: tracked.clear, run };
}
