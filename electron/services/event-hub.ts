import type { EventChannel, EventPayload } from '../../shared/ipc/contract';
import type { EventSink } from './ports';

/** A listener for every push; `target` is the one client it is meant for, or undefined for everyone. */
export type EventListener = <C extends EventChannel>(channel: C, payload: EventPayload<C>, target: string | undefined) => void;

/** Fans one service-side event sink out to any number of host listeners (windows, sockets). */
export class EventHub implements EventSink {
  private readonly listeners = new Set<EventListener>();

  /** Delivers the event to every current listener; a throwing listener is dropped and does not stop the others. */
  emit<C extends EventChannel>(channel: C, payload: EventPayload<C>): void {
    this.deliver(channel, payload, undefined);
  }

  /** Delivers the event marked for one client; hosts forward it to that client only. */
  emitTo<C extends EventChannel>(clientId: string, channel: C, payload: EventPayload<C>): void {
    this.deliver(channel, payload, clientId);
  }

  /** Adds a listener and returns the function that removes it. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private deliver<C extends EventChannel>(channel: C, payload: EventPayload<C>, target: string | undefined): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(channel, payload, target);
      } catch {
        this.listeners.delete(listener);
      }
    }
  }
}
