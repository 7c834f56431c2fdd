// A first page that paints at once: the JavaScript the first page needs (per chunk, from the build's manifest), a
// cold load of #/containers against a blank page served by the same host, and in-app switches into the Containers,
// Distros and Images pages, each with 10 and 1,000 rows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright';
import { benchHostEnv } from './bench-services';
import { launchChromium, openBenchPage, startBrowserHost, type RunningHost } from './browser-host';
import { median, reportBench, round, runBench, type Figure } from './bench-report';
import { installPaintProbe, readPaintProbe, switchAndArm } from './paint-probe';
import { waitForQuietMachine } from './quiet-machine';
import { seededDataDir } from './seeded-rows';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rendererDir = path.join(root, 'out/renderer');
const SMALL = 10;
const LARGE = 1000;
const REPETITIONS = Number(process.env['LIGHTDOCK_BENCH_FIRST_PAINT_REPETITIONS'] ?? 7);
const BYTES_GOAL = 500_000;
const COLD_GOAL_MS = 500;
const SWITCH_GOAL_MS = 100;
const BLANK_PAGE = 'bench-blank.html';
/** Before each cold load and each switch, the CPUs must be this idle over two half-second windows (waiting at most QUIET_MAX_MS). */
const QUIET_IDLE_SHARE = 0.85;
const QUIET_MAX_MS = 5_000;

/** The pages switched into: the hash, the table's accessible name, and the page the switch starts from. */
const TARGETS = [
  { page: 'containers', label: 'Containers', from: 'distros', source: 'src/pages/ContainersPage.tsx' },
  { page: 'distros', label: 'Distros', from: 'containers', source: 'src/pages/DistrosPage.tsx' },
  { page: 'images', label: 'Images', from: 'containers', source: 'src/pages/ImagesPage.tsx' },
] as const;

interface ManifestChunk {
  file: string;
  imports?: string[];
}

/** One chunk the first page loads before it can paint: its file, its size and its gzipped size in bytes. */
interface ChunkSize {
  file: string;
  bytes: number;
  gzip: number;
}

/**
 * The manifest key of the chunk that holds `source`: its own key when it has a chunk of its own, else the named chunk
 * (a list page's, see build/list-page-chunks.mjs) whose source map lists it.
 */
function chunkKeyOf(manifest: Record<string, ManifestChunk>, source: string): string {
  if (manifest[source] !== undefined) return source;
  const key = Object.keys(manifest).find((candidate) => {
    const map = path.join(rendererDir, `${(manifest[candidate] as ManifestChunk).file}.map`);
    if (!fs.existsSync(map)) return false;
    const { sources } = JSON.parse(fs.readFileSync(map, 'utf8')) as { sources: string[] };
    return sources.some((listed) => path.resolve(path.dirname(map), listed) === path.join(root, 'renderer', source));
  });
  if (key === undefined) throw new Error(`no chunk of the build holds ${source}`);
  return key;
}

/**
 * The scripts a cold load of `source`'s page fetches before it can paint: the entry (index.html's script), its static
 * imports (the modulepreloads), the page's own chunk and its static imports, each once, largest first.
 */
function firstPageChunks(source: string): ChunkSize[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(rendererDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const seen = new Set<string>();
  const pending = ['index.html', chunkKeyOf(manifest, source)];
  while (pending.length > 0) {
    const key = pending.pop() as string;
    if (seen.has(key)) continue;
    const chunk = manifest[key];
    if (chunk === undefined) throw new Error(`the build manifest has no ${key}`);
    seen.add(key);
    pending.push(...(chunk.imports ?? []));
  }
  return [...seen]
    .map((key) => {
      const content = fs.readFileSync(path.join(rendererDir, (manifest[key] as ManifestChunk).file));
      return { file: (manifest[key] as ManifestChunk).file, bytes: content.length, gzip: gzipSync(content).length };
    })
    .sort((a, b) => b.bytes - a.bytes);
}

const kb = (bytes: number): string => `${round(bytes / 1000)} KB`;
const sum = (chunks: readonly ChunkSize[], key: 'bytes' | 'gzip'): number => chunks.reduce((total, chunk) => total + chunk[key], 0);

/** A cold load: a fresh browser context opens `url`; ms from navigation start to the frame after the rows (or the blank page) painted. */
async function coldLoad(browser: Browser, url: string, label: string | null, expected: number): Promise<number> {
  const { context, page } = await openBenchPage(browser, { width: 1400, height: 1000 });
  try {
    await page.addInitScript(installPaintProbe, { label, expected, blank: label === null });
    await page.goto(url);
    return (await readPaintProbe(page)).paintedAt;
  } finally {
    await context.close();
  }
}

/**
 * An in-app switch: a fresh context opens the app on `from`, waits until its page and the idle preload of the other
 * pages' code are done (no request for 500 ms) and the machine is quiet (the hidden warm-up renders done), then turns
 * the hash to `to`; ms from the hash change to the frame after the target's table painted its rows.
 */
async function inAppSwitch(browser: Browser, host: RunningHost, target: (typeof TARGETS)[number], expected: number): Promise<number> {
  const { context, page } = await openBenchPage(browser, { width: 1400, height: 1000 });
  try {
    await page.addInitScript(installPaintProbe, { label: null, expected: 0 });
    await page.goto(`${host.url}#/${target.from}`);
    await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 20_000 });
    await page.waitForLoadState('networkidle', { timeout: 30_000 });
    // The switch a user makes once the window has settled: the app's idle preloads and its hidden warm-up renders have
    // finished, and Chromium has torn down the previous context (the CPUs quiet, as before a cold load).
    await waitForQuietMachine(QUIET_IDLE_SHARE, QUIET_MAX_MS);
    await switchAndArm(page, `#/${target.page}`, target.label, expected);
    const probe = await readPaintProbe(page);
    return probe.paintedAt - probe.armedAt;
  } finally {
    await context.close();
  }
}

/** The blank page's URL on the same host, token included (HTML needs it, as the app's page does). */
function blankUrl(host: RunningHost): string {
  const url = new URL(host.url);
  url.pathname = `/${BLANK_PAGE}`;
  return url.toString();
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const chunks = firstPageChunks('src/pages/ContainersPage.tsx');
  const otherPages = TARGETS.filter((target) => target.page !== 'containers').map((target) => {
    const pageChunks = firstPageChunks(target.source);
    return `opening #/${target.page} instead: ${kb(sum(pageChunks, 'bytes'))} (${kb(sum(pageChunks, 'gzip'))} gzipped)`;
  });
  const blankFile = path.join(rendererDir, BLANK_PAGE);
  fs.writeFileSync(blankFile, '<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>Blank</title></head><body></body></html>\n');
  const hosts = new Map<number, RunningHost>();
  let browser: Browser | null = null;
  try {
    for (const rows of [SMALL, LARGE]) hosts.set(rows, await startBrowserHost(benchHostEnv(seededDataDir(rows, true), 'simulated')));
    browser = await launchChromium();
    const quiet = await waitForQuietMachine();
    const load = os.loadavg().map((value) => value.toFixed(2)).join(', ');
    const samples = new Map<string, number[]>();
    const record = (key: string, value: number): void => {
      samples.set(key, [...(samples.get(key) ?? []), value]);
    };
    for (let repetition = 0; repetition < REPETITIONS + 1; repetition++) {
      for (const rows of [SMALL, LARGE]) {
        const host = hosts.get(rows) as RunningHost;
        // Each load starts on a quiet machine, as a window opened by a user does: not while Chromium tears down the
        // previous test's context or a host still answers its last requests.
        await waitForQuietMachine(QUIET_IDLE_SHARE, QUIET_MAX_MS);
        const blank = await coldLoad(browser, blankUrl(host), null, 0);
        await waitForQuietMachine(QUIET_IDLE_SHARE, QUIET_MAX_MS);
        const cold = await coldLoad(browser, `${host.url}#/containers`, 'Containers', rows);
        const switches: number[] = [];
        for (const target of TARGETS) switches.push(await inAppSwitch(browser, host, target, rows));
        if (repetition === 0) continue;
        record(`blank-${rows}`, blank);
        record(`cold-${rows}`, cold);
        TARGETS.forEach((target, index) => record(`switch-${target.page}-${rows}`, switches[index] ?? 0));
      }
    }
    const stat = (key: string): number => median(samples.get(key) ?? [0]);
    const machine = `started once the CPUs were quiet (waited ${round(quiet.waitedMs / 1000)} s; ${round(quiet.idle * 100)} % idle); load average then ${load} on ${os.cpus().length} CPUs`;
    const total = sum(chunks, 'bytes');
    const figures: Figure[] = [
      {
        measure: 'JavaScript the first page (#/containers) loads before it paints: entry, its static imports and the page chunk with its own',
        value: total / 1000,
        unit: 'KB',
        references: [{ label: 'gzipped', value: sum(chunks, 'gzip') / 1000, unit: 'KB' }],
        ratio: null,
        goal: { label: `≤ ${BYTES_GOAL / 1000} KB`, pass: total <= BYTES_GOAL },
        notes: [
          `${chunks.length} chunks (KB = 1,000 bytes, uncompressed; gzipped in brackets): ${chunks.map((chunk) => `${chunk.file.replace(/^assets\//, '')} ${kb(chunk.bytes)} (${kb(chunk.gzip)})`).join(', ')}`,
          ...otherPages,
        ],
      },
      ...[LARGE, SMALL].map(
        (rows): Figure => ({
          measure: `Cold load of #/containers with ${rows} rows → rows painted (median of ${REPETITIONS})`,
          value: stat(`cold-${rows}`),
          unit: 'ms',
          references: [{ label: 'a blank page from the same host, loaded the same way', value: stat(`blank-${rows}`), unit: 'ms' }],
          ratio: { label: 'app / blank page', value: stat(`cold-${rows}`) / Math.max(1, stat(`blank-${rows}`)) },
          goal: { label: `< ${COLD_GOAL_MS} ms`, pass: stat(`cold-${rows}`) < COLD_GOAL_MS },
          notes: [
            `a fresh browser context per load, each started once the CPUs were at least ${QUIET_IDLE_SHARE * 100} % idle for a second (at most ${QUIET_MAX_MS / 1000} s of waiting), the blank page too; timed from navigation start to two animation frames after the table shows a row and its full row count`,
            machine,
          ],
        }),
      ),
      ...TARGETS.map(
        (target): Figure => ({
          measure: `In-app switch #/${target.from} → #/${target.page} with ${LARGE} rows → rows painted (median of ${REPETITIONS})`,
          value: stat(`switch-${target.page}-${LARGE}`),
          unit: 'ms',
          references: [{ label: `same with ${SMALL} rows`, value: stat(`switch-${target.page}-${SMALL}`), unit: 'ms' }],
          ratio: { label: `${LARGE} rows / ${SMALL} rows`, value: stat(`switch-${target.page}-${LARGE}`) / Math.max(1, stat(`switch-${target.page}-${SMALL}`)) },
          goal: {
            label: `< ${SWITCH_GOAL_MS} ms with ${SMALL} and ${LARGE} rows`,
            pass: stat(`switch-${target.page}-${LARGE}`) < SWITCH_GOAL_MS && stat(`switch-${target.page}-${SMALL}`) < SWITCH_GOAL_MS,
          },
          notes: [
            `timed from the hash change, once the app showed #/${target.from} and had settled (its idle preloads of the other pages' code and their hidden warm-up renders done: the CPUs at least ${QUIET_IDLE_SHARE * 100} % idle for a second, at most ${QUIET_MAX_MS / 1000} s of waiting), to two animation frames after the ${target.label} table shows a row and its full row count (the list's request included when the page fetches it)`,
            machine,
          ],
        }),
      ),
    ];
    reportBench('first-paint', figures, startedAt);
  } finally {
    fs.rmSync(blankFile, { force: true });
    await browser?.close();
    for (const host of hosts.values()) await host.stop();
  }
}

runBench(main);
