import type { IpcErrorCode } from '../../../shared/ipc/result';

/** A failed request rebuilt on the renderer side from the envelope: the host's code, sentence and details. */
export class IpcError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'IpcError';
  }
}

/** Turns anything caught around a request into an IpcError, keeping an IpcError as it is. */
export function toIpcError(error: unknown): IpcError {
  if (error instanceof IpcError) return error;
  const text = error instanceof Error ? error.message : String(error);
  return new IpcError('INTERNAL', `The request could not be sent: ${text}`);
}

/** The one line the UI shows for an error: the sentence followed by the code, e.g. "Distro not found. (NOT_FOUND)". */
export function describeIpcError(error: IpcError): string {
  return `${error.message} (${error.code})`;
}
