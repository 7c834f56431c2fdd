import type { EventChannel, EventPayload } from '../../shared/ipc/contract';

/** Pushes a validated event to whoever the host wired up (windows, sockets, nothing in the CLI). */
export interface EventSink {
  emit<C extends EventChannel>(channel: C, payload: EventPayload<C>): void;
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
