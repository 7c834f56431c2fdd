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
    const { stdout } = await run(process.execPath, [script, dir, ...steps], { timeout: 10_000 });
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
