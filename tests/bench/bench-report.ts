import fs from 'node:fs';
import path from 'node:path';

/** A reference measured in the same run, shown next to a figure. */
export interface Reference {
  label: string;
  value: number;
  unit: string;
}

/** One reported figure: its value, the references it is compared with, the ratio, and its goal. */
export interface Figure {
  measure: string;
  value: number;
  unit: string;
  references: Reference[];
  ratio: { label: string; value: number } | null;
  goal: { label: string; pass: boolean } | null;
  notes: string[];
}

/** What one bench file reports: its name, its figures, and how long it took. */
export interface BenchResult {
  bench: string;
  figures: Figure[];
  seconds: number;
}

/** The median of a non-empty list (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** The p-th percentile (0–100) of a non-empty list, linearly interpolated between closest ranks. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = sorted[low] ?? 0;
  const highValue = sorted[high] ?? lowValue;
  return lowValue + (highValue - lowValue) * (rank - low);
}

/** Rounds for display: one decimal under 100, none above. */
export function round(value: number): number {
  return Math.abs(value) < 100 ? Math.round(value * 10) / 10 : Math.round(value);
}

/** Prints each figure on the console with its references, ratio and PASS/MISS, the way the summary shows them. */
export function printFigures(figures: readonly Figure[]): void {
  for (const figure of figures) {
    const goal = figure.goal ? `  goal ${figure.goal.label}: ${figure.goal.pass ? 'PASS' : 'MISS'}` : '';
    process.stdout.write(`  ${figure.measure}: ${round(figure.value)} ${figure.unit}${goal}\n`);
    for (const reference of figure.references) {
      process.stdout.write(`    reference ${reference.label}: ${round(reference.value)} ${reference.unit}\n`);
    }
    if (figure.ratio) process.stdout.write(`    ratio ${figure.ratio.label}: ${figure.ratio.value.toFixed(2)}\n`);
    for (const note of figure.notes) process.stdout.write(`    note: ${note}\n`);
  }
}

/** Writes a bench's result as JSON into `LIGHTDOCK_BENCH_RESULTS` (when set) for the summary, and prints it. */
export function reportBench(bench: string, figures: Figure[], startedAt: number): void {
  const result: BenchResult = { bench, figures, seconds: (performance.now() - startedAt) / 1000 };
  process.stdout.write(`\n[${bench}] done in ${result.seconds.toFixed(1)} s\n`);
  printFigures(figures);
  const dir = process.env['LIGHTDOCK_BENCH_RESULTS'];
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${bench}.json`), `${JSON.stringify(result, null, 2)}\n`);
  }
}

/** Runs a bench's main function: prints a failure and exits 1 if it throws, exits 0 when it finishes. */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
