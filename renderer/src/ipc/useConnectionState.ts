import { useSyncExternalStore } from 'react';
import { connectionStore, type ConnectionSnapshot } from './connection-store';

/** The current link state and reconnect epoch; re-renders when either changes. */
export function useConnectionState(): ConnectionSnapshot {
  return useSyncExternalStore(connectionStore.subscribe, connectionStore.get);
}

const currentEpoch = (): number => connectionStore.get().epoch;

/**
 * The reconnect epoch alone: re-renders only when a lost link comes back, not when the first connect opens (which,
 * read through useConnectionState, rendered every reader again just after the first paint).
 */
export function useConnectionEpoch(): number {
  return useSyncExternalStore(connectionStore.subscribe, currentEpoch);
}
