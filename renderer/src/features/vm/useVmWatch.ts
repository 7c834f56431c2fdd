import { useCallback, useEffect, useState } from 'react';
import { holdSubscription } from '../../ipc/hold-subscription';
import { invoke } from '../../ipc/ipc-client';
import { toIpcError, type IpcError } from '../../ipc/ipc-error';
import { useConnectionEpoch } from '../../ipc/useConnectionState';
import { useDocumentVisible } from './useDocumentVisible';

/** The VM watch of a view: the last failure to take it, and a way to try again. */
export interface VmWatch {
  error: IpcError | undefined;
  retry: () => void;
}

function unwatch(subscriptionId: string): void {
  invoke('vm:unwatch', { subscriptionId }).catch(() => undefined);
}

/**
 * Holds a `vm:watch` while the component is mounted and the document is visible, so `vm:changed` carries the VM's
 * live figures (the host probes the VM only while some view watches): watches on mount, when the document becomes
 * visible, after a lost link comes back and on retry; `vm:unwatch` when hidden, on unmount, and for a watch that
 * answers after either. A failed watch is answered, never thrown.
 */
export function useVmWatch(): VmWatch {
  const epoch = useConnectionEpoch();
  const visible = useDocumentVisible();
  const [attempt, setAttempt] = useState(0);
  const [error, setError] = useState<IpcError | undefined>(undefined);

  useEffect(() => {
    if (!visible) return undefined;
    return holdSubscription({
      watch: () => invoke('vm:watch', {}),
      unwatch,
      onHeld: () => setError(undefined),
      onError: (failure) => setError(toIpcError(failure)),
    });
  }, [epoch, visible, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { error, retry };
}
