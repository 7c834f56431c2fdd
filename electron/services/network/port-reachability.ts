import net from 'node:net';

/** The only address a reachability check ever connects to. */
export const CHECK_ADDRESS = '127.0.0.1';
/** How long a connect may take before the port counts as closed. */
export const CONNECT_TIMEOUT_MS = 1000;
/**
 * How long an accepted connection is watched. Docker's userland proxy accepts on the host port, fails to reach
 * the container and closes within a few milliseconds; a real listener keeps the connection open (or talks).
 */
export const SETTLE_MS = 300;

/** What one TCP probe of 127.0.0.1:<port> found. */
export type ProbeState = 'listening' | 'nothing-listening' | 'closed';

/** The probe's finding and one sentence for people. */
export interface ProbeOutcome {
  state: ProbeState;
  message: string;
}

/** Probe timings; tests may shorten them, the service uses the defaults. */
export interface ProbeOptions {
  connectTimeoutMs?: number;
  settleMs?: number;
}

/**
 * Connects to 127.0.0.1:<port> (never another address) and tells a listener from a closed port and from an
 * engine proxy with nothing behind it: refused or no answer within the connect timeout → `closed`; accepted,
 * then closed or reset by the peer (even before the connect is seen) within the settle window without a byte →
 * `nothing-listening`; still open
 * after it, or data arrived → `listening`. The first chunk ends the check (it is discarded, so at most one chunk is
 * ever read); the socket is always destroyed; never rejects.
 */
export function probeTcpPort(port: number, options: ProbeOptions = {}): Promise<ProbeOutcome> {
  const connectTimeoutMs = options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
  const settleMs = options.settleMs ?? SETTLE_MS;
  const where = `${CHECK_ADDRESS}:${port}`;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    return Promise.resolve({ state: 'closed', message: `${port} is not a TCP port.` });
  }
  return new Promise((resolve) => {
    const socket = new net.Socket();
    let connected = false;
    let received = 0;
    let done = false;
    let timer: NodeJS.Timeout | null = null;
    const finish = (outcome: ProbeOutcome): void => {
      if (done) return;
      done = true;
      if (timer !== null) clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const answered = (): ProbeOutcome => ({ state: 'listening', message: `Something answers on ${where}.` });
    const dropped = (): ProbeOutcome => ({ state: 'nothing-listening', message: `${where} accepts the connection and drops it at once: nothing listens behind it.` });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (!connected && error.code === 'ECONNRESET') {
        finish(dropped());
        return;
      }
      if (!connected) {
        const refused = error.code === 'ECONNREFUSED';
        finish({ state: 'closed', message: refused ? `Nothing accepts connections on ${where}.` : `Connecting to ${where} failed (${error.code ?? 'error'}).` });
        return;
      }
      finish(received > 0 ? answered() : dropped());
    });
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length;
      finish(answered());
    });
    socket.on('end', () => finish(received > 0 ? answered() : dropped()));
    socket.on('close', () => finish(connected ? (received > 0 ? answered() : dropped()) : { state: 'closed', message: `Nothing accepts connections on ${where}.` }));
    socket.once('connect', () => {
      connected = true;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => finish(answered()), settleMs);
    });
    timer = setTimeout(() => finish({ state: 'closed', message: `${where} did not answer within ${connectTimeoutMs} ms.` }), connectTimeoutMs);
    socket.connect({ host: CHECK_ADDRESS, port });
  });
}

/** Runs `work` over `items` with at most `limit` at once and answers the results in order. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, () => worker()));
  return results;
}
