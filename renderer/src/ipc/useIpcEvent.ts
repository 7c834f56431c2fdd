import { useEffect, useRef } from 'react';
import type { EventChannel, EventPayload } from '../../../shared/ipc/contract';
import { onEvent } from './ipc-client';

/**
 * Subscribes to a push channel for the component's lifetime; the latest listener is always called.
 * Call it before useIpcQuery in the same component so the subscription exists before the fetch is sent.
 */
export function useIpcEvent<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): void {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => onEvent(channel, (payload) => latest.current(payload)), [channel]);
}
