// A pull of a 20-layer image and a build printing 10,000 lines, each followed in the browser host's UI (Images page
// dialogs): frame intervals in the page and CPU of the host (Lightdock's main process) and of Chromium's renderer,
// against the docker CLI doing the same work and the same page idle, in the same run.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright';
import { benchDataDir, benchHostEnv } from './bench-services';
import { launchChromium, openBenchPage, startBrowserHost } from './browser-host';
import { median, percentile, reportBench, round, runBench, type Figure } from './bench-report';
import { BENCH_IMAGE, docker } from './engine-fixture';
import { waitForQuietMachine } from './quiet-machine';
import { clockTicks, descendantPids, dockerdPid, pidsWithCommandLine, processTicks, statFields } from './proc-cpu';

const ROUNDS = Number(process.env['LIGHTDOCK_BENCH_IMAGE_ROUNDS'] ?? 3);
const LAYERS = 20;
const LOG_LINES = 10_000;
const JOB_TIMEOUT_MS = 300_000;
/** A frame interval above this is a visible stall (three frames at 60 Hz). */
const STALL_MS = 50;
const GOAL_FRAME_P95_MS = 50;
const REPOSITORY = 'bench/twenty';
/** When set, the first pull and build through the UI are profiled in the page (CDP Profiler) into this folder as .cpuprofile files. */
const PROFILE_DIR = process.env['LIGHTDOCK_BENCH_RENDERER_PROFILE'];

/** Layer i's size in MiB: 1 to 8, mixed, 94 MiB in all for 20 layers. */
function layerMiB(index: number): number {
  return 1 + ((index * 5) % 8);
}

/** What one measured window gave: its wall time, frame intervals in the page, and CPU ticks of each process. */
interface Window {
  ms: number;
  frames: number[];
  hostTicks: number;
  rendererTicks: number;
  chromiumTicks: number;
  dockerdTicks: number | null;
  /** The page's main thread meanwhile, in ms (Chromium's Performance.getMetrics): all tasks, script, layout, style. */
  main: { task: number; script: number; layout: number; style: number };
}

/** What the page saw of `jobs:progressed` on the host's WebSocket since the last reset. */
interface PushRecord {
  count: number;
  chars: number;
  state: string | null;
  result: string | null;
  lineCount: number;
  layers: number;
}

/** In the page (from document start): counts `jobs:progressed` frames on the host's WebSocket and notes the job's last state. */
function recordJobPushes(): void {
  const Native = window.WebSocket;
  const target = window as unknown as { __ldbJobs: PushRecord };
  target.__ldbJobs = { count: 0, chars: 0, state: null, result: null, lineCount: 0, layers: 0 };
  window.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', (event: MessageEvent) => {
        if (typeof event.data !== 'string' || !event.data.includes('"jobs:progressed"')) return;
        const record = target.__ldbJobs;
        record.count += 1;
        record.chars += event.data.length;
        const cut = event.data.indexOf('"lines":[');
        const head = cut < 0 ? event.data : event.data.slice(0, cut);
        record.state = /"state":"(\w+)"/.exec(head)?.[1] ?? record.state;
        record.result = /"result":"([^"]*)"/.exec(head)?.[1] ?? record.result;
        record.lineCount = Number(/"lineCount":(\d+)/.exec(head)?.[1] ?? record.lineCount);
        record.layers = (head.match(/"done":/g) ?? []).length;
      });
    }
  };
}

/** Starts a requestAnimationFrame loop in the page that keeps every frame interval. */
async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const state = { last: null as number | null, intervals: [] as number[], running: true };
    (window as unknown as { __ldbFrames: typeof state }).__ldbFrames = state;
    const loop = (time: number): void => {
      if (!state.running) return;
      if (state.last !== null && state.intervals.length < 200_000) state.intervals.push(time - state.last);
      state.last = time;
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
}

/** Stops the frame loop and answers its intervals. */
function stopFrames(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const state = (window as unknown as { __ldbFrames: { running: boolean; intervals: number[] } }).__ldbFrames;
    state.running = false;
    return state.intervals;
  });
}

/** The CPU ticks so far of the host, Chromium's renderers, all of Chromium, and dockerd. */
function cpuNow(hostPid: number): { host: number; renderers: Map<number, number>; chromium: Map<number, number>; dockerd: number | null } {
  const chromium = new Map<number, number>();
  for (const pid of pidsWithCommandLine(descendantPids(process.pid), 'chromium')) {
    if (pid === hostPid) continue;
    const ticks = processTicks(pid);
    if (ticks !== null) chromium.set(pid, ticks);
  }
  const renderers = new Map<number, number>();
  for (const pid of pidsWithCommandLine([...chromium.keys()], '--type=renderer')) renderers.set(pid, chromium.get(pid) ?? 0);
  const dockerd = dockerdPid();
  return { host: processTicks(hostPid) ?? 0, renderers, chromium, dockerd: dockerd === null ? null : processTicks(dockerd) };
}

/** Ticks spent between two readings over a set of processes (one that appeared in between counts from zero). */
function spent(before: Map<number, number>, after: Map<number, number>): number {
  let ticks = 0;
  for (const [pid, now] of after) ticks += Math.max(0, now - (before.get(pid) ?? 0));
  return ticks;
}

/** The page's main-thread durations so far, in ms. */
async function mainThread(cdp: CDPSession): Promise<Window['main']> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string): number => (metrics.find((metric) => metric.name === name)?.value ?? 0) * 1000;
  return { task: value('TaskDuration'), script: value('ScriptDuration'), layout: value('LayoutDuration'), style: value('RecalcStyleDuration') };
}

/** Measures frames and CPU in the page while `work` runs (and profiles the page's script into `profileFile` when given). */
async function measure(page: Page, cdp: CDPSession, hostPid: number, work: () => Promise<void>, profileFile?: string): Promise<Window> {
  if (profileFile !== undefined) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
  }
  await startFrames(page);
  const mainBefore = await mainThread(cdp);
  const before = cpuNow(hostPid);
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  const after = cpuNow(hostPid);
  const mainAfter = await mainThread(cdp);
  const frames = await stopFrames(page);
  if (profileFile !== undefined) {
    const { profile } = await cdp.send('Profiler.stop');
    fs.writeFileSync(profileFile, JSON.stringify(profile));
    await cdp.send('Profiler.disable');
  }
  return {
    main: {
      task: mainAfter.task - mainBefore.task,
      script: mainAfter.script - mainBefore.script,
      layout: mainAfter.layout - mainBefore.layout,
      style: mainAfter.style - mainBefore.style,
    },
    ms,
    frames,
    hostTicks: after.host - before.host,
    rendererTicks: spent(before.renderers, after.renderers),
    chromiumTicks: spent(before.chromium, after.chromium),
    dockerdTicks: before.dockerd === null || after.dockerd === null ? null : after.dockerd - before.dockerd,
  };
}

/** Runs a docker CLI command to its end with its output drained; answers its wall time and CPU (this process's waited-for children). */
function timedDocker(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ ms: number; cliTicks: number; dockerdTicks: number | null }> {
  const dockerdBefore = cpuNow(process.pid).dockerd;
  const before = statFields('self');
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('docker', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), JOB_TIMEOUT_MS);
    let stderr = '';
    child.stdout.on('data', () => undefined);
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      const after = statFields('self');
      const dockerdAfter = cpuNow(process.pid).dockerd;
      if (code !== 0) return reject(new Error(`docker ${args.join(' ')} exited with ${code}: ${stderr}`));
      resolve({
        ms,
        cliTicks: Number(after[13]) + Number(after[14]) - Number(before[13]) - Number(before[14]),
        dockerdTicks: dockerdBefore === null || dockerdAfter === null ? null : dockerdAfter - dockerdBefore,
      });
    });
  });
}

/** Runs a shell-free command to its end (the registry helper), with a timeout; answers its stdout. */
function run(command: string, args: string[], timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { env: process.env, timeout: timeoutMs }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}

/** Writes the two build contexts: 20 layers of random bytes, and a RUN printing LOG_LINES lines. */
function writeContexts(dir: string): { layers: string; log: string } {
  const layers = path.join(dir, 'twenty');
  const log = path.join(dir, 'log');
  fs.mkdirSync(layers, { recursive: true });
  fs.mkdirSync(log, { recursive: true });
  const runs = Array.from({ length: LAYERS }, (_, index) => `RUN head -c ${layerMiB(index + 1) * 1024 * 1024} /dev/urandom > /layer-${index + 1}`);
  fs.writeFileSync(path.join(layers, 'Dockerfile'), [`FROM ${BENCH_IMAGE}`, ...runs, ''].join('\n'));
  fs.writeFileSync(
    path.join(log, 'Dockerfile'),
    [`FROM ${BENCH_IMAGE}`, `RUN i=0; while [ $i -lt ${LOG_LINES} ]; do echo "line $i"; i=$((i+1)); done`, ''].join('\n'),
  );
  return { layers, log };
}

const classicBuilder = (): NodeJS.ProcessEnv => ({ ...process.env, DOCKER_BUILDKIT: '0' });

/** Removes an image if it is there (by reference or id). */
async function removeImage(reference: string): Promise<void> {
  await docker(['image', 'rm', '--force', reference], 120_000).catch(() => undefined);
}

async function waitForJob(page: Page, timeoutMs = JOB_TIMEOUT_MS): Promise<PushRecord> {
  await page.waitForFunction(
    () => {
      const state = (window as unknown as { __ldbJobs: PushRecord }).__ldbJobs.state;
      return state !== null && state !== 'running';
    },
    undefined,
    { timeout: timeoutMs, polling: 50 },
  );
  return page.evaluate(() => ({ ...(window as unknown as { __ldbJobs: PushRecord }).__ldbJobs }));
}

async function resetPushes(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __ldbJobs: PushRecord }).__ldbJobs = { count: 0, chars: 0, state: null, result: null, lineCount: 0, layers: 0 };
  });
}

/** Pulls `reference` through the Pull dialog and waits until the dialog shows it done; answers what the pushes said. */
async function pullThroughUi(page: Page, cdp: CDPSession, reference: string, hostPid: number, profileFile?: string): Promise<{ window: Window; pushes: PushRecord }> {
  await resetPushes(page);
  await page.getByRole('button', { name: 'Pull an image…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Pull an image' });
  await dialog.getByRole('textbox', { name: 'Image reference' }).fill(reference);
  let pushes: PushRecord | undefined;
  const window = await measure(page, cdp, hostPid, async () => {
    await dialog.getByRole('button', { name: 'Pull', exact: true }).click();
    pushes = await waitForJob(page);
    await dialog.getByText('Done', { exact: true }).waitFor({ timeout: 30_000 });
  }, profileFile);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'hidden' });
  if (pushes?.state !== 'succeeded') throw new Error(`the pull through the UI ended ${pushes?.state ?? 'unknown'}`);
  return { window, pushes };
}

/** Builds `folder` (no cache) through the Build dialog, following its log; answers the pushes and whether the last line showed. */
async function buildThroughUi(page: Page, cdp: CDPSession, folder: string, hostPid: number, profileFile?: string): Promise<{ window: Window; pushes: PushRecord; lastLineShown: boolean; droppedNote: string | null }> {
  await resetPushes(page);
  await page.getByRole('button', { name: 'Build an image…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Build an image' });
  await dialog.getByRole('textbox', { name: 'Context folder' }).fill(folder);
  await dialog.getByRole('checkbox', { name: 'Do not use the build cache' }).check();
  let pushes: PushRecord | undefined;
  let lastLineShown = false;
  const window = await measure(page, cdp, hostPid, async () => {
    await dialog.getByRole('button', { name: 'Build', exact: true }).click();
    pushes = await waitForJob(page);
    await dialog.getByText('Done', { exact: true }).waitFor({ timeout: 30_000 });
    lastLineShown = await dialog
      .getByText(`line ${LOG_LINES - 1}`, { exact: true })
      .waitFor({ timeout: 10_000 })
      .then(
        () => true,
        () => false,
      );
  }, profileFile);
  const dropped = dialog.getByText(/earlier lines are not shown/);
  const droppedNote = (await dropped.count()) > 0 ? await dropped.first().textContent() : null;
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'hidden' });
  if (pushes?.state !== 'succeeded') throw new Error(`the build through the UI ended ${pushes?.state ?? 'unknown'}`);
  return { window, pushes, lastLineShown, droppedNote };
}

/** Frame statistics of pooled windows. */
function frameStats(windows: readonly Window[]): { p50: number; p95: number; max: number; over: number; count: number } {
  const frames = windows.flatMap((window) => window.frames);
  if (frames.length === 0) return { p50: 0, p95: 0, max: 0, over: 0, count: 0 };
  return { p50: percentile(frames, 50), p95: percentile(frames, 95), max: Math.max(...frames), over: frames.filter((ms) => ms > STALL_MS).length, count: frames.length };
}

/** CPU of pooled windows as a percentage of one core over their summed wall time, and in ms per window. */
function cpuShare(windows: readonly Window[], ticks: (window: Window) => number, ticksPerSecond: number): { percent: number; msEach: number } {
  const totalMs = windows.reduce((sum, window) => sum + window.ms, 0);
  const cpuMs = (windows.reduce((sum, window) => sum + ticks(window), 0) / ticksPerSecond) * 1000;
  return { percent: totalMs > 0 ? (cpuMs / totalMs) * 100 : 0, msEach: cpuMs / Math.max(1, windows.length) };
}

function describeMain(windows: readonly Window[]): string {
  const mean = (pick: (window: Window) => number): number => windows.reduce((sum, window) => sum + pick(window), 0) / Math.max(1, windows.length);
  return `tasks ${round(mean((window) => window.main.task))} ms (script ${round(mean((window) => window.main.script))}, layout ${round(mean((window) => window.main.layout))}, style ${round(mean((window) => window.main.style))})`;
}

function describeFrames(label: string, stats: ReturnType<typeof frameStats>): string {
  return `${label}: ${stats.count} frames, interval p50 ${round(stats.p50)} ms / p95 ${round(stats.p95)} ms / max ${round(stats.max)} ms, ${stats.over} over ${STALL_MS} ms`;
}

/** The figures of one scenario (pull or build): wall time, frames, host CPU and renderer CPU against the CLI and the idle page. */
function scenarioFigures(
  name: string,
  ui: Window[],
  idle: Window[],
  cli: Array<{ ms: number; cliTicks: number; dockerdTicks: number | null }>,
  cliLabel: string,
  ticksPerSecond: number,
  notes: string[],
): Figure[] {
  const uiMs = percentile(ui.map((window) => window.ms), 50);
  const cliMs = percentile(cli.map((run) => run.ms), 50);
  const uiFrames = frameStats(ui);
  const idleFrames = frameStats(idle);
  const host = cpuShare(ui, (window) => window.hostTicks, ticksPerSecond);
  const hostIdle = cpuShare(idle, (window) => window.hostTicks, ticksPerSecond);
  const renderer = cpuShare(ui, (window) => window.rendererTicks, ticksPerSecond);
  const rendererIdle = cpuShare(idle, (window) => window.rendererTicks, ticksPerSecond);
  const chromium = cpuShare(ui, (window) => window.chromiumTicks, ticksPerSecond);
  const cliCpuMs = (cli.reduce((sum, run) => sum + run.cliTicks, 0) / ticksPerSecond / cli.length) * 1000;
  const cliPercent = (cli.reduce((sum, run) => sum + run.cliTicks, 0) / ticksPerSecond / (cli.reduce((sum, run) => sum + run.ms, 0) / 1000)) * 100;
  const dockerdUi = ui.map((window) => window.dockerdTicks).filter((ticks): ticks is number => ticks !== null);
  const dockerdCli = cli.map((run) => run.dockerdTicks).filter((ticks): ticks is number => ticks !== null);
  const dockerdNote =
    dockerdUi.length > 0 && dockerdCli.length > 0
      ? [`dockerd's own CPU per run: ${round(((dockerdUi.reduce((a, b) => a + b, 0) / dockerdUi.length) / ticksPerSecond) * 1000)} ms through the UI, ${round(((dockerdCli.reduce((a, b) => a + b, 0) / dockerdCli.length) / ticksPerSecond) * 1000)} ms for the CLI`]
      : [];
  return [
    {
      measure: `${name} through the browser UI, wall time (median of ${ui.length})`,
      value: uiMs,
      unit: 'ms',
      references: [{ label: cliLabel, value: cliMs, unit: 'ms' }],
      ratio: { label: 'UI / docker CLI', value: uiMs / cliMs },
      goal: null,
      notes: [],
    },
    {
      measure: `${name}: frame interval in the page, p95`,
      value: uiFrames.p95,
      unit: 'ms',
      references: [{ label: 'same page idle, same duration', value: idleFrames.p95, unit: 'ms' }],
      ratio: { label: 'during / idle', value: idleFrames.p95 > 0 ? uiFrames.p95 / idleFrames.p95 : 0 },
      goal: { label: `p95 < ${GOAL_FRAME_P95_MS} ms`, pass: uiFrames.p95 < GOAL_FRAME_P95_MS },
      notes: [],
    },
    {
      measure: `${name}: browser host (main process) CPU`,
      value: host.percent,
      unit: '% of one core',
      references: [
        { label: 'same host, page idle', value: hostIdle.percent, unit: '% of one core' },
        { label: `${cliLabel} process`, value: cliPercent, unit: '% of one core' },
      ],
      ratio: { label: 'host / docker CLI, CPU ms per run', value: cliCpuMs > 0 ? host.msEach / cliCpuMs : 0 },
      goal: null,
      notes: [],
    },
    {
      measure: `${name}: Chromium renderer CPU`,
      value: renderer.percent,
      unit: '% of one core',
      references: [{ label: 'same page idle', value: rendererIdle.percent, unit: '% of one core' }],
      ratio: null,
      goal: null,
      notes: [
        ...notes,
        describeFrames('frames during the job', uiFrames),
        describeFrames('frames idle', idleFrames),
        `the page's main thread per run (Chromium Performance.getMetrics, mean): ${describeMain(ui)}; idle: ${describeMain(idle)}`,
        `CPU per run: host ${round(host.msEach)} ms, renderer ${round(renderer.msEach)} ms, all of Chromium ${round(chromium.msEach)} ms; ${cliLabel} ${round(cliCpuMs)} ms`,
        ...dockerdNote,
      ],
    },
  ];
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  if (!process.env['DOCKER_HOST']?.startsWith('unix://')) throw new Error('DOCKER_HOST must name the private dockerd (run through npm run bench)');
  const ticksPerSecond = await clockTicks();
  const work = benchDataDir('image-jobs');
  const registryDir = path.join(work, 'registry');
  const registry = (await run('bash', ['tests/helpers/registry.sh', 'start', registryDir])).trim().split('\n').pop() ?? '';
  if (!/^127\.0\.0\.1:\d+$/.test(registry)) throw new Error(`the registry did not start: ${registry}`);
  const reference = `${registry}/${REPOSITORY}:1`;
  const builtIds: string[] = [];
  let host: Awaited<ReturnType<typeof startBrowserHost>> | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  try {
    const contexts = writeContexts(path.join(work, 'contexts'));
    process.stdout.write(`image-jobs: building the ${LAYERS}-layer image and pushing it to ${registry}\n`);
    await timedDocker(['build', '--quiet', '--tag', reference, contexts.layers], classicBuilder());
    await timedDocker(['push', reference]);
    await removeImage(reference);
    // The log build's base is local, so both builds below start from the same cache-less state.

    host = await startBrowserHost(benchHostEnv(benchDataDir('image-jobs-host'), 'docker'));
    const hostPid = host.child.pid;
    if (hostPid === undefined) throw new Error('the browser host has no pid');
    browser = await launchChromium();
    const { page } = await openBenchPage(browser, { width: 1400, height: 1000 });
    await page.addInitScript(recordJobPushes);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${host.url}#/images`);
    await page.getByRole('button', { name: 'Pull an image…' }).waitFor({ timeout: 20_000 });
    const quiet = await waitForQuietMachine();

    const pullUi: Window[] = [];
    const pullCli: Array<{ ms: number; cliTicks: number; dockerdTicks: number | null }> = [];
    const pullPushes: PushRecord[] = [];
    const buildUi: Window[] = [];
    const buildCli: Array<{ ms: number; cliTicks: number; dockerdTicks: number | null }> = [];
    const buildPushes: PushRecord[] = [];
    const lastLines: boolean[] = [];
    let droppedNote: string | null = null;
    const idle: Window[] = [];
    for (let pass = 0; pass < ROUNDS; pass += 1) {
      await waitForQuietMachine(0.85, 10_000);
      pullCli.push(await timedDocker(['pull', '--quiet', reference]));
      await removeImage(reference);
      await waitForQuietMachine(0.85, 10_000);
      const pulled = await pullThroughUi(page, cdp, reference, hostPid, pass === 0 && PROFILE_DIR ? path.join(PROFILE_DIR, 'pull.cpuprofile') : undefined);
      pullUi.push(pulled.window);
      pullPushes.push(pulled.pushes);
      await removeImage(reference);

      await waitForQuietMachine(0.85, 10_000);
      const iidFile = path.join(work, `cli-build-${pass}.iid`);
      buildCli.push(await timedDocker(['build', '--no-cache', '--iidfile', iidFile, contexts.log], classicBuilder()));
      builtIds.push(fs.readFileSync(iidFile, 'utf8').trim());
      await waitForQuietMachine(0.85, 10_000);
      const built = await buildThroughUi(page, cdp, contexts.log, hostPid, pass === 0 && PROFILE_DIR ? path.join(PROFILE_DIR, 'build.cpuprofile') : undefined);
      buildUi.push(built.window);
      buildPushes.push(built.pushes);
      lastLines.push(built.lastLineShown);
      droppedNote = built.droppedNote ?? droppedNote;
      if (built.pushes.result) builtIds.push(built.pushes.result);

      await waitForQuietMachine(0.85, 10_000);
      const idleMs = Math.max(2_000, (pulled.window.ms + built.window.ms) / 2);
      idle.push(await measure(page, cdp, hostPid, () => new Promise((resolve) => setTimeout(resolve, idleMs))));
    }

    const megabytes = Array.from({ length: LAYERS }, (_, index) => layerMiB(index + 1)).reduce((a, b) => a + b, 0);
    const pullNotes = [
      `${quiet.idle >= 0.85 ? 'started once the CPUs were quiet' : 'the CPUs did not get quiet (other work on the machine)'} (waited ${round(quiet.waitedMs / 1000)} s; ${round(quiet.idle * 100)} % idle); ${ROUNDS} rounds of docker pull, pull through the UI, docker build, build through the UI, the page idle (as long as the mean of that round's two UI jobs)`,
      `image: ${BENCH_IMAGE} + ${LAYERS} RUN layers of 1–8 MiB of /dev/urandom (${megabytes} MiB) from a local docker-registry at ${registry}, removed before each pull; its base layer is local ("Already exists")`,
      `UI time: click on Pull → the dialog's chip says Done; the page got ${round(median(pullPushes.map((push) => push.count)))} jobs:progressed pushes per pull (median, ${round(median(pullPushes.map((push) => push.chars)) / 1024)} KiB), ${pullPushes[0]?.layers ?? 0} layers in the last`,
      'CPU from /proc/<pid>/stat (utime + stime) before and after each window: the browser host (node out/web/serve.js, which holds the services), the Chromium processes with --type=renderer under this process, the docker CLI as a waited-for child',
    ];
    const buildNotes = [
      `context: FROM ${BENCH_IMAGE} + RUN printing "line 0" … "line ${LOG_LINES - 1}", built with no cache (the dialog's "Do not use the build cache"; the CLI's --no-cache, classic builder)`,
      `UI time: click on Build → Done; the page got ${round(median(buildPushes.map((push) => push.count)))} jobs:progressed pushes per build (median, ${round(median(buildPushes.map((push) => push.chars)) / 1024)} KiB) for ${buildPushes[0]?.lineCount ?? 0} lines; the last line "line ${LOG_LINES - 1}" was in the log view in ${lastLines.filter(Boolean).length} of ${lastLines.length} builds${droppedNote ? `; the dialog said "${droppedNote}"` : ''}`,
    ];
    const figures = [
      ...scenarioFigures(`Pull a ${LAYERS}-layer image (${megabytes} MiB)`, pullUi, idle, pullCli, '`docker pull`', ticksPerSecond, pullNotes),
      ...scenarioFigures(`Build printing ${LOG_LINES.toLocaleString('en')} lines`, buildUi, idle, buildCli, '`DOCKER_BUILDKIT=0 docker build`', ticksPerSecond, buildNotes),
    ];
    reportBench('image-jobs', figures, startedAt);
  } finally {
    await browser?.close().catch(() => undefined);
    await host?.stop();
    await removeImage(reference);
    for (const id of builtIds) await removeImage(id);
    await run('bash', ['tests/helpers/registry.sh', 'stop', registryDir]).catch(() => undefined);
  }
}

runBench(main);
