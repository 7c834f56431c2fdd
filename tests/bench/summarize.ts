// Reads every bench's JSON result, prints one summary table, and writes it as markdown for the README.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { round, type BenchResult, type Figure } from './bench-report';
import { docker } from './engine-fixture';

const BENCH_ORDER = ['list', 'event-to-ui', 'stats-cpu', 'render-rows', 'image-jobs', 'wsl-calls', 'memory-sampling', 'soak'];

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function row(figure: Figure): string[] {
  return [
    figure.measure,
    `${round(figure.value)} ${figure.unit}`,
    figure.references.map((reference) => `${reference.label}: ${round(reference.value)} ${reference.unit}`).join('; ') || '—',
    figure.ratio ? `${figure.ratio.value.toFixed(2)} (${figure.ratio.label})` : '—',
    figure.goal?.label ?? '—',
    figure.goal ? (figure.goal.pass ? 'PASS' : 'MISS') : '—',
  ];
}

async function engineVersion(): Promise<string> {
  try {
    return (await docker(['version', '--format', '{{.Server.Version}}'], 10_000)).trim();
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const [resultsDir, markdownFile, ...failed] = process.argv.slice(2);
  if (!resultsDir || !markdownFile) throw new Error('usage: summarize.ts <results-dir> <markdown-file> [failed-bench…]');
  const results: BenchResult[] = [];
  for (const bench of BENCH_ORDER) {
    const file = path.join(resultsDir, `${bench}.json`);
    if (fs.existsSync(file)) results.push(JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResult);
  }
  const header = ['Measure', 'Lightdock', 'Reference (same run)', 'Ratio', 'Goal', 'Result'];
  const rows = results.flatMap((result) => result.figures.map(row));
  const notes = results.flatMap((result) => {
    const lines = result.figures.flatMap((figure) => figure.notes);
    return lines.length === 0 ? [] : [`- ${result.bench} (${result.seconds.toFixed(0)} s):`, ...lines.map((note) => `  - ${note}`)];
  });
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const [load1, load5] = os.loadavg();
  const machine =
    `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, dockerd ${await engineVersion()}; ` +
    `load average at the end ${(load1 ?? 0).toFixed(1)} (1 min) / ${(load5 ?? 0).toFixed(1)} (5 min)`;

  const lines = [
    `Benchmark run of ${new Date().toISOString().slice(0, 10)} (\`npm run bench\`) on ${machine}.`,
    '',
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((cells) => `| ${cells.map(cell).join(' | ')} |`),
    '',
    ...notes,
    ...failed.map((bench) => `- The ${bench} bench could not run in this run.`),
    '',
  ];
  fs.writeFileSync(markdownFile, lines.join('\n'));

  process.stdout.write('\n== Summary\n');
  const widths = header.map((title, index) => Math.min(60, Math.max(title.length, ...rows.map((cells) => (cells[index] ?? '').length))));
  const format = (cells: string[]): string => cells.map((text, index) => text.padEnd(widths[index] ?? 0)).join('  ');
  process.stdout.write(`${format(header)}\n`);
  for (const cells of rows) process.stdout.write(`${format(cells)}\n`);
  for (const bench of failed) process.stdout.write(`${bench}: COULD NOT RUN\n`);
  process.stdout.write(`\nWritten to ${markdownFile}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`summary failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
