// Soak: the browser host streaming stats and logs of 100 printing containers to connected WebSocket clients for
// LIGHTDOCK_SOAK_MINUTES (default 10). Reports the host's memory and open-handle growth per minute (least-squares
// slope over a sample every 10 s, after a warm-up) and its CPU. Figures only: nothing here is asserted.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { WebSocket } from 'ws';
import { benchDataDir, benchHostEnv } from './bench-services';
import { reportBench, round, runBench, type Figure } from './bench-report';
import { startBrowserHost, type RunningHost } from './browser-host';
import { BENCH_IMAGE, BENCH_LABEL, engineCall, inBatches } from './engine-fixture';

const CONTAINERS = 100;
const MINUTES = Number(process.env['LIGHTDOCK_SOAK_MINUTES'] ?? 10);
const SAMPLE_EVERY_MS = 10_000;
const WARMUP_MS = 30_000;
/** Subscriptions per client stay under the host's cap of 32: 25 log follows and one stats watch each. */
const PER_CLIENT = 25;
/** Growth goals: flat means under a MiB of resident memory and under one open handle per minute. */
const GOAL_MIB_PER_MINUTE = 1;
const GOAL_FDS_PER_MINUTE = 1;
/** Each container prints a line a second, forever. */
const PRINTER = ['sh', '-c', 'trap "exit 0" TERM; n=0; while :; do n=$((n+1)); echo "soak line $n"; sleep 1; done'];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** One sample of the host process from /proc: resident memory, open file descriptors, CPU ticks. */
interface HostSample {
  atMs: number;
  rssBytes: number;
  fds: number;
  cpuTicks: number;
}

function sampleHost(pid: number, startedAt: number): HostSample {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN);
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {
    atMs: performance.now() - startedAt,
    rssBytes: rssKb * 1024,
    fds: fs.readdirSync(`/proc/${pid}/fd`).length,
    cpuTicks: Number(fields[11]) + Number(fields[12]),
  };
}

/** Least-squares slope of `value` over time, per minute. */
function slopePerMinute(samples: readonly HostSample[], value: (sample: HostSample) => number): number {
  const n = samples.length;
  if (n < 2) return Number.NaN;
  const xs = samples.map((s) => s.atMs / 60_000);
  const ys = samples.map(value);
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i += 1) {
    num += ((xs[i] ?? 0) - mx) * ((ys[i] ?? 0) - my);
    den += ((xs[i] ?? 0) - mx) ** 2;
  }
  return num / den;
}

/** A WebSocket client of the browser host that counts what it is pushed and answers invokes by id. */
class SoakClient {
  lines = 0;
  samples = 0;
  private nextId = 1;
  private readonly waiting = new Map<number, (result: { ok: boolean; error?: { message: string } }) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const frame = JSON.parse(data.toString('utf8')) as
        | { type: 'result'; id: number; result: { ok: boolean; error?: { message: string } } }
        | { type: 'event'; channel: string; payload: { lines?: unknown[]; samples?: unknown[] } };
      if (frame.type === 'result') {
        this.waiting.get(frame.id)?.(frame.result);
        this.waiting.delete(frame.id);
      } else if (frame.channel === 'logs:received') {
        this.lines += frame.payload.lines?.length ?? 0;
      } else if (frame.channel === 'stats:sampled') {
        this.samples += frame.payload.samples?.length ?? 0;
      }
    });
  }

  static async connect(host: RunningHost): Promise<SoakClient> {
    const url = new URL(host.url);
    const socket = new WebSocket(`ws://${url.host}/ipc?token=${url.searchParams.get('token') ?? ''}`, { origin: `http://${url.host}` });
    socket.on('error', (error) => process.stderr.write(`soak client: ${error.message}\n`));
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    socket.send(JSON.stringify({ type: 'ready' }));
    return new SoakClient(socket);
  }

  invoke(channel: string, request: unknown): Promise<void> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${channel} did not answer within 30 s`)), 30_000);
      this.waiting.set(id, (result) => {
        clearTimeout(timer);
        if (result.ok) resolve();
        else reject(new Error(`${channel}: ${result.error?.message ?? 'failed'}`));
      });
      this.socket.send(JSON.stringify({ type: 'invoke', id, channel, request }));
    });
  }

  close(): void {
    this.socket.close();
  }
}

/** Creates and starts the printing containers (no network), labelled for cleanup; returns their ids. */
async function startPrinters(): Promise<string[]> {
  const names = Array.from({ length: CONTAINERS }, (_, i) => `ldb-soak-${String(i).padStart(3, '0')}`);
  return inBatches(names, 4, async (name) => {
    const created = (await engineCall('POST', `/containers/create?name=${encodeURIComponent(name)}`, {
      Image: BENCH_IMAGE,
      Cmd: PRINTER,
      Labels: { [BENCH_LABEL]: 'soak' },
      HostConfig: { NetworkMode: 'none' },
    })) as { Id: string };
    await engineCall('POST', `/containers/${created.Id}/start`, undefined, [304]);
    return created.Id;
  });
}

async function removePrinters(ids: readonly string[]): Promise<void> {
  await inBatches(ids, 8, (id) => engineCall('DELETE', `/containers/${id}?force=1`, undefined, [404]));
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  if (!(MINUTES > 0)) throw new Error(`LIGHTDOCK_SOAK_MINUTES must be a positive number (got ${String(process.env['LIGHTDOCK_SOAK_MINUTES'])})`);
  const ids = await startPrinters();
  let host: RunningHost | null = null;
  const clients: SoakClient[] = [];
  try {
    host = await startBrowserHost(benchHostEnv(benchDataDir('soak'), 'docker'));
    const pid = host.child.pid;
    if (pid === undefined) throw new Error('the browser host has no pid');
    for (let first = 0; first < ids.length; first += PER_CLIENT) {
      const client = await SoakClient.connect(host);
      clients.push(client);
      const mine = ids.slice(first, first + PER_CLIENT);
      await client.invoke('stats:watch', { ids: mine });
      for (const id of mine) await client.invoke('logs:follow', { id, tail: 10, timestamps: true });
    }
    await sleep(WARMUP_MS);

    const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { timeout: 5_000 }).toString().trim()) || 100;
    const samples: HostSample[] = [sampleHost(pid, startedAt)];
    const linesBefore = clients.reduce((sum, c) => sum + c.lines, 0);
    const statsBefore = clients.reduce((sum, c) => sum + c.samples, 0);
    const end = performance.now() + MINUTES * 60_000;
    while (performance.now() < end) {
      await sleep(Math.min(SAMPLE_EVERY_MS, Math.max(0, end - performance.now())));
      if (host.child.exitCode !== null || host.child.signalCode !== null) throw new Error('the browser host died during the soak');
      samples.push(sampleHost(pid, startedAt));
    }
    const first = samples[0] as HostSample;
    const last = samples[samples.length - 1] as HostSample;
    const minutes = (last.atMs - first.atMs) / 60_000;
    const lines = clients.reduce((sum, c) => sum + c.lines, 0) - linesBefore;
    const stats = clients.reduce((sum, c) => sum + c.samples, 0) - statsBefore;
    if (lines === 0 || stats === 0) throw new Error(`the clients received ${lines} log lines and ${stats} stats samples during the soak`);
    const mibPerMinute = slopePerMinute(samples, (s) => s.rssBytes / 2 ** 20);
    const fdsPerMinute = slopePerMinute(samples, (s) => s.fds);
    const cpuPercent = ((last.cpuTicks - first.cpuTicks) / ticksPerSecond / (minutes * 60)) * 100;
    const peakMib = Math.max(...samples.map((s) => s.rssBytes)) / 2 ** 20;
    const throughput = `${round(lines / (minutes * 60))} log lines and ${round(stats / (minutes * 60))} stats samples per s reached the ${clients.length} clients (${CONTAINERS} containers printing a line a second)`;
    const figures: Figure[] = [
      {
        measure: `Soak, ${round(minutes)} min, ${CONTAINERS} containers' logs and stats to ${clients.length} WebSocket clients: host memory growth`,
        value: mibPerMinute,
        unit: 'MiB per minute',
        references: [
          { label: 'host resident memory after warm-up', value: first.rssBytes / 2 ** 20, unit: 'MiB' },
          { label: 'at the end', value: last.rssBytes / 2 ** 20, unit: 'MiB' },
          { label: 'peak', value: peakMib, unit: 'MiB' },
        ],
        ratio: null,
        goal: { label: `< ${GOAL_MIB_PER_MINUTE} MiB per minute`, pass: mibPerMinute < GOAL_MIB_PER_MINUTE },
        notes: [`${samples.length} samples, one every ${SAMPLE_EVERY_MS / 1000} s after a ${WARMUP_MS / 1000} s warm-up; slope by least squares`, throughput],
      },
      {
        measure: 'Soak: host open handles (file descriptors) growth',
        value: fdsPerMinute,
        unit: 'per minute',
        references: [
          { label: 'open after warm-up', value: first.fds, unit: 'fds' },
          { label: 'at the end', value: last.fds, unit: 'fds' },
        ],
        ratio: null,
        goal: { label: `< ${GOAL_FDS_PER_MINUTE} per minute`, pass: fdsPerMinute < GOAL_FDS_PER_MINUTE },
        notes: [],
      },
      {
        measure: 'Soak: host CPU',
        value: cpuPercent,
        unit: '% of one core',
        references: [],
        ratio: null,
        goal: null,
        notes: [],
      },
    ];
    reportBench('soak', figures, startedAt);
  } finally {
    for (const client of clients) client.close();
    await host?.stop();
    await removePrinters(ids);
  }
}

runBench(main);
