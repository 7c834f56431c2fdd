import { z } from 'zod';

/** Machine-readable error codes every host returns; the renderer and the CLI switch on these. */
export const IpcErrorCode = z.enum([
  'VALIDATION',
  'UNKNOWN_CHANNEL',
  'NOT_FOUND',
  'CONFLICT',
  'UNTRUSTED_SENDER',
  'UNAVAILABLE',
  'TIMEOUT',
  'INTERNAL',
  /** The work was cancelled on request and left nothing changed. */
  'CANCELLED',
]);
export type IpcErrorCode = z.infer<typeof IpcErrorCode>;

/** An error as data: a code, one sentence for people, and optional details (validation issues, raw codes). */
export const IpcErrorPayload = z.object({
  code: IpcErrorCode,
  message: z.string(),
  details: z.unknown().optional(),
});
export type IpcErrorPayload = z.infer<typeof IpcErrorPayload>;

/** The envelope every handler returns; exceptions never cross a host boundary. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcErrorPayload };

/** Schema of the envelope, for hosts that receive it over a wire (the WebSocket bridge). */
export const IpcResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: IpcErrorPayload }),
]);

/** Builds a success envelope. */
export function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

/** Builds a failure envelope. */
export function fail(code: IpcErrorCode, message: string, details?: unknown): IpcResult<never> {
  return details === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, details } };
}
