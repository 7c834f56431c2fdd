import type { IpcResult } from '../../../shared/ipc/result';
import type { WebServerFrame } from '../../../shared/ipc/web-protocol';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isResult(value: unknown): value is IpcResult<unknown> {
  if (!isRecord(value)) return false;
  if (value['ok'] === true) return 'value' in value;
  const error = value['error'];
  return value['ok'] === false && isRecord(error) && typeof error['code'] === 'string' && typeof error['message'] === 'string';
}

/**
 * Reads one frame from the browser host (already JSON-parsed): a result (non-negative integer id and an envelope) or
 * an event (a string channel); anything else is null. The check the shared zod schema makes, written out so the
 * first bundle carries no zod (its 90 KB would load before the first page paints).
 */
export function readServerFrame(raw: unknown): WebServerFrame | null {
  if (!isRecord(raw)) return null;
  if (raw['type'] === 'result') {
    const { id, result } = raw;
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || !isResult(result)) return null;
    return { type: 'result', id, result };
  }
  if (raw['type'] === 'event' && typeof raw['channel'] === 'string') return { type: 'event', channel: raw['channel'], payload: raw['payload'] };
  return null;
}
