import { expect } from 'vitest';
import { ServiceError } from '../../electron/services/errors';

/** Awaits a promise that must reject with a ServiceError (the test fails otherwise) and returns that error. */
export async function rejection(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}
