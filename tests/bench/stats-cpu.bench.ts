// Main-process CPU while streaming stats for 50 running containers, against an idle baseline and `docker stats`.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import { benchDataDir, composeBenchServices } from './bench-services';
import { reportBench, round, runBench, type Figure } from './bench-report';
import { ensureBenchContainers, killContainers, startContainers } from './engine-fixture';

const RUNNING = 50;
const SECONDS = Number(process.env['LIGHTDOCK_BENCH_STATS_SECONDS'] ?? 15);
const WARMUP_MS = 3_000;
const GOAL_PERCENT = 5;
const CLIENT_ID = 'bench-stats';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU time (user + system) of this process over `work`, as a percentage of one core over the wall time. */
async function ownCpuPercent(ms: number): Promise<number> {
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  await sleep(ms);
  const cpu = process.cpuUsage(cpuBefore);
  return ((cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore)) * 100;
}

/** The kernel's clock ticks per second (`getconf CLK_TCK`). */
function clockTicks(): Promise<number> {
  return new Promise((resolve) => {
    execFile('getconf', ['CLK_TCK'], { timeout: 5_000 }, (error, stdout) => resolve(error ? 100 : Number(stdout.trim()) || 100));
  });
}

/** utime + stime of a process, in clock ticks, from /proc/<pid>/stat (fields 14 and 15, after the command name). */
function processTicks(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** Another process's CPU over `ms`, as a percentage of one core. */
async function otherCpuPercent(pid: number, ms: number, ticksPerSecond: number): Promise<number> {
  const before = processTicks(pid);
  const wallBefore = performance.now();
  await sleep(ms);
  const ticks = processTicks(pid) - before;
  return ((ticks / ticksPerSecond) * 1000 / (performance.now() - wallBefore)) * 100;
}

/** The private dockerd's pid, when the harness left its pidfile where run-bench.sh says. */
function dockerdPid(): number | null {
  const file = process.env['LIGHTDOCK_BENCH_DOCKERD_PIDFILE'];
  if (!file || !fs.existsSync(file)) return null;
  const pid = Number(fs.readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && fs.existsSync(`/proc/${pid}/stat`) ? pid : null;
}

/** Runs `phase` while measuring the engine's own CPU over the same window, when its pid is known. */
async function withEngineCpu<T>(ms: number, ticksPerSecond: number, phase: () => Promise<T>): Promise<{ result: T; engine: number | null }> {
  const pid = dockerdPid();
  const [result, engine] = await Promise.all([phase(), pid === null ? Promise.resolve(null) : otherCpuPercent(pid, ms, ticksPerSecond)]);
  return { result, engine };
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const ticksPerSecond = await clockTicks();
  const ids = (await ensureBenchContainers()).slice(0, RUNNING);
  await startContainers(ids);
  const services = composeBenchServices(benchDataDir('stats'));
  const windowMs = SECONDS * 1000;
  try {
    await services.engine.list();
    await sleep(1_000);
    const idle = await withEngineCpu(windowMs, ticksPerSecond, () => ownCpuPercent(windowMs));

    let samples = 0;
    const sampled = new Set<string>();
    const unsubscribe = services.events.subscribe((channel, payload, target) => {
      if (channel !== 'stats:sampled' || target !== CLIENT_ID) return;
      const batch = (payload as { samples: Array<{ id: string }> }).samples;
      samples += batch.length;
      for (const sample of batch) sampled.add(sample.id);
    });
    const { subscriptionId } = await services.streams.watchStats(CLIENT_ID, ids);
    await sleep(WARMUP_MS);
    const samplesBefore = samples;
    sampled.clear();
    const ours = await withEngineCpu(windowMs, ticksPerSecond, () => ownCpuPercent(windowMs));
    const samplesMeasured = samples - samplesBefore;
    services.streams.stop(CLIENT_ID, subscriptionId);
    unsubscribe();
    if (samplesMeasured === 0) throw new Error('the service streamed no stats sample for the 50 running containers');

    const cli = spawn('docker', ['stats', '--format', 'json', ...ids], { env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let cliLines = 0;
    let cliLinesMeasured = 0;
    cli.stdout.on('data', (chunk: Buffer) => {
      cliLines += chunk.toString().split('\n').filter((line) => line.includes('{')).length;
    });
    const cliTimer = setTimeout(() => cli.kill('SIGKILL'), WARMUP_MS + windowMs + 30_000);
    let cliPercent: number;
    let cliEngine: number | null;
    try {
      await sleep(WARMUP_MS);
      if (cli.pid === undefined || cli.exitCode !== null) throw new Error('docker stats did not keep running');
      const pid = cli.pid;
      const linesBefore = cliLines;
      const measured = await withEngineCpu(windowMs, ticksPerSecond, () => otherCpuPercent(pid, windowMs, ticksPerSecond));
      cliLinesMeasured = cliLines - linesBefore;
      cliPercent = measured.result;
      cliEngine = measured.engine;
    } finally {
      clearTimeout(cliTimer);
      cli.kill('SIGTERM');
    }
    if (cliLines === 0) throw new Error('docker stats printed nothing');

    const engineNote =
      ours.engine === null
        ? 'dockerd CPU not measured (no pidfile)'
        : `dockerd itself meanwhile: ${round(idle.engine ?? 0)} % idle, ${round(ours.engine)} % serving our stream, ${round(cliEngine ?? 0)} % serving docker stats`;
    const figures: Figure[] = [
      {
        measure: `Main-process CPU streaming stats for ${ids.length} running containers (${SECONDS} s)`,
        value: ours.result,
        unit: '% of one core',
        references: [
          { label: 'same process idle, same duration (baseline)', value: idle.result, unit: '% of one core' },
          { label: '`docker stats --format json` CLI process, same containers', value: cliPercent, unit: '% of one core' },
        ],
        ratio: { label: 'ours / docker stats CLI', value: ours.result / cliPercent },
        goal: { label: `< ${GOAL_PERCENT} % of one core`, pass: ours.result < GOAL_PERCENT },
        notes: [
          `${samplesMeasured} samples of ${sampled.size} distinct containers pushed in ${SECONDS} s (${round(samplesMeasured / SECONDS)} per s, the latest per container once a second); docker stats printed ${cliLinesMeasured} rows (${round(cliLinesMeasured / SECONDS)} per s)`,
          engineNote,
        ],
      },
    ];
    reportBench('stats-cpu', figures, startedAt);
  } finally {
    services.dispose();
    await killContainers(ids);
  }
}

runBench(main);
