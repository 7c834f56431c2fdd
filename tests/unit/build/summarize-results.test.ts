import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/temp-dir';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const script = path.join(root, 'tests/summarize-results.mjs');
const run = promisify(execFile);
const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Runs the summarizer over the given reports and step exit codes; returns its output lines and exit code. */
async function summarize(reports: Record<string, unknown>, steps: string[]): Promise<{ lines: string[]; code: number }> {
  const { dir, cleanup } = makeTempDir('lightdock-summary-');
  cleanups.push(cleanup);
  for (const [name, report] of Object.entries(reports)) fs.writeFileSync(path.join(dir, name), JSON.stringify(report));
  try {
    const { stdout } = await run(process.execPath, [script, dir, ...steps], { cwd: root, timeout: 10_000 });
    return { lines: stdout.trim().split('\n'), code: 0 };
  } catch (error) {
    const failure = error as { stdout: string; code: number };
    return { lines: failure.stdout.trim().split('\n'), code: failure.code };
  }
}

const vitest = (passed: number, failed: number) => ({ numPassedTests: passed, numFailedTests: failed, numPendingTests: 0, numTodoTests: 0 });
const playwright = (expected: number, unexpected: number) => ({ stats: { expected, unexpected, flaky: 0, skipped: 0 } });

describe('the closing line of npm test', () => {
  it('says 0 failed and exits 0 when every step exited 0', async () => {
    const result = await summarize({ 'vitest.json': vitest(10, 0), 'e2e.json': playwright(3, 0) }, ['build=0', 'vitest=0', 'e2e=0']);
    expect(result).toEqual({ lines: ['13 passed, 0 failed'], code: 0 });
  });

  it('counts a suite that exited non-zero with no failed test (an unhandled error) as a failure, and says why', async () => {
    const result = await summarize({ 'vitest.json': vitest(883, 0), 'e2e.json': playwright(3, 0) }, ['vitest=1', 'e2e=0']);
    expect(result.code).toBe(1);
    expect(result.lines.at(-1)).toBe('886 passed, 1 failed');
    expect(result.lines.at(-2)).toMatch(/^Failed: vitest exited 1 with no failed test: an unhandled error/);
  });

  it('counts failed tests once, and a step without a report (build, lint, a crashed suite) as one failure', async () => {
    const result = await summarize({ 'vitest.json': vitest(5, 2) }, ['lint=1', 'vitest=1', 'e2e=1']);
    expect(result.code).toBe(1);
    expect(result.lines.at(-1)).toBe('5 passed, 4 failed');
    expect(result.lines.at(-2)).toBe('Failed: lint failed (exit 1); vitest: 2 tests failed; e2e exited 1 and wrote no report.');
  });
});

/** A vitest JSON report whose files hold the given tests (`status` per test), plus a file that failed to load. */
function vitestWith(files: { name: string; tests: { fullName: string; status: 'passed' | 'failed'; failureMessages?: string[] }[] }[], broken?: { name: string; message: string }) {
  const tests = files.flatMap((file) => file.tests);
  return {
    ...vitest(tests.filter((t) => t.status === 'passed').length, tests.filter((t) => t.status === 'failed').length),
    testResults: [
      ...files.map((file) => ({ name: path.join(root, file.name), status: file.tests.some((t) => t.status === 'failed') ? 'failed' : 'passed', assertionResults: file.tests })),
      ...(broken === undefined ? [] : [{ name: path.join(root, broken.name), status: 'failed', message: broken.message, assertionResults: [] }]),
    ],
  };
}

/** A Playwright JSON report with one file suite, one describe and the given tests (`unexpected` fails). */
function playwrightWith(file: string, describe: string, tests: { title: string; line: number; status: 'expected' | 'unexpected' | 'flaky'; error?: string }[]) {
  const unexpected = tests.filter((t) => t.status === 'unexpected').length;
  return {
    stats: { expected: tests.filter((t) => t.status === 'expected').length, unexpected, flaky: tests.filter((t) => t.status === 'flaky').length, skipped: 0 },
    suites: [
      {
        title: file,
        specs: [],
        suites: [
          {
            title: describe,
            specs: tests.map((t) => ({
              title: t.title,
              file,
              line: t.line,
              tests: [{ status: t.status, results: [{ error: { message: 'first try' } }, ...(t.error === undefined ? [] : [{ error: { message: t.error } }])] }],
            })),
          },
        ],
      },
    ],
  };
}

describe('the FAILED lines before the closing line', () => {
  it('names each failed vitest test by file and full name with the first line of its message, and a file that failed to load', async () => {
    const report = vitestWith(
      [
        {
          name: 'tests/unit/a.test.ts',
          tests: [
            { fullName: 'a works', status: 'passed' },
            { fullName: 'a › breaks', status: 'failed', failureMessages: ['\n\u001b[31mAssertionError: expected 1 to be 2\u001b[39m\n    at a.test.ts:3:1'] },
          ],
        },
        { name: 'tests/unit/b.test.ts', tests: [{ fullName: 'b times out', status: 'failed', failureMessages: ['Error: Test timed out in 20000ms.\nIf this is a long-running test…'] }] },
      ],
      { name: 'tests/unit/c.test.ts', message: 'Failed to load url ./missing (resolved id: ./missing)\nDoes the file exist?' },
    );
    const result = await summarize({ 'vitest.json': report }, ['vitest=1']);
    expect(result.code).toBe(1);
    expect(result.lines).toEqual([
      'FAILED tests/unit/a.test.ts › a › breaks: AssertionError: expected 1 to be 2',
      'FAILED tests/unit/b.test.ts › b times out: Error: Test timed out in 20000ms.',
      'FAILED tests/unit/c.test.ts: Failed to load url ./missing (resolved id: ./missing)',
      'Failed: vitest: 2 tests failed.',
      '1 passed, 2 failed',
    ]);
  });

  it('names each unexpected Playwright test by file:line and its suite titles with the last attempt\'s first line, shortened past 200 characters', async () => {
    const long = `Error: ${'x'.repeat(250)}`;
    const report = playwrightWith('security.spec.ts', 'the browser host', [
      { title: 'sends the CSP', line: 12, status: 'expected' },
      { title: 'refuses a foreign Origin', line: 30, status: 'unexpected', error: 'Error: expect(received).toBe(expected)\n\nExpected: 403' },
      { title: 'retried once', line: 44, status: 'flaky' },
      { title: 'says a lot', line: 50, status: 'unexpected', error: long },
    ]);
    const result = await summarize({ 'e2e.json': report }, ['e2e=1']);
    expect(result.code).toBe(1);
    expect(result.lines).toEqual([
      'FAILED security.spec.ts:30 › security.spec.ts › the browser host › refuses a foreign Origin: Error: expect(received).toBe(expected)',
      `FAILED security.spec.ts:50 › security.spec.ts › the browser host › says a lot: ${long.slice(0, 200)}…`,
      'Failed: e2e: 2 tests failed.',
      '2 passed, 2 failed',
    ]);
  });

  it('prints no FAILED line when every test passed (a flaky Playwright test counts as passed)', async () => {
    const result = await summarize(
      {
        'vitest.json': vitestWith([{ name: 'tests/unit/a.test.ts', tests: [{ fullName: 'a works', status: 'passed' }] }]),
        'e2e.json': playwrightWith('app.spec.ts', 'the app', [
          { title: 'opens', line: 5, status: 'expected' },
          { title: 'retried', line: 9, status: 'flaky' },
        ]),
      },
      ['vitest=0', 'e2e=0'],
    );
    expect(result).toEqual({ lines: ['3 passed, 0 failed'], code: 0 });
  });

  it('names at most 30 failures and says how many more', async () => {
    const tests = Array.from({ length: 32 }, (_, i) => ({ fullName: `case ${i}`, status: 'failed' as const, failureMessages: [`Error: ${i}`] }));
    const result = await summarize({ 'vitest.json': vitestWith([{ name: 'tests/unit/many.test.ts', tests }]) }, ['vitest=1']);
    expect(result.lines.filter((line) => line.startsWith('FAILED '))).toHaveLength(30);
    expect(result.lines.at(-3)).toBe('… and 2 more failed tests');
    expect(result.lines.at(-1)).toBe('0 passed, 32 failed');
  });
});

describe('the install settings', () => {
  it('keep npm from running install scripts, so no download at install time can fail `npm install`', () => {
    const npmrc = fs.readFileSync(path.join(root, '.npmrc'), 'utf8').split(/\r?\n/);
    expect(npmrc).toContain('ignore-scripts=true');
  });

  it('have the test command install with the plain command, without ELECTRON_SKIP_BINARY_DOWNLOAD', () => {
    const runAll = fs.readFileSync(path.join(root, 'tests/run-all.sh'), 'utf8');
    expect(runAll).toMatch(/step install npm install\b/);
    expect(runAll).not.toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD/);
  });
});
