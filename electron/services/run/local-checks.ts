import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { RunProblem, RunSpec } from '../../../shared/model/run-container';
import type { ContainerEngine } from '../docker/container-engine';

// The checks that look at this machine: only meaningful when the engine runs here (a local unix socket on Linux),
// since then its published ports and bind sources are this machine's.

/** How long a trial bind of a host port may take before it is given up (the check is then skipped). */
const PROBE_MS = 1_000;
/** Addresses a trial bind is tried on: loopback and every address (anything else is the engine's to judge). */
const PROBED_ADDRESSES = new Set(['127.0.0.1', '0.0.0.0', '::1', '::']);

/** True when the engine is a Docker engine on this machine: a unix socket that exists, on Linux. */
export function engineIsLocal(engine: ContainerEngine, platform: NodeJS.Platform): boolean {
  if (engine.kind !== 'docker' || platform !== 'linux' || !engine.endpoint.startsWith('unix://')) return false;
  return fs.existsSync(engine.endpoint.slice('unix://'.length));
}

/** A bind source with `~` or `~/…` made absolute under the home folder; anything else unchanged. */
export function expandHome(spec: RunSpec, homeDir: string): RunSpec {
  const mounts = spec.mounts.map((m) => {
    if (m.kind !== 'bind' || (m.source !== '~' && !m.source.startsWith('~/'))) return m;
    return { ...m, source: path.posix.join(homeDir, m.source.slice(1)) };
  });
  return { ...spec, mounts };
}

/** Resolves true when something on this machine holds the port (EADDRINUSE), false when a trial bind succeeds, fails otherwise or takes too long. */
export function portInUse(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    let settled = false;
    const finish = (inUse: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(inUse);
    };
    const timer = setTimeout(() => finish(false), PROBE_MS);
    server.once('listening', () => server.close(() => finish(false)));
    server.once('error', (error: NodeJS.ErrnoException) => finish(error.code === 'EADDRINUSE'));
    server.listen({ host, port, exclusive: true });
  });
}

/**
 * This machine's view of a run: a TCP host port something here already listens on (blocking when the run starts),
 * and bind sources that do not exist (Docker creates an empty folder, owned by root, in their place).
 */
export async function localProblems(spec: RunSpec, flagged: ReadonlySet<string>): Promise<RunProblem[]> {
  const problems: RunProblem[] = [];
  for (const [index, port] of spec.ports.entries()) {
    const field = `ports.${index}`;
    if (flagged.has(field) || port.hostPort === null || port.protocol !== 'tcp' || !PROBED_ADDRESSES.has(port.hostIp)) continue;
    if (await portInUse(port.hostIp, port.hostPort)) {
      const message = `Host port ${port.hostPort} on ${port.hostIp} is already in use on this machine.`;
      problems.push({ field, message, blocking: spec.start });
    }
  }
  spec.mounts.forEach((mount, index) => {
    if (mount.kind === 'bind' && mount.source.startsWith('/') && !fs.existsSync(mount.source)) {
      problems.push({ field: `mounts.${index}`, message: `${mount.source} does not exist; Docker will create it as an empty folder owned by root.`, blocking: false });
    }
  });
  return problems;
}
