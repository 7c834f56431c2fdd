import type { IpcErrorCode } from '../../shared/ipc/result';

/** The only error services throw on purpose: a code the hosts pass on and one sentence for people. */
export class ServiceError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
