import type { ComposeCli } from '../../../shared/model/compose';
import type { ContainerSummary } from '../../../shared/model/container';
import { PublishSpec, RunSpec } from '../../../shared/model/run-container';
import type { ContainerEngine, StreamHandle } from '../docker/container-engine';
import type { JobReporter } from '../jobs/job-service';
import { COMPOSE_LABELS } from './compose-labels';

/** What `compose:cli` answers on the simulated engine, whose Compose is modelled. */
export const SIMULATED_COMPOSE_CLI: ComposeCli = { available: true, command: ['lightdock-simulated-compose'], version: null, hint: null, simulated: true };

/** Lines of each container `logs` prints before following, as `--tail 200` would. */
const LOG_TAIL = 200;

function serviceOf(container: ContainerSummary): string {
  return container.labels[COMPOSE_LABELS.service] ?? container.name;
}

function byName(members: readonly ContainerSummary[]): ContainerSummary[] {
  return [...members].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A run spec that makes the container again (image, name, command, published ports, labels), for up after down. */
export function specOfContainer(container: ContainerSummary): RunSpec | null {
  const ports = container.ports
    .filter((port) => port.publicPort !== null)
    .map((port) => PublishSpec.safeParse({ hostIp: port.ip ?? '0.0.0.0', hostPort: port.publicPort, containerPort: port.privatePort, protocol: port.type }))
    .flatMap((parsed) => (parsed.success ? [parsed.data] : []));
  const spec = RunSpec.safeParse({
    image: container.image,
    name: container.name,
    command: container.command.split(' ').filter((part) => part !== ''),
    env: [],
    ports,
    mounts: [],
    restart: 'no',
    maxRetries: null,
    resources: { memoryBytes: null, memorySwapBytes: null, nanoCpus: null, pidsLimit: null },
    namespaces: { network: 'bridge', pid: 'private', ipc: 'private', uts: 'private' },
    labels: container.labels,
    tty: false,
    start: true,
  });
  return spec.success ? spec.data : null;
}

/** `up -d` on the simulated engine: starts the project's stopped containers, or creates and starts them from `specs` when it has none. */
export async function simulatedUp(engine: ContainerEngine, members: readonly ContainerSummary[], specs: readonly RunSpec[], reporter: JobReporter): Promise<void> {
  if (members.length === 0) {
    for (const spec of specs) {
      reporter.output(` Container ${spec.name ?? spec.image}  Creating\n`);
      const { id } = await engine.createContainer(spec);
      await engine.act(id, 'start', {});
      reporter.output(` Container ${spec.name ?? spec.image}  Started\n`);
    }
    return;
  }
  for (const container of byName(members)) {
    if (container.state === 'running') {
      reporter.output(` Container ${container.name}  Running\n`);
      continue;
    }
    await engine.act(container.id, container.state === 'paused' ? 'unpause' : 'start', {});
    reporter.output(` Container ${container.name}  Started\n`);
  }
}

/** `down` on the simulated engine: stops and removes every container of the project; answers their specs for a later up. */
export async function simulatedDown(engine: ContainerEngine, members: readonly ContainerSummary[], reporter: JobReporter): Promise<RunSpec[]> {
  const specs: RunSpec[] = [];
  for (const container of byName(members)) {
    const spec = specOfContainer(container);
    if (spec !== null) specs.push(spec);
    if (container.state === 'running' || container.state === 'paused' || container.state === 'restarting') {
      reporter.output(` Container ${container.name}  Stopping\n`);
      await engine.act(container.id, 'stop', {});
    }
    await engine.act(container.id, 'remove', { force: true });
    reporter.output(` Container ${container.name}  Removed\n`);
  }
  return specs;
}

/** `restart` on the simulated engine: restarts every container of the project. */
export async function simulatedRestart(engine: ContainerEngine, members: readonly ContainerSummary[], reporter: JobReporter): Promise<void> {
  for (const container of byName(members)) {
    reporter.output(` Container ${container.name}  Restarting\n`);
    await engine.act(container.id, 'restart', {});
    reporter.output(` Container ${container.name}  Started\n`);
  }
}

/** `pull` on the simulated engine: one line per service with its image (the images are already in its store). */
export function simulatedPull(members: readonly ContainerSummary[], reporter: JobReporter): void {
  for (const container of byName(members)) {
    reporter.output(` ${serviceOf(container)} Pulling (${container.image})\n ${serviceOf(container)} Pulled\n`);
  }
}

/**
 * `logs -f` on the simulated engine: the last lines of each container prefixed with its service as Compose does,
 * then new lines as they come, until the signal aborts or `capMs` passes (or every container stops).
 */
export async function simulatedLogs(
  engine: ContainerEngine,
  members: readonly ContainerSummary[],
  reporter: JobReporter,
  signal: AbortSignal,
  capMs: number,
): Promise<void> {
  const handles: StreamHandle[] = [];
  let open = 0;
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => {
    done = resolve;
  });
  const width = Math.max(...members.map((c) => c.name.length), 1);
  try {
    for (const container of byName(members)) {
      const prefix = `${container.name.padEnd(width)}  | `;
      open += 1;
      const handle = await engine.followLogs(
        container.id,
        { tail: LOG_TAIL, timestamps: false },
        (lines) => reporter.output(lines.map((line) => `${prefix}${line.text}\n`).join('')),
        () => {
          open -= 1;
          if (open === 0) done();
        },
      );
      handles.push(handle);
      if (signal.aborted) break;
    }
    if (handles.length === 0) return;
    const timer = setTimeout(done, capMs);
    timer.unref?.();
    signal.addEventListener('abort', done, { once: true });
    await finished;
    clearTimeout(timer);
    signal.removeEventListener('abort', done);
  } finally {
    for (const handle of handles) handle.stop();
  }
}
