import type { EventChannel, EventPayload } from '../../shared/ipc/contract';
import type { EventSink } from './ports';

/** A listener for every push, whatever its channel. */
export type EventListener = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => void;

/** Fans one service-side event sink out to any number of host listeners (windows, sockets). */
export class EventHub implements EventSink {
  private readonly listeners = new Set<EventListener>();

  /** Delivers the event to every current listener; a throwing listener does not stop the others. */
  emit<C extends EventChannel>(channel: C, payload: EventPayload<C>): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(channel, payload);
      } catch {
        this.listeners.delete(listener);
      }
    }
  }

  /** Adds a listener and returns the function that removes it. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
