// What the memory history's sampler costs the main process with 100 containers, net of the same process idle, on the
// simulated host and engine and (when the harness gives one) on a real dockerd with 100 running `sleep` containers,
// with where the time goes (one report, one sample, one write of the full file) and a reference from the same run.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import type { MemoryReport } from '../../shared/model/memory';
import { composeServices, type Services } from '../../electron/hosts/common/compose-services';
import { MINUTE_CAPACITY, SECOND_CAPACITY, openHistoryFile } from '../../electron/services/metrics/history-file';
import { sampleOfReport } from '../../electron/services/metrics/sample-of-report';
import { silentLogger, systemClock } from '../../electron/services/ports';
import { SimulatedEngine } from '../../electron/services/docker/simulated/simulated-engine';
import { benchDataDir, benchHostEnv, composeBenchServices } from './bench-services';
import { reportBench, round, runBench, type Figure } from './bench-report';
import { ensureBenchContainers, killContainers, startContainers } from './engine-fixture';
import { profileShares, type ProfileShare } from './cpu-profile-shares';
import { waitForQuietMachine } from './quiet-machine';

const CONTAINERS = 100;
const SECONDS = Number(process.env['LIGHTDOCK_BENCH_MEMORY_SECONDS'] ?? 20);
const WARMUP_MS = 3_000;
const GOAL_PERCENT = 1;
const CLIENT_ID = 'bench-memory';
const DISTRO = 'Ubuntu-24.04';
/** The sampler writes its file about every 10 s while sampling. */
const WRITE_EVERY_S = 10;
/** Reports profiled (one a second) to say where a report's time goes. */
const PROFILED_REPORTS = 20;
const REPO_ROOT = `${path.resolve(import.meta.dirname, '..', '..')}/`;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU time (user + system) of this process while `ms` pass, as a percentage of one core. */
async function ownCpuPercent(ms: number): Promise<number> {
  const before = process.cpuUsage();
  const wallBefore = performance.now();
  await sleep(ms);
  const cpu = process.cpuUsage(before);
  return ((cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore)) * 100;
}

/** CPU milliseconds this process spends in `work`, per call, over `times` sequential calls. */
async function cpuMsPerCall(times: number, work: () => unknown): Promise<number> {
  const before = process.cpuUsage();
  for (let index = 0; index < times; index += 1) await work();
  const cpu = process.cpuUsage(before);
  return (cpu.user + cpu.system) / 1000 / times;
}

/** The kernel's clock ticks per second (`getconf CLK_TCK`). */
function clockTicks(): Promise<number> {
  return new Promise((resolve) => {
    execFile('getconf', ['CLK_TCK'], { timeout: 5_000 }, (error, stdout) => resolve(error ? 100 : Number(stdout.trim()) || 100));
  });
}

/** Fields of /proc/<pid>/stat after the command name (index 11/12 = utime/stime, 13/14 = cutime/cstime of waited-for children). */
function statFields(pid: number | 'self'): string[] {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** The private dockerd's pid, when the harness left its pidfile where run-bench.sh says. */
function dockerdPid(): number | null {
  const file = process.env['LIGHTDOCK_BENCH_DOCKERD_PIDFILE'];
  if (!file || !fs.existsSync(file)) return null;
  const pid = Number(fs.readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && fs.existsSync(`/proc/${pid}/stat`) ? pid : null;
}

/** dockerd's CPU ticks so far (utime + stime), or null without its pid. */
function dockerdTicks(): number | null {
  const pid = dockerdPid();
  if (pid === null) return null;
  const fields = statFields(pid);
  return Number(fields[11]) + Number(fields[12]);
}

/** How many container nodes a report holds, over every root. */
function containerNodes(report: MemoryReport): number {
  let count = 0;
  const visit = (node: MemoryReport['roots'][number]): void => {
    if (node.kind === 'container') count += 1;
    for (const child of node.children) visit(child);
  };
  for (const root of report.roots) visit(root);
  return count;
}

interface SamplerFigures {
  idle: number;
  watching: number;
  samples: number;
  reportCpuMs: number;
  reportParts: Array<{ part: string; cpuMs: number }>;
  /** Shares of the busy CPU samples by file over PROFILED_REPORTS reports taken a second apart, as the sampler takes them. */
  reportProfile: ProfileShare[];
  sampleCpuUs: number;
  writeCpuMs: number;
  fileBytes: number;
  containersInReport: number;
  quiet: { waitedMs: number; idle: number };
  dockerd: { idle: number; watching: number } | null;
}

/** CPU per call of each read a memory report makes (what MemoryService.report awaits), called on their own. */
async function reportPartsCpu(services: Services): Promise<Array<{ part: string; cpuMs: number }>> {
  const parts: Array<[string, () => Promise<unknown>]> = [
    ['engine.status (placement)', () => services.engine.status()],
    ['wsl.list (placement)', () => services.wsl.list()],
    ['wsl.memoryUsage', () => services.wsl.memoryUsage()],
    ['wsl.vm', () => services.wsl.vm()],
    ['engine.containerMemory', () => services.engine.containerMemory()],
    ['engine.list (OOM check)', () => services.engine.list()],
  ];
  const measured: Array<{ part: string; cpuMs: number }> = [];
  for (const [part, call] of parts) measured.push({ part, cpuMs: await cpuMsPerCall(20, call) });
  return measured;
}

/** Measures the sampler on composed services: idle, then watched by one visible client, then its parts one by one. */
async function measureSampler(services: Services, ticksPerSecond: number): Promise<SamplerFigures> {
  const windowMs = SECONDS * 1000;
  const first = await services.memory.report();
  const containersInReport = containerNodes(first);
  if (containersInReport < CONTAINERS) throw new Error(`the memory report shows ${containersInReport} containers, not ${CONTAINERS}`);
  const quiet = await waitForQuietMachine(0.85, 15_000);

  const dockerdBefore = dockerdTicks();
  const idle = await ownCpuPercent(windowMs);
  const dockerdIdle = dockerdTicks();

  let samples = 0;
  let last: MemoryReport = first;
  const unsubscribe = services.events.subscribe((channel, payload, target) => {
    if (channel !== 'memory:sampled' || target !== CLIENT_ID) return;
    samples += 1;
    last = (payload as { report: MemoryReport }).report;
  });
  const { subscriptionId } = await services.memoryHistory.watch(CLIENT_ID);
  await sleep(WARMUP_MS);
  const samplesBefore = samples;
  const dockerdWatchBefore = dockerdTicks();
  const watching = await ownCpuPercent(windowMs);
  const dockerdWatchAfter = dockerdTicks();
  const measured = samples - samplesBefore;
  services.memoryHistory.unwatch(CLIENT_ID, subscriptionId);
  unsubscribe();
  if (measured === 0) throw new Error('the sampler pushed no sample');

  const reportCpuMs = await cpuMsPerCall(20, () => services.memory.report());
  const reportParts = await reportPartsCpu(services);
  const reportProfile = await profileShares(async () => {
    for (let index = 0; index < PROFILED_REPORTS; index += 1) {
      await services.memory.report();
      await sleep(1_000);
    }
  }, REPO_ROOT, 100);
  const sampleCpuUs = (await cpuMsPerCall(2_000, () => sampleOfReport(last, Date.now()))) * 1000;
  const sample = sampleOfReport(last, Date.now());
  const dir = benchDataDir('memory-file');
  const file = openHistoryFile(dir, systemClock, silentLogger);
  const full = { version: 1 as const, seconds: Array.from({ length: SECOND_CAPACITY }, () => sample), minutes: Array.from({ length: MINUTE_CAPACITY }, () => sample) };
  file.write(full);
  const writeCpuMs = await cpuMsPerCall(10, () => file.write(full));
  const fileBytes = fs.statSync(file.filePath).size;

  const perSecond = (from: number | null, to: number | null): number => (from === null || to === null ? 0 : (((to - from) / ticksPerSecond) * 1000 * 100) / windowMs);
  return {
    idle,
    watching,
    samples: measured,
    reportCpuMs,
    reportParts,
    reportProfile,
    sampleCpuUs,
    writeCpuMs,
    fileBytes,
    containersInReport,
    quiet,
    dockerd: dockerdBefore === null ? null : { idle: perSecond(dockerdBefore, dockerdIdle), watching: perSecond(dockerdWatchBefore, dockerdWatchAfter) },
  };
}

/** Notes on where the sampler's time goes, shared by both scenarios. */
function partsNotes(figures: SamplerFigures): string[] {
  const writePercent = (figures.writeCpuMs / (WRITE_EVERY_S * 1000)) * 100;
  return [
    `${figures.samples} samples pushed in ${SECONDS} s, each with a report of ${figures.containersInReport} containers; started once the CPUs were quiet (waited ${round(figures.quiet.waitedMs / 1000)} s; ${round(figures.quiet.idle * 100)} % idle)`,
    `where a report's CPU goes (${PROFILED_REPORTS} reports a second apart under the inspector's sampling profiler; share of the busy samples by the repository file or package nearest on the stack): ${figures.reportProfile
      .slice(0, 8)
      .map(({ where, share }) => `${where} ${round(share * 100)} %`)
      .join(', ')}`,
    `where the time goes: one memory report ${round(figures.reportCpuMs)} ms CPU (${round(figures.reportCpuMs / 10)} % of one core at one a second; its reads called alone: ${figures.reportParts.map(({ part, cpuMs }) => `${part} ${round(cpuMs)} ms`).join(', ')}); deriving the sample ${round(figures.sampleCpuUs)} µs; writing the full history file (${SECOND_CAPACITY} + ${MINUTE_CAPACITY} points, ${round(figures.fileBytes / 1024)} KiB) ${round(figures.writeCpuMs)} ms CPU, ${writePercent.toFixed(2)} % of one core at one write per ${WRITE_EVERY_S} s (the measured window wrote a file of at most ${SECONDS + WARMUP_MS / 1000} points)`,
  ];
}

/** (a) The simulated host and engine with 100 more running containers in the engine's distro; reference: the stats stream of the same containers. */
async function simulatedScenario(ticksPerSecond: number): Promise<Figure> {
  const dataDir = benchDataDir('memory-sim');
  const services = composeServices({
    env: benchHostEnv(dataDir, 'simulated'),
    platform: 'linux',
    homeDir: dataDir,
    clock: systemClock,
    logger: silentLogger,
    openSettingsStore: (dir, name) => new Conf<Record<string, unknown>>({ cwd: dir, configName: name }),
  });
  try {
    await services.wsl.start(DISTRO);
    const engine = await services.engine.current();
    if (!(engine instanceof SimulatedEngine)) throw new Error(`expected the simulated engine, got ${engine.kind}`);
    const ids = Array.from({ length: CONTAINERS }, (_, index) => engine.createForTest({ name: `ldb-sim-${String(index).padStart(3, '0')}`, memory: 256 * 1024 * 1024 }));
    const figures = await measureSampler(services, ticksPerSecond);

    const windowMs = SECONDS * 1000;
    const idleAgain = await ownCpuPercent(windowMs);
    const { subscriptionId } = await services.streams.watchStats(CLIENT_ID, ids);
    await sleep(WARMUP_MS);
    const streaming = await ownCpuPercent(windowMs);
    services.streams.stop(CLIENT_ID, subscriptionId);

    const cost = figures.watching - figures.idle;
    return {
      measure: `Memory sampler CPU, ${CONTAINERS} simulated containers (simulated host and engine; watching − idle, ${SECONDS} s)`,
      value: cost,
      unit: '% of one core',
      references: [
        { label: 'same process idle (baseline)', value: figures.idle, unit: '% of one core' },
        { label: 'same process while sampling', value: figures.watching, unit: '% of one core' },
        { label: `stats stream of the same ${CONTAINERS} containers (streams.watchStats, streaming − idle)`, value: streaming - idleAgain, unit: '% of one core' },
      ],
      ratio: { label: 'sampler / stats stream', value: cost / Math.max(0.01, streaming - idleAgain) },
      goal: { label: `< ${GOAL_PERCENT} % of one core`, pass: cost < GOAL_PERCENT },
      notes: partsNotes(figures),
    };
  } finally {
    services.dispose();
  }
}

/** CPU of one `docker stats --no-stream` over the containers (this process's waited-for children), and dockerd's meanwhile. */
async function dockerStatsOnce(ids: readonly string[], ticksPerSecond: number): Promise<{ cliMs: number; dockerdMs: number | null }> {
  const before = statFields('self');
  const dockerdBefore = dockerdTicks();
  await new Promise<void>((resolve, reject) => {
    const child = spawn('docker', ['stats', '--no-stream', '--format', 'json', ...ids], { env: process.env, stdio: ['ignore', 'ignore', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`docker stats --no-stream exited with ${code}: ${stderr}`));
    });
  });
  const after = statFields('self');
  const dockerdAfter = dockerdTicks();
  const children = Number(after[13]) + Number(after[14]) - Number(before[13]) - Number(before[14]);
  return {
    cliMs: (children / ticksPerSecond) * 1000,
    dockerdMs: dockerdBefore === null || dockerdAfter === null ? null : ((dockerdAfter - dockerdBefore) / ticksPerSecond) * 1000,
  };
}

/** (b) A real dockerd with 100 running `sleep` containers; reference: `docker stats --no-stream` over the same containers. */
async function dockerScenario(ticksPerSecond: number): Promise<Figure> {
  const ids = (await ensureBenchContainers(CONTAINERS)).slice(0, CONTAINERS);
  await startContainers(ids);
  const services = composeBenchServices(benchDataDir('memory-docker'));
  try {
    await services.wsl.start(DISTRO);
    const figures = await measureSampler(services, ticksPerSecond);
    const runs = [];
    for (let index = 0; index < 3; index += 1) runs.push(await dockerStatsOnce(ids, ticksPerSecond));
    const cliMs = runs.reduce((sum, run) => sum + run.cliMs, 0) / runs.length;
    const dockerdRuns = runs.map((run) => run.dockerdMs).filter((ms): ms is number => ms !== null);
    const cost = figures.watching - figures.idle;
    const asPercent = cliMs / 10;
    return {
      measure: `Memory sampler CPU, ${CONTAINERS} running sleep containers on a real dockerd (watching − idle, ${SECONDS} s)`,
      value: cost,
      unit: '% of one core',
      references: [
        { label: 'same process idle (baseline)', value: figures.idle, unit: '% of one core' },
        { label: 'same process while sampling', value: figures.watching, unit: '% of one core' },
        { label: `\`docker stats --no-stream\` CLI over the same ${CONTAINERS} containers, once a second`, value: asPercent, unit: '% of one core' },
      ],
      ratio: { label: 'sampler / docker stats --no-stream once a second', value: cost / Math.max(0.01, asPercent) },
      goal: { label: `< ${GOAL_PERCENT} % of one core`, pass: cost < GOAL_PERCENT },
      notes: [
        ...partsNotes(figures),
        figures.dockerd === null
          ? 'dockerd CPU not measured (no pidfile)'
          : `dockerd itself: ${round(figures.dockerd.idle)} % of one core idle, ${round(figures.dockerd.watching)} % while the sampler ran; one docker stats --no-stream cost the CLI ${round(cliMs)} ms CPU and dockerd ${dockerdRuns.length === 0 ? '?' : round(dockerdRuns.reduce((sum, ms) => sum + ms, 0) / dockerdRuns.length)} ms (mean of ${runs.length})`,
      ],
    };
  } finally {
    services.dispose();
    await killContainers(ids);
  }
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const ticksPerSecond = await clockTicks();
  const figures: Figure[] = [await simulatedScenario(ticksPerSecond)];
  if (process.env['DOCKER_HOST']?.startsWith('unix://')) figures.push(await dockerScenario(ticksPerSecond));
  else process.stdout.write('memory-sampling: no private dockerd (DOCKER_HOST unset), the real-engine figure is left out\n');
  reportBench('memory-sampling', figures, startedAt);
}

runBench(main);
