// Renderer suite setup: after every test, unmount what it rendered and wait for the page code it started loading,
// so no import outlives the test's environment.
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { pageLoadsSettled } from '../../renderer/src/pages/page-loads';

afterEach(async () => {
  cleanup();
  await pageLoadsSettled();
});
