import { useEffect } from 'react';
import { invoke } from '../../ipc/ipc-client';
import { useConnectionEpoch } from '../../ipc/useConnectionState';

function report(): void {
  invoke('app:visibility', { visible: document.visibilityState === 'visible' }).catch(() => undefined);
}

/**
 * Tells the host whether the window can be seen (`app:visibility`) at mount, after a lost link comes back (the host
 * sees a new client) and each time the document's visibility changes, so streams pause and WSL is polled only while
 * somebody looks. Failures are ignored: it is a hint.
 */
export function useVisibilitySignal(): void {
  const epoch = useConnectionEpoch();
  useEffect(() => {
    report();
  }, [epoch]);
  useEffect(() => {
    document.addEventListener('visibilitychange', report);
    return () => document.removeEventListener('visibilitychange', report);
  }, []);
}
