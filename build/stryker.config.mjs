// StrykerJS for `npm run mutation` (not part of `npm test`: it is slow): mutates the trust boundary and the parsers
// and runs the unit tests of tests/vitest.mutation.config.ts against each mutant (only the tests that cover it).
// Narrow a run with `npx stryker run build/stryker.config.mjs --mutate <file> [--force]`; reruns
// reuse reports/mutation/incremental.json; after adding tests, rerun the file with --force (the incremental report
// keeps a survived result when it does not see the new test as covering it). Results: tests/mutation/last-results.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  plugins: ['@stryker-mutator/vitest-runner'],
  testRunner: 'vitest',
  vitest: { configFile: 'tests/vitest.mutation.config.ts', related: true },
  coverageAnalysis: 'perTest',
  checkers: [],
  mutate: [
    'electron/hosts/web/request-guard.ts',
    'electron/hosts/common/invoke-dispatcher.ts',
    'electron/services/wsl/wslconfig/wslconfig-document.ts',
    'electron/services/wsl/cli/parse-list-verbose.ts',
    'electron/services/wsl/cli/parse-list-online.ts',
    'electron/services/wsl/cli/parse-list-quiet.ts',
    'electron/services/wsl/cli/parse-status.ts',
    'electron/services/wsl/cli/parse-version.ts',
    'electron/services/wsl/cli/parse-wsl-error.ts',
    'electron/services/wsl/cli/parse-reg-query.ts',
    'electron/services/wsl/cli/parse-probe.ts',
    'electron/services/wsl/cli/decode-output.ts',
    'electron/services/docker/stats-math.ts',
    'shared/model/engine-reference.ts',
    'shared/model/reference-grammar.ts',
    'electron/services/docker/dockerode/engine-paths.ts',
  ],
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  // The goal (85 % killed) is per file: build/mutation-scores.mjs checks it after the run and fails below it.
  thresholds: { high: 90, low: 85, break: null },
  // Generous: the machines this runs on are often busy, and a slow run must not count as a timeout (a kill).
  timeoutMS: 60_000,
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['/out', '/dist', '/reports', '/test-results', '/playwright-report', '/.lightdock-data', '/.stryker-tmp*'],
  cleanTempDir: 'always',
};
