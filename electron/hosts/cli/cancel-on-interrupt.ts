import type { Operation } from '../../../shared/model/operation';
import type { InvokeDispatcher } from '../common/invoke-dispatcher';

/** The exit code of a command stopped by Ctrl-C (128 + SIGINT), as shells report it. */
export const INTERRUPTED_EXIT_CODE = 130;

/** What receives Ctrl-C; `process` in the CLI, an EventEmitter in tests. */
export interface InterruptSource {
  on(event: 'SIGINT', listener: () => void): unknown;
  off(event: 'SIGINT', listener: () => void): unknown;
}

/** One long command's Ctrl-C handling, from the start of the call to its end. */
export interface InterruptWatch {
  /** Feeds each `operations:progressed` push; the first running operation seen is the one a Ctrl-C cancels. */
  seen(operation: Operation): void;
  /** True once Ctrl-C was pressed during the call. */
  interrupted(): boolean;
  /** Stops listening for Ctrl-C (the call ended). */
  stop(): void;
}

/**
 * While a long command (install, export, import, unregister, compact, set-version) runs, Ctrl-C sends
 * `operations:cancel` for the operation being followed (its id arrives with its first `operations:progressed`
 * push; a Ctrl-C before that is kept and sent as soon as the id is known) and prints "Cancelling…" once;
 * the process does not exit then: the command waits for the call to end, which reports the cancel.
 */
export function cancelOnInterrupt(dispatch: InvokeDispatcher, io: { err(text: string): void }, source: InterruptSource = process): InterruptWatch {
  let operationId: string | null = null;
  let asked = false;
  let sent = false;
  const send = (): void => {
    if (!asked || sent || operationId === null) return;
    sent = true;
    void dispatch('operations:cancel', { id: operationId }, { id: 'cli' }).then((result) => {
      if (result.ok && !(result.value as { cancelled: boolean }).cancelled) io.err('lightdock: the operation had already ended; nothing to cancel.');
    });
  };
  const onInterrupt = (): void => {
    if (asked) return;
    asked = true;
    io.err('Cancelling…');
    send();
  };
  source.on('SIGINT', onInterrupt);
  return {
    seen(operation) {
      if (operationId === null && operation.state === 'running') operationId = operation.id;
      send();
    },
    interrupted: () => asked,
    stop: () => source.off('SIGINT', onInterrupt),
  };
}
