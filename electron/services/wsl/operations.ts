import type { Operation } from '../../../shared/model/operation';
import { ServiceError } from '../errors';
import type { EventSink } from '../ports';
import type { ProgressReporter } from './wsl-backend';

/** What a long piece of work is called and what it says when it starts and when it ends. */
export interface OperationSpec<T> {
  kind: Operation['kind'];
  target: string;
  startMessage: string;
  doneMessage: (result: T) => string;
  /** Called once, on the first progress report (the backend has put the distro in its transient state by then). */
  onStarted?: () => void;
}

/** The work of an operation: it reports progress and stops, undoing what it made, when `signal` aborts. */
export type OperationWork<T> = (progress: ProgressReporter, signal: AbortSignal) => Promise<T>;

/**
 * Runs long WSL work (install, import, export, unregister, compact, convert) one at a time per target,
 * pushing `operations:progressed` with one id from `running` through every progress report to
 * `succeeded`, `failed` (with the error's code and sentence) or `cancelled` (after `cancel`, once the
 * work has stopped and undone what it made).
 */
export class Operations {
  private next = 1;
  private readonly active = new Map<string, Operation>();
  private readonly controllers = new Map<string, AbortController>();

  /** Asks the running operation with this id to stop; false when no operation with that id runs. */
  cancel(id: string): boolean {
    const controller = this.controllers.get(id);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  constructor(private readonly events: EventSink) {}

  /** The operation running on this target (compared case-insensitively), if any. */
  runningOn(target: string): Operation | undefined {
    return this.active.get(target.toLowerCase());
  }

  /** Runs the work, reporting its progress; a second operation on a busy target is refused with CONFLICT. */
  async run<T>(spec: OperationSpec<T>, work: OperationWork<T>): Promise<T> {
    const key = spec.target.toLowerCase();
    const busy = this.active.get(key);
    if (busy) throw new ServiceError('CONFLICT', `Cannot start another operation on ${spec.target}: ${busy.kind} is still running (${busy.message}).`);
    let operation: Operation = { id: `op-${this.next++}`, kind: spec.kind, target: spec.target, state: 'running', progress: 0, message: spec.startMessage };
    this.active.set(key, operation);
    const controller = new AbortController();
    this.controllers.set(operation.id, controller);
    this.events.emit('operations:progressed', operation);
    let started = false;
    const report: ProgressReporter = (progress, message) => {
      const clamped = progress === null ? null : Math.min(1, Math.max(0, progress));
      operation = { ...operation, progress: clamped, message };
      this.events.emit('operations:progressed', operation);
      if (!started) {
        started = true;
        spec.onStarted?.();
      }
    };
    try {
      const result = await work(report, controller.signal);
      operation = { ...operation, state: 'succeeded', progress: 1, message: spec.doneMessage(result) };
      this.events.emit('operations:progressed', operation);
      return result;
    } catch (error) {
      // After a cancel the backend's own error says what it undid (or could not); any other error is the plain cancelled sentence.
      const failure =
        error instanceof ServiceError && (!controller.signal.aborted || error.code === 'CANCELLED' || error.code === 'INTERNAL')
          ? error
          : controller.signal.aborted
            ? new ServiceError('CANCELLED', `Cancelled the ${spec.kind} of ${spec.target}; nothing was changed.`)
            : new ServiceError('INTERNAL', `${spec.kind} of ${spec.target} failed: ${(error as Error).message ?? String(error)}`);
      const state = failure.code === 'CANCELLED' ? 'cancelled' : 'failed';
      operation = { ...operation, state, message: failure.message, error: { code: failure.code, message: failure.message } };
      this.events.emit('operations:progressed', operation);
      throw failure;
    } finally {
      this.active.delete(key);
      this.controllers.delete(operation.id);
    }
  }
}
