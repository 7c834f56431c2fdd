import type { EventChannel, EventPayload } from '../../shared/ipc/contract';
import type { EventSink, Logger } from '../../electron/services/ports';

/** An event sink that keeps every push, for asserting what a service announced. */
export class RecordingEventSink implements EventSink {
  readonly events: { channel: EventChannel; payload: unknown; target?: string }[] = [];
  emit<C extends EventChannel>(channel: C, payload: EventPayload<C>): void {
    this.events.push({ channel, payload });
  }
  emitTo<C extends EventChannel>(target: string, channel: C, payload: EventPayload<C>): void {
    this.events.push({ channel, payload, target });
  }
}

/** A logger that keeps its lines, for asserting warnings. */
export class RecordingLogger implements Logger {
  readonly lines: { level: string; message: string }[] = [];
  info(message: string): void {
    this.lines.push({ level: 'info', message });
  }
  warn(message: string): void {
    this.lines.push({ level: 'warn', message });
  }
  error(message: string): void {
    this.lines.push({ level: 'error', message });
  }
}

/** A clock that only moves when told to. */
export class ManualClock {
  constructor(private time = Date.UTC(2026, 10, 25, 12, 0, 0)) {}
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
}
