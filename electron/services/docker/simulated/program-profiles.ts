import type { SimulatedProgram } from './engine-state';
import { noise, pick } from './noise';

/** One process as `ps` inside the container shows it (pid in the container's namespace). */
export interface SimulatedProcess {
  pid: number;
  user: string;
  command: string;
}

/** One generated log line before formatting. */
export interface ProgramLine {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** How a simulated program behaves: its processes, resource use and what it logs. */
export interface ProgramProfile {
  processes: SimulatedProcess[];
  /** Tasks the cgroup's pids counter sees (threads included). */
  tasks: number;
  /** CPU use around which the samples wobble, in % of one CPU. */
  cpuPercent: number;
  memoryBytes: number;
  netRxPerSecond: number;
  netTxPerSecond: number;
  blockReadAtStart: number;
  blockWritePerSecond: number;
  /** Exit code after `docker stop`: 0 when it handles SIGTERM, 137 when the engine has to kill it. */
  stopExitCode: number;
  startup(time: number): ProgramLine[];
  /** The line printed every `everyMs` on average (jittered by a sixth either way); null when it prints none. */
  periodic: { everyMs: number; line(key: string, index: number, time: number): ProgramLine } | null;
  shutdown(time: number): ProgramLine[];
  /** Top-level entries of its root filesystem beyond the Alpine basics. */
  rootExtras: string[];
}

const MiB = 1024 * 1024;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const parts = (time: number) => {
  const d = new Date(time);
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth(),
    d: pad(d.getUTCDate()),
    hms: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
    ms: pad(d.getUTCMilliseconds(), 3),
  };
};
const nginxTime = (t: number): string => {
  const p = parts(t);
  return `${p.y}/${pad(p.mo + 1)}/${p.d} ${p.hms}`;
};
const accessTime = (t: number): string => {
  const p = parts(t);
  return `${p.d}/${MONTHS[p.mo]}/${p.y}:${p.hms} +0000`;
};
const pgTime = (t: number): string => {
  const p = parts(t);
  return `${p.y}-${pad(p.mo + 1)}-${p.d} ${p.hms}.${p.ms} UTC`;
};
const redisTime = (t: number): string => {
  const p = parts(t);
  return `${p.d} ${MONTHS[p.mo]} ${p.y} ${p.hms}.${p.ms}`;
};
const clockTime = (t: number): string => parts(t).hms;

const PAGES = ['/', '/products', '/products/42', '/cart', '/static/app.js', '/static/app.css', '/api/products?page=2', '/favicon.ico'] as const;
const AGENTS = ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36', 'curl/8.5.0'] as const;
const API_ROUTES = ['GET /api/products', 'GET /api/products/42', 'POST /api/cart', 'GET /api/cart', 'GET /api/health'] as const;
const QUERIES = [
  'SELECT id, name, price FROM products ORDER BY id LIMIT 20 OFFSET 20',
  'SELECT id, name, price, stock FROM products WHERE id = $1',
  'INSERT INTO cart_items (cart_id, product_id, qty) VALUES ($1, $2, $3)',
  'SELECT count(*) FROM cart_items WHERE cart_id = $1',
] as const;
const ALPINE_ROOT = ['bin', 'dev', 'etc', 'home', 'lib', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var'];

const none = (): ProgramLine[] => [];

/** The behaviour of each simulated program. */
export function programProfile(program: SimulatedProgram, startLines: readonly string[]): ProgramProfile {
  switch (program) {
    case 'nginx':
      return {
        processes: [
          { pid: 1, user: 'root', command: "nginx: master process nginx -g daemon off;" },
          { pid: 29, user: 'nginx', command: 'nginx: worker process' },
          { pid: 30, user: 'nginx', command: 'nginx: worker process' },
        ],
        tasks: 3,
        cpuPercent: 0.8,
        memoryBytes: 9.8 * MiB,
        netRxPerSecond: 1_900,
        netTxPerSecond: 14_500,
        blockReadAtStart: 11.2 * MiB,
        blockWritePerSecond: 30,
        stopExitCode: 0,
        startup: (t) => [
          { stream: 'stdout', text: '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration' },
          { stream: 'stdout', text: '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/' },
          { stream: 'stdout', text: '/docker-entrypoint.sh: Configuration complete; ready for start up' },
          { stream: 'stderr', text: `${nginxTime(t)} [notice] 1#1: using the "epoll" event method` },
          { stream: 'stderr', text: `${nginxTime(t)} [notice] 1#1: nginx/1.27.3` },
          { stream: 'stderr', text: `${nginxTime(t)} [notice] 1#1: start worker processes` },
          { stream: 'stderr', text: `${nginxTime(t)} [notice] 1#1: start worker process 29` },
          { stream: 'stderr', text: `${nginxTime(t)} [notice] 1#1: start worker process 30` },
        ],
        periodic: {
          everyMs: 1500,
          line: (key, i, t) => {
            const health = noise(key, i * 7 + 1) < 0.25;
            const page = health ? '/healthz' : pick(PAGES, key, i * 7 + 2);
            const status = health ? 200 : noise(key, i * 7 + 3) < 0.06 ? 404 : noise(key, i * 7 + 4) < 0.2 ? 304 : 200;
            const bytes = status === 304 ? 0 : 150 + Math.floor(noise(key, i * 7 + 5) * 9000);
            const from = health ? '127.0.0.1' : '172.18.0.1';
            const agent = health ? 'Wget' : pick(AGENTS, key, i * 7 + 6);
            return { stream: 'stdout', text: `${from} - - [${accessTime(t)}] "GET ${page} HTTP/1.1" ${status} ${bytes} "-" "${agent}" "-"` };
          },
        },
        shutdown: (t) => [
          { stream: 'stderr', text: `${nginxTime(t)} [notice] 1#1: signal 3 (SIGQUIT) received, shutting down` },
          { stream: 'stderr', text: `${nginxTime(t)} [notice] 1#1: exit` },
        ],
        rootExtras: ['docker-entrypoint.d', 'docker-entrypoint.sh'],
      };
    case 'api':
      return {
        processes: [{ pid: 1, user: 'node', command: 'node server.js' }],
        tasks: 11,
        cpuPercent: 6.5,
        memoryBytes: 142 * MiB,
        netRxPerSecond: 9_800,
        netTxPerSecond: 7_400,
        blockReadAtStart: 48 * MiB,
        blockWritePerSecond: 120,
        stopExitCode: 0,
        startup: () => [
          { stream: 'stdout', text: '> shop-api@1.4.2 start' },
          { stream: 'stdout', text: '> node server.js' },
          { stream: 'stdout', text: '{"level":"info","msg":"connected to postgres at db:5432"}' },
          { stream: 'stdout', text: '{"level":"info","msg":"listening on :3000"}' },
        ],
        periodic: {
          everyMs: 1500,
          line: (key, i, t) => {
            const [method, url] = pick(API_ROUTES, key, i * 5 + 1).split(' ') as [string, string];
            const ms = 2 + Math.floor(noise(key, i * 5 + 2) * 40);
            const slow = noise(key, i * 5 + 3) < 0.04;
            return slow
              ? { stream: 'stderr', text: `{"level":"warn","time":"${new Date(t).toISOString()}","msg":"slow request","method":"${method}","url":"${url}","ms":${ms * 25}}` }
              : { stream: 'stdout', text: `{"level":"info","time":"${new Date(t).toISOString()}","msg":"request completed","method":"${method}","url":"${url}","status":200,"ms":${ms}}` };
          },
        },
        shutdown: () => [{ stream: 'stdout', text: '{"level":"info","msg":"SIGTERM received, closing server"}' }],
        rootExtras: ['app'],
      };
    case 'postgres':
      return {
        processes: [
          { pid: 1, user: 'postgres', command: 'postgres' },
          { pid: 57, user: 'postgres', command: 'postgres: checkpointer' },
          { pid: 58, user: 'postgres', command: 'postgres: background writer' },
          { pid: 60, user: 'postgres', command: 'postgres: walwriter' },
          { pid: 61, user: 'postgres', command: 'postgres: autovacuum launcher' },
          { pid: 62, user: 'postgres', command: 'postgres: logical replication launcher' },
          { pid: 74, user: 'postgres', command: 'postgres: shop shop 172.18.0.3(41822) idle' },
        ],
        tasks: 7,
        cpuPercent: 2.2,
        memoryBytes: 96 * MiB,
        netRxPerSecond: 4_100,
        netTxPerSecond: 6_900,
        blockReadAtStart: 38 * MiB,
        blockWritePerSecond: 2_400,
        stopExitCode: 0,
        startup: (t) => [
          { stream: 'stdout', text: '' },
          { stream: 'stdout', text: 'PostgreSQL Database directory appears to contain a database; Skipping initialization' },
          { stream: 'stdout', text: '' },
          { stream: 'stderr', text: `${pgTime(t)} [1] LOG:  starting PostgreSQL 16.6 on x86_64-pc-linux-musl, compiled by gcc (Alpine 14.2.0) 14.2.0, 64-bit` },
          { stream: 'stderr', text: `${pgTime(t)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432` },
          { stream: 'stderr', text: `${pgTime(t)} [1] LOG:  database system is ready to accept connections` },
        ],
        periodic: {
          everyMs: 1500,
          line: (key, i, t) => {
            const ms = (0.05 + noise(key, i * 3 + 1) * 2).toFixed(3);
            return { stream: 'stderr', text: `${pgTime(t)} [74] LOG:  duration: ${ms} ms  statement: ${pick(QUERIES, key, i * 3 + 2)}` };
          },
        },
        shutdown: (t) => [
          { stream: 'stderr', text: `${pgTime(t)} [1] LOG:  received fast shutdown request` },
          { stream: 'stderr', text: `${pgTime(t)} [1] LOG:  database system is shut down` },
        ],
        rootExtras: ['docker-entrypoint-initdb.d'],
      };
    case 'redis':
      return {
        processes: [{ pid: 1, user: 'redis', command: 'redis-server *:6379' }],
        tasks: 5,
        cpuPercent: 0.4,
        memoryBytes: 7.2 * MiB,
        netRxPerSecond: 600,
        netTxPerSecond: 900,
        blockReadAtStart: 6 * MiB,
        blockWritePerSecond: 15,
        stopExitCode: 0,
        startup: (t) => [
          { stream: 'stdout', text: `1:C ${redisTime(t)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo` },
          { stream: 'stdout', text: `1:M ${redisTime(t)} * Server initialized` },
          { stream: 'stdout', text: `1:M ${redisTime(t)} * Ready to accept connections tcp` },
        ],
        periodic: {
          everyMs: 1500,
          line: (key, i, t) => {
            const port = 40000 + Math.floor(noise(key, i) * 20000);
            return i % 2 === 0
              ? { stream: 'stdout', text: `1:M ${redisTime(t)} - Accepted 172.17.0.1:${port}` }
              : { stream: 'stdout', text: `1:M ${redisTime(t)} - Client closed connection id=${i} addr=172.17.0.1:${port}` };
          },
        },
        shutdown: (t) => [
          { stream: 'stdout', text: `1:signal-handler (${Math.floor(t / 1000)}) Received SIGTERM scheduling shutdown...` },
          { stream: 'stdout', text: `1:M ${redisTime(t)} * DB saved on disk` },
          { stream: 'stdout', text: `1:M ${redisTime(t)} # Redis is now ready to exit, bye bye...` },
        ],
        rootExtras: ['data'],
      };
    case 'monitor':
      return {
        processes: [{ pid: 1, user: 'root', command: '/bin/monitor --interval 1500ms' }],
        tasks: 4,
        cpuPercent: 1.6,
        memoryBytes: 18 * MiB,
        netRxPerSecond: 0,
        netTxPerSecond: 0,
        blockReadAtStart: 3 * MiB,
        blockWritePerSecond: 0,
        stopExitCode: 0,
        startup: () => [{ stream: 'stdout', text: 'monitor 0.4.1: watching /proc of the host (pid namespace shared)' }],
        periodic: {
          everyMs: 1500,
          line: (key, i, t) => {
            const load = (0.2 + noise(key, i) * 0.6).toFixed(2);
            const mem = (2.0 + noise(key, i + 1) * 0.4).toFixed(1);
            return { stream: 'stdout', text: `${clockTime(t)} load ${load} | mem ${mem}G/7.7G | procs ${210 + Math.floor(noise(key, i + 2) * 8)}` };
          },
        },
        shutdown: none,
        rootExtras: [],
      };
    case 'sidecar':
      return {
        processes: [
          { pid: 1, user: 'root', command: "/bin/sh -c while :; do wget -qO- http://127.0.0.1/healthz; sleep 2; done" },
          { pid: 12, user: 'root', command: 'sleep 2' },
        ],
        tasks: 2,
        cpuPercent: 0.1,
        memoryBytes: 1.2 * MiB,
        netRxPerSecond: 120,
        netTxPerSecond: 90,
        blockReadAtStart: 1.1 * MiB,
        blockWritePerSecond: 0,
        stopExitCode: 137,
        startup: none,
        periodic: {
          everyMs: 2000,
          line: (key, i, t) => ({ stream: 'stdout', text: `${clockTime(t)} probe http://127.0.0.1/healthz -> 200 (${1 + Math.floor(noise(key, i) * 4)}ms)` }),
        },
        shutdown: none,
        rootExtras: [],
      };
    case 'lines':
    case 'ticker':
      return {
        processes: [
          { pid: 1, user: 'root', command: 'sh -c trap "exit 0" TERM; printf ...; while :; do sleep 1; done' },
          { pid: 7, user: 'root', command: 'sleep 1' },
        ],
        tasks: 2,
        cpuPercent: 0.05,
        memoryBytes: 0.6 * MiB,
        netRxPerSecond: 20,
        netTxPerSecond: 0,
        blockReadAtStart: 0.9 * MiB,
        blockWritePerSecond: 0,
        stopExitCode: 0,
        startup: () => startLines.map((text) => ({ stream: 'stdout' as const, text })),
        periodic: program === 'ticker' ? { everyMs: 200, line: (_key, i) => ({ stream: 'stdout', text: `tick-${i}` }) } : null,
        shutdown: none,
        rootExtras: [],
      };
  }
}

/** The root directory listing of a simulated container. */
export function rootListing(profile: ProgramProfile): string[] {
  return [...ALPINE_ROOT, ...profile.rootExtras].sort();
}

/** The container ports a simulated program listens on (what a reachability check of its published ports finds). */
export function programListensOn(program: SimulatedProgram): number[] {
  switch (program) {
    case 'nginx':
      return [80];
    case 'api':
      return [3000];
    case 'postgres':
      return [5432];
    case 'redis':
      return [6379];
    default:
      return [];
  }
}
