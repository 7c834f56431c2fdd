import { useCallback, useState } from 'react';
import type { Distro } from '../../../../shared/model/distro';
import { invoke } from '../../ipc/ipc-client';
import { toIpcError, type IpcError } from '../../ipc/ipc-error';
import { distrosList } from './distros-list';

/** A per-distro action the page can run. */
export type DistroAction = 'start' | 'terminate' | 'set-default';

const ACTION_CHANNEL = {
  start: 'distros:start',
  terminate: 'distros:terminate',
  'set-default': 'distros:set-default',
} as const satisfies Record<DistroAction, string>;

/** Everything the Distros page reads: the list and its fetch state, running actions, the last action error. */
export interface DistrosModel {
  distros: Distro[] | undefined;
  loading: boolean;
  loadError: IpcError | undefined;
  refetch: () => void;
  pending: ReadonlyMap<string, DistroAction>;
  shuttingDown: boolean;
  actionError: IpcError | undefined;
  clearActionError: () => void;
  run: (action: DistroAction, name: string) => Promise<void>;
  shutdown: () => Promise<void>;
}

/** Replaces one distro in a list; a distro that became the default clears the flag on the others. */
function applyDistro(list: readonly Distro[], changed: Distro): Distro[] {
  return list.map((distro) => {
    if (distro.name === changed.name) return changed;
    return changed.isDefault && distro.isDefault ? { ...distro, isDefault: false } : distro;
  });
}

/** Every distro stopped, as `wsl --shutdown` leaves them. */
function allStopped(list: readonly Distro[]): Distro[] {
  return list.map((distro) => (distro.state === 'Stopped' ? distro : { ...distro, state: 'Stopped' }));
}

/**
 * The distro list kept live (the app-wide `distrosList`: subscribed to `distros:changed` before its first fetch,
 * fetched again on each mount while held rows stay on screen), then follows the pushes; applies the distro each action returns (and every distro stopped after a shutdown) instead of fetching
 * again, and tracks which actions are running. Action failures land in `actionError`, never throw.
 */
export function useDistros(): DistrosModel {
  const [pending, setPending] = useState<ReadonlyMap<string, DistroAction>>(new Map());
  const [shuttingDown, setShuttingDown] = useState(false);
  const [actionError, setActionError] = useState<IpcError | undefined>(undefined);

  // The app-wide list: rows held from an earlier visit or a prefetch show at once while the page fetches it again.
  const list = distrosList.use(true);
  const { patch, refetch } = list;

  const run = useCallback(
    async (action: DistroAction, name: string) => {
      setPending((current) => new Map(current).set(name, action));
      try {
        const changed = await invoke(ACTION_CHANNEL[action], { name });
        patch((current) => applyDistro(current, changed));
      } catch (error) {
        setActionError(toIpcError(error));
      } finally {
        setPending((current) => {
          const next = new Map(current);
          next.delete(name);
          return next;
        });
      }
    },
    [patch],
  );

  const shutdown = useCallback(async () => {
    setShuttingDown(true);
    try {
      await invoke('wsl:shutdown', {});
      patch(allStopped);
    } catch (error) {
      setActionError(toIpcError(error));
    } finally {
      setShuttingDown(false);
    }
  }, [patch]);

  const clearActionError = useCallback(() => setActionError(undefined), []);

  return {
    distros: list.data,
    loading: list.loading,
    loadError: list.error,
    refetch,
    pending,
    shuttingDown,
    actionError,
    clearActionError,
    run,
    shutdown,
  };
}
