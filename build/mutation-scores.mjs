// After `stryker run` (npm run mutation): prints each mutated file's score from reports/mutation/mutation.json (or
// the reports named as arguments, a later report's file replacing an earlier one's) as a Markdown table with every
// surviving mutant, and exits 1 when a file kills fewer than 85 % of its mutants.
import fs from 'node:fs';

const GOAL = 85;
const reportPaths = process.argv.length > 2 ? process.argv.slice(2) : ['reports/mutation/mutation.json'];
const report = { files: {} };
for (const reportPath of reportPaths) Object.assign(report.files, JSON.parse(fs.readFileSync(reportPath, 'utf8')).files);
const rows = [];
const survivors = [];
let failed = false;
for (const [file, { mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  const count = (status) => mutants.filter((m) => m.status === status).length;
  const [killed, survived, timeout, noCoverage] = [count('Killed'), count('Survived'), count('Timeout'), count('NoCoverage')];
  const valid = killed + survived + timeout + noCoverage;
  const score = valid === 0 ? 100 : ((killed + timeout) / valid) * 100;
  if (score < GOAL) failed = true;
  rows.push(`| ${file} | ${killed} | ${survived} | ${timeout} | ${noCoverage} | ${score.toFixed(2)} % |`);
  for (const m of mutants.filter((x) => x.status === 'Survived' || x.status === 'NoCoverage')) {
    const { line, column } = m.location.start;
    survivors.push(`- ${file}:${line}:${column} ${m.mutatorName} (${m.status}): \`${String(m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 120)}\``);
  }
}
console.log('| file | killed | survived | timeout | no coverage | score |\n| --- | ---: | ---: | ---: | ---: | ---: |');
console.log(rows.join('\n'));
if (survivors.length > 0) console.log(`\nSurvivors:\n${survivors.join('\n')}`);
if (failed) {
  console.error(`\nA file is below the goal of ${GOAL} % of mutants killed.`);
  process.exitCode = 1;
}
