import { execFile } from 'node:child_process';
import http from 'node:http';

/** The image the dockerd harness imports (tests/helpers/dockerd.sh). */
export const BENCH_IMAGE = 'lightdock-test/busybox:latest';

/** The label every container the benchmark creates carries, so cleanup finds them all. */
export const BENCH_LABEL = 'lightdock.bench';

/** How many containers the issue asks the engine to hold. */
export const BENCH_CONTAINER_COUNT = 200;

/** The private engine's socket path, from `DOCKER_HOST=unix://…` (the only kind of endpoint the bench accepts). */
export function benchSocketPath(env: NodeJS.ProcessEnv = process.env): string {
  const host = env['DOCKER_HOST'] ?? '';
  if (!host.startsWith('unix://')) throw new Error(`DOCKER_HOST must name the private dockerd's unix socket (got "${host}")`);
  return host.slice('unix://'.length);
}

/** One Engine API call over the unix socket; resolves the status and parsed JSON body, rejects after `timeoutMs`. */
export function engineRequest(method: string, requestPath: string, body?: unknown, timeoutMs = 30_000): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const request = http.request(
      {
        socketPath: benchSocketPath(),
        method,
        path: requestPath,
        headers: payload ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {},
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            parsed = text;
          }
          resolve({ status: response.statusCode ?? 0, body: parsed });
        });
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`${method} ${requestPath} timed out after ${timeoutMs} ms`)));
    request.on('error', reject);
    if (payload) request.write(payload);
    request.end();
  });
}

/** Calls the Engine API and throws unless the status is 2xx or one of `accept` (e.g. 304 "already started"). */
export async function engineCall(method: string, requestPath: string, body?: unknown, accept: number[] = []): Promise<unknown> {
  const response = await engineRequest(method, requestPath, body);
  if ((response.status < 200 || response.status >= 300) && !accept.includes(response.status)) {
    throw new Error(`${method} ${requestPath} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

/** Runs the docker CLI against the private engine (argument array, no shell, with a timeout). */
export function docker(args: string[], timeoutMs = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('docker', args, { env: process.env, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`docker ${args.join(' ')} failed: ${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}

/** Runs `work` over `items` with at most `width` calls in flight. */
export async function inBatches<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}

/** The name of the i-th bench container; zero-padded so names sort in creation order. */
export function benchContainerName(index: number): string {
  return `ldb-c-${String(index).padStart(3, '0')}`;
}

/**
 * Creates one bench container running `sleep` (created, not started) and returns its id. No network: other private
 * dockerds on the machine share the docker0 bridge and its addresses, and the figures do not depend on one.
 */
export async function createBenchContainer(name: string): Promise<string> {
  const body = (await engineCall('POST', `/containers/create?name=${encodeURIComponent(name)}`, {
    Image: BENCH_IMAGE,
    Cmd: ['sleep', '86400'],
    Labels: { [BENCH_LABEL]: '1' },
    HostConfig: { NetworkMode: 'none' },
  })) as { Id: string };
  return body.Id;
}

/** Makes sure the engine holds the `count` numbered bench containers (creating the missing ones); returns their ids in order. */
export async function ensureBenchContainers(count = BENCH_CONTAINER_COUNT): Promise<string[]> {
  const filters = encodeURIComponent(JSON.stringify({ label: [BENCH_LABEL] }));
  const existing = (await engineCall('GET', `/containers/json?all=1&filters=${filters}`)) as Array<{ Id: string; Names: string[] }>;
  const byName = new Map(existing.map((container) => [container.Names[0]?.replace(/^\//, '') ?? '', container.Id]));
  const names = Array.from({ length: count }, (_, index) => benchContainerName(index));
  return inBatches(names, 8, async (name) => byName.get(name) ?? createBenchContainer(name));
}

/** Starts containers (already running is fine). */
export async function startContainers(ids: readonly string[]): Promise<void> {
  await inBatches(ids, 4, (id) => engineCall('POST', `/containers/${id}/start`, undefined, [304]));
}

/** Kills running containers at once (not running is fine): faster than a stop for `sleep`, which ignores SIGTERM as PID 1. */
export async function killContainers(ids: readonly string[]): Promise<void> {
  await inBatches(ids, 8, (id) => engineCall('POST', `/containers/${id}/kill`, undefined, [409]));
}
