import { LineSplitter } from '../docker/line-splitter';
import type { ProgressMessage } from '../docker/container-engine';
import { ServiceError } from '../errors';

/** Longest JSON line of a progress stream read whole; a longer one is cut by the splitter and dropped as not JSON. */
export const PROGRESS_LINE_BYTES = 1024 * 1024;
/** Longest id, status or progress bar kept from a message. */
const SHORT_TEXT = 512;
/** Longest build output or error text kept from one message. */
const LONG_TEXT = 64 * 1024;

function text(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  return value.length > max ? value.slice(0, max) : value;
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.min(value, Number.MAX_SAFE_INTEGER) : undefined;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/**
 * One line of the engine's JSON progress stream as a ProgressMessage with only well-typed fields kept (strings
 * cut to a bound, counts finite and non-negative); null for a blank line, a line that is not JSON or not an object.
 */
export function parseProgressLine(line: string): ProgressMessage | null {
  if (line.trim() === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return null;
  }
  const raw = record(parsed);
  if (raw === null) return null;
  const message: ProgressMessage = {};
  const id = text(raw['id'], SHORT_TEXT);
  if (id !== undefined) message.id = id;
  const status = text(raw['status'], SHORT_TEXT);
  if (status !== undefined) message.status = status;
  const progress = text(raw['progress'], SHORT_TEXT);
  if (progress !== undefined) message.progress = progress;
  const detail = record(raw['progressDetail']);
  if (detail !== null) {
    const current = count(detail['current']);
    const total = count(detail['total']);
    message.progressDetail = { ...(current === undefined ? {} : { current }), ...(total === undefined ? {} : { total }) };
  }
  const stream = text(raw['stream'], LONG_TEXT);
  if (stream !== undefined) message.stream = stream;
  const error = text(raw['error'], LONG_TEXT);
  if (error !== undefined) message.error = error;
  const errorDetail = record(raw['errorDetail']);
  if (errorDetail !== null) {
    const detailMessage = text(errorDetail['message'], LONG_TEXT);
    message.errorDetail = detailMessage === undefined ? {} : { message: detailMessage };
  }
  const aux = record(raw['aux']);
  if (aux !== null) {
    const auxId = text(aux['ID'], SHORT_TEXT);
    const digest = text(aux['Digest'], SHORT_TEXT);
    const tag = text(aux['Tag'], SHORT_TEXT);
    message.aux = { ...(auxId === undefined ? {} : { ID: auxId }), ...(digest === undefined ? {} : { Digest: digest }), ...(tag === undefined ? {} : { Tag: tag }) };
  }
  return message;
}

/** The engine's words of a failed message (`errorDetail.message`, else `error`), or null when the message is not a failure. */
export function progressError(message: ProgressMessage): string | null {
  const detail = message.errorDetail?.message;
  if (typeof detail === 'string' && detail.trim() !== '') return detail.trim();
  if (typeof message.error === 'string' && message.error.trim() !== '') return message.error.trim();
  if (message.errorDetail !== undefined || message.error !== undefined) return 'The engine reported an error without words.';
  return null;
}

/** The ServiceError for a progress stream's error: NOT_FOUND when the engine says something is missing, else INTERNAL, with the engine's words. */
export function progressFailure(words: string): ServiceError {
  const missing = /\b(not found|manifest unknown|no such|does not exist|repository .* not found)\b/i.test(words);
  return new ServiceError(missing ? 'NOT_FOUND' : 'INTERNAL', words);
}

/**
 * Reads a progress stream to its end: splits it into lines (bounded), hands every parsed message to `onMessage`,
 * and rejects with the engine's words on the first message that carries an error (the stream is destroyed), on a
 * stream error, or when `signal` aborts (the stream is destroyed, so the engine sees the request go away).
 */
export function readProgressStream(stream: NodeJS.ReadableStream, onMessage: (message: ProgressMessage) => void, signal: AbortSignal): Promise<void> {
  const destroy = (): void => {
    (stream as NodeJS.ReadableStream & { destroy?: (error?: Error) => void }).destroy?.();
  };
  return new Promise<void>((resolve, reject) => {
    const splitter = new LineSplitter(PROGRESS_LINE_BYTES);
    let settled = false;
    const settle = (error: Error | null): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      stream.removeListener('data', onData);
      stream.removeListener('end', onEnd);
      stream.removeListener('close', onClose);
      if (error === null) resolve();
      else {
        destroy();
        reject(error);
      }
    };
    const handle = (line: string): boolean => {
      const message = parseProgressLine(line);
      if (message === null) return true;
      const failure = progressError(message);
      onMessage(message);
      if (failure === null) return true;
      settle(progressFailure(failure));
      return false;
    };
    const onData = (chunk: Buffer | string): void => {
      if (settled) return;
      for (const line of splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)) if (!handle(line)) return;
    };
    const onEnd = (): void => {
      if (settled) return;
      const last = splitter.flush();
      if (last !== null && !handle(last)) return;
      settle(null);
    };
    const onClose = (): void => {
      if (!settled) settle(signal.aborted ? aborted() : new ServiceError('UNAVAILABLE', 'The engine closed the progress stream before it ended.'));
    };
    const onAbort = (): void => settle(aborted());
    stream.on('error', (error: Error) => settle(signal.aborted ? aborted() : new ServiceError('UNAVAILABLE', `The engine's progress stream failed: ${error.message}`)));
    if (signal.aborted) {
      settle(aborted());
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('close', onClose);
  });
}

function aborted(): ServiceError {
  return new ServiceError('TIMEOUT', 'Cancelled.');
}
