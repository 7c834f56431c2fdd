import { useEffect, useRef, useState } from 'react';
import type { LogLine } from '../../../../shared/model/container';
import { invoke } from '../../ipc/ipc-client';
import { toIpcError, type IpcError } from '../../ipc/ipc-error';
import { useConnectionEpoch } from '../../ipc/useConnectionState';
import { useIpcEvent } from '../../ipc/useIpcEvent';

/** How many lines the UI keeps; older ones are let go (the engine keeps the full log). */
export const MAX_LOG_LINES = 5000;

/** How many past lines a new follow asks for. */
export const LOG_TAIL = 1000;

/** A log line with a sequence number that keys it in lists. */
export interface NumberedLine extends LogLine {
  seq: number;
}

/** A followed log: its lines (oldest first, at most MAX_LOG_LINES), what was dropped, and the stream's state. */
export interface LogStream {
  lines: readonly NumberedLine[];
  /** Lines the host dropped because the UI could not keep up, plus lines let go here beyond MAX_LOG_LINES. */
  droppedLines: number;
  tty: boolean | undefined;
  state: 'starting' | 'following' | 'failed';
  error: IpcError | undefined;
}

const ESC = String.fromCharCode(0x1b);
const BEL = String.fromCharCode(0x07);
/** CSI sequences (colours, cursor moves) and OSC sequences (window titles) that terminals interpret. */
const ANSI = new RegExp(`${ESC}\\[[0-9;?]*[ -/]*[@-~]|${ESC}\\][^${BEL}]*${BEL}`, 'g');

/** A line without terminal colour and cursor codes, for plain display and search. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/**
 * Follows one container's log while mounted: `logs:follow` with the last LOG_TAIL lines, `logs:received` pushes for
 * that subscription appended (capped at MAX_LOG_LINES), and `logs:stop` on unmount or when `timestamps` changes
 * (which starts over). A lost link that comes back starts a fresh follow.
 */
export function useLogStream(id: string, timestamps: boolean): LogStream {
  const epoch = useConnectionEpoch();
  const [stream, setStream] = useState<LogStream>({ lines: [], droppedLines: 0, tty: undefined, state: 'starting', error: undefined });
  const current = useRef<string | undefined>(undefined);
  const early = useRef<{ subscriptionId: string; lines: LogLine[]; droppedLines: number }[]>([]);
  const sequence = useRef(0);

  const append = (lines: readonly LogLine[], dropped: number): void => {
    const numbered = lines.map((line) => ({ ...line, text: stripAnsi(line.text), seq: sequence.current++ }));
    setStream((previous) => {
      const all = [...previous.lines, ...numbered];
      const overflow = Math.max(0, all.length - MAX_LOG_LINES);
      return { ...previous, lines: overflow > 0 ? all.slice(overflow) : all, droppedLines: previous.droppedLines + dropped + overflow };
    });
  };

  useIpcEvent('logs:received', ({ subscriptionId, lines, droppedLines }) => {
    if (subscriptionId === current.current) append(lines, droppedLines);
    else early.current = [...early.current.slice(-31), { subscriptionId, lines, droppedLines }];
  });

  useEffect(() => {
    let active = true;
    let subscriptionId: string | undefined;
    setStream({ lines: [], droppedLines: 0, tty: undefined, state: 'starting', error: undefined });
    invoke('logs:follow', { id, tail: LOG_TAIL, timestamps }).then(
      (answer) => {
        if (!active) {
          invoke('logs:stop', { subscriptionId: answer.subscriptionId }).catch(() => undefined);
          return;
        }
        subscriptionId = answer.subscriptionId;
        current.current = subscriptionId;
        setStream((previous) => ({ ...previous, tty: answer.tty, state: 'following' }));
        const buffered = early.current.filter((batch) => batch.subscriptionId === subscriptionId);
        early.current = [];
        for (const batch of buffered) append(batch.lines, batch.droppedLines);
      },
      (failure: unknown) => {
        if (active) setStream((previous) => ({ ...previous, state: 'failed', error: toIpcError(failure) }));
      },
    );
    return () => {
      active = false;
      current.current = undefined;
      if (subscriptionId !== undefined) invoke('logs:stop', { subscriptionId }).catch(() => undefined);
    };
  }, [id, timestamps, epoch]);

  return stream;
}
