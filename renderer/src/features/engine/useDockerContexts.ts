import { useCallback } from 'react';
import type { DockerContext } from '../../../../shared/model/engine';
import { invoke } from '../../ipc/ipc-client';
import type { IpcError } from '../../ipc/ipc-error';
import { useIpcQuery } from '../../ipc/useIpcQuery';
import { useTrackedRun } from '../../ipc/useTrackedRun';

/** The Docker contexts (`docker context ls`) and switching between them (`docker context use`). */
export interface DockerContextsModel {
  contexts: DockerContext[] | undefined;
  loadError: IpcError | undefined;
  refetch: () => void;
  /** The context being switched to, while the switch runs. */
  switching: string | undefined;
  /** Why the last switch failed; nothing changed then. */
  switchError: IpcError | undefined;
  /** Switches the engine to a context; resolves true when Lightdock (and the docker CLI) now use it. */
  use: (name: string) => Promise<boolean>;
}

/**
 * Lists the contexts and switches them through `engine:use-context`, which rewrites currentContext in the docker
 * CLI's config.json and reconnects the engine (its new status arrives as an `engine:status-changed` push). The list
 * is fetched again after every attempt, so the current mark is the file's.
 */
export function useDockerContexts(): DockerContextsModel {
  const query = useIpcQuery('engine:contexts', {});
  const tracked = useTrackedRun<string, unknown>();
  const { refetch } = query;
  const { run: runTracked } = tracked;
  const use = useCallback(
    async (name: string) => {
      const switched = await runTracked(name, () => invoke('engine:use-context', { name }));
      refetch();
      return switched;
    },
    [refetch, runTracked],
  );
  return { contexts: query.data, loadError: query.error, refetch, switching: tracked.running, switchError: tracked.error, use };
}
