import type { EventChannel, EventPayload } from '../../shared/ipc/contract';

/** Pushes a validated event to whoever the host wired up (windows, sockets, nothing in the CLI). */
export interface EventSink {
  /** Sends to every connected client. */
  emit<C extends EventChannel>(channel: C, payload: EventPayload<C>): void;
  /** Sends to one client only (the owner of a log, stats or terminal subscription). */
  emitTo<C extends EventChannel>(clientId: string, channel: C, payload: EventPayload<C>): void;
}

/** Who sent a request: one window, one browser socket, or the CLI; subscriptions belong to a client. */
export interface ClientContext {
  id: string;
}

/** Wall-clock time in milliseconds since the epoch; injected so simulated time is exact in tests. */
export interface Clock {
  now(): number;
}

/** Where services report what happened; hosts decide where it goes. */
export interface Logger {
  info(message: string, meta?: unknown): void;
  warn(message: string, meta?: unknown): void;
  error(message: string, error?: unknown): void;
}

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A logger that drops everything, for hosts that print their own output (the CLI). */
export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Shows a notification outside the app (the OS in the desktop app); failures stay inside the implementation. */
export interface Notifier {
  show(notification: { title: string; body: string }): void;
}
