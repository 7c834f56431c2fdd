import { useSyncExternalStore } from 'react';

function subscribe(listener: () => void): () => void {
  document.addEventListener('visibilitychange', listener);
  return () => document.removeEventListener('visibilitychange', listener);
}

function visible(): boolean {
  return document.visibilityState !== 'hidden';
}

/** Whether the document can be seen now (`visibilityState` is not `hidden`); re-renders when that changes. */
export function useDocumentVisible(): boolean {
  return useSyncExternalStore(subscribe, visible);
}
