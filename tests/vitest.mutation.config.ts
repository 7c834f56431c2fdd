import { defineConfig } from 'vitest/config';
import path from 'node:path';

// Vitest for `npm run mutation` (build/stryker.config.mjs): only the unit tests of the mutated modules, so each
// mutant runs in well under a second. The same files also run in `npm test` through tests/vitest.config.ts.
const root = path.resolve(import.meta.dirname, '..');

export default defineConfig({
  root,
  test: {
    name: 'mutation',
    environment: 'node',
    include: [
      'tests/unit/hosts/web/request-guard*.test.ts',
      'tests/unit/hosts/common/invoke-dispatcher*.test.ts',
      'tests/unit/services/wsl/wslconfig/wslconfig-document*.test.ts',
      'tests/unit/services/wsl/cli/parse-*.test.ts',
      'tests/unit/services/wsl/cli/decode-output*.test.ts',
      'tests/unit/services/docker/stats-math*.test.ts',
      'tests/unit/shared/engine-reference*.test.ts',
    ],
    testTimeout: 20_000,
  },
});
