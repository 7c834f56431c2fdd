import { useSyncExternalStore } from 'react';
import { connectionStore, type ConnectionSnapshot } from './connection-store';

/** The current link state and reconnect epoch; re-renders when either changes. */
export function useConnectionState(): ConnectionSnapshot {
  return useSyncExternalStore(connectionStore.subscribe, connectionStore.get);
}
