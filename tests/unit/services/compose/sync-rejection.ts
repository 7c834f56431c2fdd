import { expect } from 'vitest';
import { ServiceError } from '../../../../electron/services/errors';

/** Runs `work`, which must throw a ServiceError (the test fails otherwise), and returns that error. */
export function rejectionSync(work: () => unknown): ServiceError {
  let caught: unknown = null;
  try {
    work();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ServiceError);
  return caught as ServiceError;
}
