import type { ContextProbe } from '../../../../shared/model/engine';
import { ServiceError } from '../../errors';
import type { Logger } from '../../ports';
import type { ContainerEngine } from '../container-engine';
import type { DockerEndpoint } from './resolve-endpoint';

/** Deadline of a context probe's ping over a socket or tcp://. */
export const PROBE_PING_MS = 3_000;
/** Deadline of a probe over ssh://, which starts a session before the ping. */
export const PROBE_SSH_PING_MS = 10_000;
/** Probes that run at once; the others wait their turn. */
export const PROBE_CONCURRENCY = 4;

/** The part of an engine a probe uses. */
export type ProbedEngine = Pick<ContainerEngine, 'endpoint' | 'ping' | 'close'>;

/** What a probe needs: a context's endpoint (NOT_FOUND for an unknown one), a temporary engine there, and the log. */
export interface ContextProberOptions {
  endpointFor(name: string): DockerEndpoint;
  /** A new engine at the endpoint; the prober pings it once and closes it. */
  engineAt(endpoint: DockerEndpoint): ProbedEngine;
  logger: Logger;
  /** Probes at once (PROBE_CONCURRENCY by default). */
  concurrency?: number;
}

/** The ping deadline for an endpoint: longer for ssh://. */
export function probeDeadline(endpoint: string): number {
  return endpoint.startsWith('ssh://') ? PROBE_SSH_PING_MS : PROBE_PING_MS;
}

/**
 * Pings one Docker context's engine through a temporary engine, closed whatever happens, and answers connected (with
 * the server version) or unreachable (with the one sentence why). An unknown context rejects NOT_FOUND; other failures
 * are answers, never rejections. At most `concurrency` probes run at once and a probe of a name already in flight
 * shares its answer.
 */
export class ContextProber {
  private readonly inFlight = new Map<string, Promise<ContextProbe>>();
  private readonly waiting: (() => void)[] = [];
  private running = 0;

  constructor(private readonly options: ContextProberOptions) {}

  /** The probe of `name`: the one in flight, or a new one once a slot is free. */
  probe(name: string): Promise<ContextProbe> {
    const shared = this.inFlight.get(name);
    if (shared !== undefined) return shared;
    const probe = this.withSlot(() => this.run(name));
    this.inFlight.set(name, probe);
    const forget = (): void => {
      if (this.inFlight.get(name) === probe) this.inFlight.delete(name);
    };
    probe.then(forget, forget);
    return probe;
  }

  private async withSlot<T>(work: () => Promise<T>): Promise<T> {
    const limit = this.options.concurrency ?? PROBE_CONCURRENCY;
    if (this.running >= limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next !== undefined) next();
      else this.running -= 1;
    }
  }

  private async run(name: string): Promise<ContextProbe> {
    const target = this.options.endpointFor(name);
    const endpoint = target.host;
    let engine: ProbedEngine;
    try {
      engine = this.options.engineAt(target);
    } catch (error) {
      const message = error instanceof ServiceError ? error.message : `The endpoint ${endpoint} of context "${name}" could not be used.`;
      this.options.logger.warn(`Probe of Docker context ${name}: ${message}`, error);
      return { name, endpoint, state: 'unreachable', serverVersion: null, message };
    }
    try {
      const identity = await engine.ping(probeDeadline(endpoint));
      return { name, endpoint, state: 'connected', serverVersion: identity.serverVersion, message: null };
    } catch (error) {
      const message = error instanceof ServiceError ? error.message : `Docker at ${endpoint} could not be reached.`;
      this.options.logger.info(`Probe of Docker context ${name} at ${endpoint}: ${message}`);
      return { name, endpoint, state: 'unreachable', serverVersion: null, message };
    } finally {
      engine.close();
    }
  }
}
