import { invoke, onEvent } from '../../ipc/ipc-client';
import { toIpcError, type IpcError } from '../../ipc/ipc-error';

/** What a session reports: it opened, output arrived, the process exited, or opening failed. */
export interface ExecSessionEvents {
  onOpen: () => void;
  onOutput: (data: string) => void;
  onExit: (exitCode: number | null) => void;
  onError: (error: IpcError) => void;
}

/** An interactive exec as the terminal drives it. */
export interface ExecSession {
  input(data: string): void;
  resize(cols: number, rows: number): void;
  /** Stops listening and closes the session on the host; safe to call twice. */
  close(): void;
}

/**
 * Opens an exec in a container (`exec:open` with the terminal size) and wires it up: `exec:printed` and `exec:exited`
 * pushes for this session (even ones that beat the answer) reach the callbacks in order; keystrokes and sizes sent
 * before the answer wait for it; `close` sends `exec:close` once the session id is known.
 */
export function openExecSession(id: string, size: { cols: number; rows: number }, events: ExecSessionEvents): ExecSession {
  let sessionId: string | undefined;
  let closed = false;
  const early: { sessionId: string; run: () => void }[] = [];
  const waiting: ((sessionId: string) => void)[] = [];

  const deliver = (target: string, run: () => void): void => {
    if (closed) return;
    if (target === sessionId) run();
    else if (sessionId === undefined) early.push({ sessionId: target, run });
  };
  const offOutput = onEvent('exec:printed', (payload) => deliver(payload.sessionId, () => events.onOutput(payload.data)));
  const offExited = onEvent('exec:exited', (payload) => deliver(payload.sessionId, () => events.onExit(payload.exitCode)));

  const whenOpen = (send: (sessionId: string) => void): void => {
    if (closed) return;
    if (sessionId === undefined) waiting.push(send);
    else send(sessionId);
  };

  invoke('exec:open', { id, cols: size.cols, rows: size.rows }).then(
    (answer) => {
      if (closed) {
        invoke('exec:close', { sessionId: answer.sessionId }).catch(() => undefined);
        return;
      }
      sessionId = answer.sessionId;
      events.onOpen();
      for (const entry of early.splice(0)) if (entry.sessionId === sessionId) entry.run();
      for (const send of waiting.splice(0)) send(answer.sessionId);
    },
    (failure: unknown) => {
      if (!closed) events.onError(toIpcError(failure));
    },
  );

  return {
    input(data) {
      whenOpen((target) => invoke('exec:input', { sessionId: target, data }).catch(() => undefined));
    },
    resize(cols, rows) {
      whenOpen((target) => invoke('exec:resize', { sessionId: target, cols, rows }).catch(() => undefined));
    },
    close() {
      if (closed) return;
      closed = true;
      offOutput();
      offExited();
      if (sessionId !== undefined) invoke('exec:close', { sessionId }).catch(() => undefined);
    },
  };
}
