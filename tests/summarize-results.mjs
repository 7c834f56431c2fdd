// The closing line of `npm test`: adds up the JSON reports of vitest and Playwright into "N passed, N failed".
// Usage: summarize-results.mjs <results dir> [step=exit code ...]. A step that exited non-zero counts as one
// failure more than the failed tests its report names (an unhandled error, a crash, a missing report), and the
// line before the closing line says why. Exits 1 exactly when the closing line counts a failure.
import fs from 'node:fs';
import path from 'node:path';

const [dir = 'test-results', ...stepArgs] = process.argv.slice(2);
const reports = { vitest: 'vitest.json', e2e: 'e2e.json', electron: 'electron.json' };
let passed = 0;
let failed = 0;
let skipped = 0;
const reasons = [];

/** Reads a suite's report as { passed, failed, skipped }, or null when it is missing or unreadable. */
function readReport(step) {
  const file = path.join(dir, reports[step]);
  if (!fs.existsSync(file)) return null;
  try {
    const report = JSON.parse(fs.readFileSync(file, 'utf8'));
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

if (reasons.length > 0) console.log(`Failed: ${reasons.join('; ')}.`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
