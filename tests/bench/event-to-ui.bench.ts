// From an engine event (a container started or stopped by the docker CLI) to the row's new state in the browser host UI.
import { spawn } from 'node:child_process';
import type { Page } from 'playwright';
import { benchDataDir, benchHostEnv } from './bench-services';
import { waitForQuietMachine } from './quiet-machine';
import { launchChromium, openBenchPage, startBrowserHost } from './browser-host';
import { percentile, reportBench, round, runBench, type Figure } from './bench-report';
import { createBenchContainer, docker, engineCall, ensureBenchContainers } from './engine-fixture';

const CYCLES = Number(process.env['LIGHTDOCK_BENCH_EVENT_CYCLES'] ?? 30);
const WARMUP_CYCLES = 2;
const UI_TIMEOUT_MS = 5_000;
/** Sorts first by name and is the newest container, so it is on the first page and in view whatever the grid's order. */
const TARGET_NAME = 'a-ldb-event';
const GOAL_P95_MS = 150;

interface EngineEventLine {
  Action?: string;
  status?: string;
  id?: string;
  timeNano?: number;
}

/** Follows `docker events` for one container from now on (replayed with --since, so none is lost while the CLI connects). */
function followEvents(containerId: string): { next(action: string, timeoutMs: number): Promise<number>; stop(): void } {
  const since = (Date.now() / 1000).toFixed(3);
  const args = ['events', '--since', since, '--filter', `container=${containerId}`, '--filter', 'type=container', '--format', '{{json .}}'];
  const child = spawn('docker', args, {
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const seen: Array<{ action: string; timeNano: number }> = [];
  let buffer = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf('\n');
      if (!line) continue;
      const event = JSON.parse(line) as EngineEventLine;
      seen.push({ action: event.Action ?? event.status ?? '', timeNano: Number(event.timeNano ?? 0) });
    }
  });
  const overall = setTimeout(() => child.kill('SIGTERM'), 10 * 60_000);
  return {
    /** Resolves the engine's time (ms since the epoch) of the first unconsumed event with this action. */
    next: (action, timeoutMs) =>
      new Promise((resolve, reject) => {
        const deadline = Date.now() + timeoutMs;
        const poll = (): void => {
          const index = seen.findIndex((event) => event.action === action);
          if (index >= 0) {
            const [event] = seen.splice(0, index + 1).slice(-1);
            return resolve((event?.timeNano ?? 0) / 1e6);
          }
          if (Date.now() > deadline) return reject(new Error(`no "${action}" event from docker events within ${timeoutMs} ms`));
          setTimeout(poll, 5);
        };
        poll();
      }),
    stop: () => {
      clearTimeout(overall);
      child.kill('SIGTERM');
    },
  };
}

/** The in-page watcher: the state it waits for, when it first saw it (and the last list push before), the row's state. */
interface PageWatch {
  want: string | null;
  hit: number | null;
  pushBeforeHit: number | null;
  state(): string | null;
  arm(want: string): void;
}

/** In the page (from document start): notes the wall-clock arrival of each `containers:changed` push on the host's WebSocket. */
function recordListPushes(): void {
  const Native = window.WebSocket;
  const target = window as unknown as { __ldbLastPush: number | null };
  target.__ldbLastPush = null;
  window.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', (event: MessageEvent) => {
        if (typeof event.data === 'string' && event.data.includes('containers:changed')) target.__ldbLastPush = performance.timeOrigin + performance.now();
      });
    }
  };
}

/** Installs, in the page, a MutationObserver that stamps the wall-clock time the target row first shows the wanted state. */
async function installRowWatcher(page: Page, id: string, name: string): Promise<void> {
  await page.evaluate(
    ({ id, name }) => {
      const findRow = (): Element | null => {
        const table = document.querySelector('table[aria-label="Containers"]') ?? document.body;
        for (const row of table.querySelectorAll('tr')) {
          const rowId = row.getAttribute('data-id') ?? '';
          if ((rowId !== '' && (rowId === id || id.startsWith(rowId))) || (row.textContent ?? '').includes(name)) return row;
        }
        return null;
      };
      const stateOf = (): string | null => {
        const row = findRow();
        if (!row) return null;
        const text = ((row.querySelector('.state') ?? row).textContent ?? '').toLowerCase();
        for (const state of ['running', 'exited', 'created', 'paused', 'restarting', 'removing', 'dead']) {
          if (new RegExp(`\\b${state}\\b`).test(text)) return state;
        }
        return null;
      };
      const watch: PageWatch = {
        want: null,
        hit: null,
        pushBeforeHit: null,
        state: stateOf,
        arm(want: string) {
          watch.want = want;
          watch.hit = null;
          check();
        },
      };
      const check = (): void => {
        if (watch.want === null || watch.hit !== null || stateOf() !== watch.want) return;
        watch.hit = performance.timeOrigin + performance.now();
        watch.pushBeforeHit = (window as unknown as { __ldbLastPush: number | null }).__ldbLastPush;
      };
      new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      (window as unknown as { __ldbWatch: PageWatch }).__ldbWatch = watch;
    },
    { id, name },
  );
}

/** The page clock minus this process's clock, measured at the smallest round trip (the same machine, so near 0). */
async function clockOffset(page: Page): Promise<{ offsetMs: number; rttMs: number }> {
  let best = { offsetMs: 0, rttMs: Number.POSITIVE_INFINITY };
  for (let i = 0; i < 8; i++) {
    const before = Date.now();
    const pageNow = await page.evaluate(() => performance.timeOrigin + performance.now());
    const after = Date.now();
    if (after - before < best.rttMs) best = { offsetMs: pageNow - (before + after) / 2, rttMs: after - before };
  }
  return best;
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const ids = await ensureBenchContainers();
  const existing = (await engineCall('GET', `/containers/json?all=1&filters=${encodeURIComponent(JSON.stringify({ name: [`^/${TARGET_NAME}$`] }))}`)) as Array<{ Id: string }>;
  const target = existing[0]?.Id ?? (await createBenchContainer(TARGET_NAME));
  await docker(['stop', '-t', '0', target]);

  const host = await startBrowserHost(benchHostEnv(benchDataDir('event'), 'docker'));
  const browser = await launchChromium();
  const events = followEvents(target);
  try {
    const { page } = await openBenchPage(browser, { width: 1400, height: 1400 });
    await page.addInitScript(recordListPushes);
    await page.goto(`${host.url}#/containers`);
    await page.locator('table[aria-label="Containers"]').waitFor({ timeout: 20_000 });
    await installRowWatcher(page, target, TARGET_NAME);
    await page.waitForFunction(() => (window as unknown as { __ldbWatch: PageWatch }).__ldbWatch.state() !== null, undefined, { timeout: 20_000 });
    const offset = await clockOffset(page);
    const quiet = await waitForQuietMachine();

    const samples: Array<{ action: 'start' | 'stop'; ms: number }> = [];
    const splits: Array<{ toPush: number; toDom: number }> = [];
    let missed = 0;
    for (let cycle = 0; cycle < WARMUP_CYCLES + CYCLES; cycle++) {
      for (const step of [
        { action: 'start' as const, args: ['start', target], event: 'start', want: 'running' },
        { action: 'stop' as const, args: ['stop', '-t', '0', target], event: 'die', want: 'exited' },
      ]) {
        await page.evaluate((want) => (window as unknown as { __ldbWatch: PageWatch }).__ldbWatch.arm(want), step.want);
        await docker(step.args);
        const eventAt = await events.next(step.event, UI_TIMEOUT_MS);
        let shownAt: number | null = null;
        try {
          await page.waitForFunction(() => (window as unknown as { __ldbWatch: PageWatch }).__ldbWatch.hit !== null, undefined, {
            timeout: UI_TIMEOUT_MS,
            polling: 10,
          });
          const seen = await page.evaluate(() => {
            const { hit, pushBeforeHit } = (window as unknown as { __ldbWatch: PageWatch }).__ldbWatch;
            return { hit, pushBeforeHit };
          });
          shownAt = seen.hit;
          if (cycle >= WARMUP_CYCLES && seen.hit !== null && seen.pushBeforeHit !== null && seen.pushBeforeHit >= eventAt) {
            splits.push({ toPush: seen.pushBeforeHit - eventAt, toDom: seen.hit - seen.pushBeforeHit });
          }
        } catch {
          missed++;
        }
        if (cycle >= WARMUP_CYCLES) samples.push({ action: step.action, ms: shownAt === null ? UI_TIMEOUT_MS : shownAt - eventAt });
      }
    }

    const all = samples.map((sample) => sample.ms);
    const starts = samples.filter((sample) => sample.action === 'start').map((sample) => sample.ms);
    const stops = samples.filter((sample) => sample.action === 'stop').map((sample) => sample.ms);
    const p50 = percentile(all, 50);
    const p95 = percentile(all, 95);
    const notes = [
      `started once the CPUs were quiet (waited ${round(quiet.waitedMs / 1000)} s; ${round(quiet.idle * 100)} % idle)`,
      `${all.length} transitions (${CYCLES} × docker start + docker stop -t 0) with ${ids.length + 1} containers on the engine; event time = timeNano of "start"/"die" from docker events, UI time = DOM mutation showing the new state (MutationObserver, performance.timeOrigin + now)`,
      `start → running p50 ${round(percentile(starts, 50))} ms / p95 ${round(percentile(starts, 95))} ms; die → exited p50 ${round(percentile(stops, 50))} ms / p95 ${round(percentile(stops, 95))} ms`,
      `page clock − bench clock ${offset.offsetMs.toFixed(1)} ms (round trip ${offset.rttMs} ms), not subtracted`,
    ];
    if (splits.length > 0) {
      notes.push(
        `split (median): event → containers:changed push arriving in the page ${round(percentile(splits.map((split) => split.toPush), 50))} ms, push → row updated in the DOM ${round(percentile(splits.map((split) => split.toDom), 50))} ms`,
      );
    }
    if (missed > 0) notes.push(`${missed} transitions did not show within ${UI_TIMEOUT_MS} ms and count as ${UI_TIMEOUT_MS} ms`);
    const figures: Figure[] = [
      { measure: 'Engine event → row state in the browser UI, p50', value: p50, unit: 'ms', references: [], ratio: null, goal: null, notes: [] },
      {
        measure: 'Engine event → row state in the browser UI, p95',
        value: p95,
        unit: 'ms',
        references: [],
        ratio: null,
        goal: { label: `p95 < ${GOAL_P95_MS} ms`, pass: p95 < GOAL_P95_MS },
        notes,
      },
    ];
    reportBench('event-to-ui', figures, startedAt);
  } finally {
    events.stop();
    await browser.close();
    await host.stop();
  }
}

runBench(main);
