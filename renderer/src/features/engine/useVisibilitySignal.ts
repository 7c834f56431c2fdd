import { useEffect } from 'react';
import { invoke } from '../../ipc/ipc-client';

function report(): void {
  invoke('app:visibility', { visible: document.visibilityState === 'visible' }).catch(() => undefined);
}

/**
 * Tells the host whether the window can be seen (`app:visibility`) each time the document's visibility changes, and
 * once at mount if it starts hidden, so streams pause while nobody looks. Failures are ignored: it is a hint.
 */
export function useVisibilitySignal(): void {
  useEffect(() => {
    if (document.visibilityState === 'hidden') report();
    document.addEventListener('visibilitychange', report);
    return () => document.removeEventListener('visibilitychange', report);
  }, []);
}
