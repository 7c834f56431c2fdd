// The closing line of `npm test`: adds up the JSON reports of vitest and Playwright into "N passed, N failed".
// Usage: summarize-results.mjs <results dir> [step=exit code ...]. A step that exited non-zero counts as one
// failure more than the failed tests its report names (an unhandled error, a crash, a missing report), and the
// line before the closing line says why. Exits 1 exactly when the closing line counts a failure.
import fs from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const [dir = 'test-results', ...stepArgs] = process.argv.slice(2);
const reports = { vitest: 'vitest.json', e2e: 'e2e.json', electron: 'electron.json' };
let passed = 0;
let failed = 0;
let skipped = 0;
const reasons = [];
const failures = [];

/** The first line of a failure message, shortened, so the closing lines say what broke. */
function firstLine(message) {
  const line = stripVTControlCharacters(String(message ?? '')).split('\n').find((text) => text.trim() !== '') ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/** Collects the names of a report's failed tests (and why) for the lines before the closing one. */
function collectFailures(step, report) {
  if (step === 'vitest') {
    for (const file of report.testResults ?? []) {
      for (const test of file.assertionResults ?? []) {
        if (test.status === 'failed') failures.push(`${path.relative(process.cwd(), file.name)} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
      }
      if ((file.assertionResults ?? []).length === 0 && file.status === 'failed') failures.push(`${path.relative(process.cwd(), file.name)}: ${firstLine(file.message)}`);
    }
    return;
  }
  const walk = (suite, titles) => {
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected') continue;
        const error = test.results?.at(-1)?.error?.message;
        failures.push(`${spec.file}:${spec.line} › ${[...titles, spec.title].join(' › ')}: ${firstLine(error)}`);
      }
    }
  };
  for (const suite of report.suites ?? []) walk(suite, [suite.title]);
}

/** Reads a suite's report as { passed, failed, skipped }, or null when it is missing or unreadable. */
function readReport(step) {
  const file = path.join(dir, reports[step]);
  if (!fs.existsSync(file)) return null;
  try {
    const report = JSON.parse(fs.readFileSync(file, 'utf8'));
    collectFailures(step, report);
    if (step === 'vitest') {
      return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
    }
    return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected, skipped: report.stats.skipped };
  } catch {
    return null;
  }
}

for (const arg of stepArgs) {
  const [step, codeText] = arg.split('=');
  const code = Number(codeText);
  const report = step in reports ? readReport(step) : undefined;
  if (report) {
    passed += report.passed;
    failed += report.failed;
    skipped += report.skipped;
  }
  if (code === 0) continue;
  if (report === null) {
    failed += 1;
    reasons.push(`${step} exited ${code} and wrote no report`);
  } else if (report && report.failed > 0) {
    reasons.push(`${step}: ${report.failed} test${report.failed === 1 ? '' : 's'} failed`);
  } else if (report) {
    failed += 1;
    reasons.push(`${step} exited ${code} with no failed test: an unhandled error or a failed hook (see its output above)`);
  } else {
    failed += 1;
    reasons.push(`${step} failed (exit ${code})`);
  }
}

for (const failure of failures.slice(0, 30)) console.log(`FAILED ${failure}`);
if (failures.length > 30) console.log(`… and ${failures.length - 30} more failed tests`);
if (reasons.length > 0) console.log(`Failed: ${reasons.join('; ')}.`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
