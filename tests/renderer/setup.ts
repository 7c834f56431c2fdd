// Renderer suite setup: after every test, unmount what it rendered and wait for the page code it started loading,
// so no import outlives the test's environment. `findBy…`/`waitFor` wait up to 5 s for their positive signal (the
// 1 s default ran out on a loaded 2-core machine); a passing wait returns as soon as the signal is there.
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { pageLoadsSettled } from '../../renderer/src/pages/page-loads';

configure({ asyncUtilTimeout: 5_000 });

afterEach(async () => {
  cleanup();
  await pageLoadsSettled();
});
