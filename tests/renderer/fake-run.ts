import type { EventChannel, EventPayload, InvokeChannel } from '../../shared/ipc/contract';
import { fail, ok, type IpcErrorCode, type IpcResult } from '../../shared/ipc/result';
import type { ContainerSummary } from '../../shared/model/container';
import { dockerRunLine } from '../../shared/model/docker-run-line';
import type { NetworkSummary } from '../../shared/model/engine';
import { isolationPreview } from '../../shared/model/isolation-preview';
import type { RunPlan, RunProblem, RunResult, RunSpec } from '../../shared/model/run-container';
import type { FakeEngine } from './fake-engine';

type Emit = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => void;

const WILDCARDS = new Set(['0.0.0.0', '::']);
/** The fake engine's setup: cgroup v2, no userns-remap (as Docker Desktop's and most Linux engines). */
const FACTS = { cgroupVersion: 2, usernsRemap: false } as const;

function overlaps(a: string, b: string | null): boolean {
  return b === null || a === b || WILDCARDS.has(a) || WILDCARDS.has(b);
}

function codeOf(problem: RunProblem): IpcErrorCode {
  if (problem.field === 'image') return 'NOT_FOUND';
  if (problem.field === 'name' || problem.field.startsWith('ports.')) return 'CONFLICT';
  return 'VALIDATION';
}

/**
 * The fake host's containers:plan and containers:run over the fake engine: the plan is the shared isolation preview and
 * docker run line of the spec (cgroup v2, no userns-remap) with the engine's real refusals as problems (a host port
 * another container publishes, such as shop-web-1's 8080, only a warning for a create; ports on a network not its own;
 * a name in use; an image not in the engine's list; an unknown network or container to join). A run with a blocking
 * problem fails with the problems in `details` (NOT_FOUND, CONFLICT or VALIDATION) and creates nothing; otherwise
 * the container joins the engine's list (pushed) and is remembered in `created`.
 */
export class FakeRun {
  /** Every container created through containers:run, in order. */
  readonly created: ContainerSummary[] = [];

  constructor(
    private readonly emit: Emit,
    private readonly engine: FakeEngine,
  ) {}

  /** The answer for one of its channels, or undefined for any other channel. */
  answer(channel: InvokeChannel, request: unknown): IpcResult<unknown> | undefined {
    if (channel === 'containers:plan') return ok(this.plan((request as { spec: RunSpec }).spec));
    if (channel === 'containers:run') return this.run((request as { spec: RunSpec }).spec);
    return undefined;
  }

  /** The plan of a spec, as containers:plan answers it. */
  plan(spec: RunSpec): RunPlan {
    const resolve = (ref: string): ContainerSummary | undefined => this.container(ref);
    return { ...isolationPreview(spec, FACTS, resolve), command: dockerRunLine(spec), problems: this.problems(spec) };
  }

  private run(spec: RunSpec): IpcResult<RunResult> {
    const blocking = this.problems(spec).filter((problem) => problem.blocking);
    const first = blocking[0];
    if (first !== undefined) return fail(codeOf(first), first.message, { problems: blocking });
    const name = spec.name ?? `fake_run_${this.created.length + 1}`;
    const id = Buffer.from(`run-${name}`).toString('hex').padEnd(64, '0').slice(0, 64);
    const summary: ContainerSummary = {
      id,
      name,
      image: spec.image,
      imageId: this.image(spec.image)?.id ?? 'sha256:unknown',
      command: spec.command.join(' '),
      state: spec.start ? 'running' : 'created',
      status: spec.start ? 'Up Less than a second' : 'Created',
      created: 1_700_000_100,
      ports: spec.ports.map((port) => ({ privatePort: port.containerPort, publicPort: port.hostPort ?? 32768, ip: port.hostIp, type: port.protocol })),
      composeProject: null,
      composeService: null,
      labels: spec.labels ?? {},
      networks: spec.namespaces.network.startsWith('container:') || spec.namespaces.network === 'none' ? [] : [{ name: spec.namespaces.network, ipAddress: '172.17.0.9', gateway: null, macAddress: null }],
      mounts: spec.mounts.map((mount) => ({ type: mount.kind, source: mount.source, destination: mount.target, mode: mount.readOnly ? 'ro' : '', rw: !mount.readOnly })),
    };
    this.created.push(summary);
    this.engine.containers = [...this.engine.containers, summary];
    this.emit('containers:changed', this.engine.containers.map((entry) => ({ ...entry })));
    return ok({ id, name, started: spec.start, warnings: [] });
  }

  private image(reference: string): { id: string } | undefined {
    const tagged = reference.includes(':') || reference.includes('@') ? reference : `${reference}:latest`;
    return this.engine.images.find((image) => image.tags.includes(tagged) || image.id === reference || image.id.replace(/^sha256:/, '').startsWith(reference));
  }

  private container(reference: string): ContainerSummary | undefined {
    return this.engine.containers.find((entry) => entry.name === reference || entry.id.startsWith(reference));
  }

  private networks(): NetworkSummary[] {
    const listed = this.engine.answer('networks:list', {});
    return listed?.ok === true ? (listed.value as NetworkSummary[]) : [];
  }

  private problems(spec: RunSpec): RunProblem[] {
    const problems: RunProblem[] = [];
    if (this.image(spec.image) === undefined) {
      problems.push({ field: 'image', message: `No such image: ${spec.image}. Pull it first; a run does not pull.`, blocking: true });
    }
    const namesake = this.engine.containers.find((entry) => entry.name === spec.name);
    if (namesake !== undefined) {
      problems.push({ field: 'name', message: `The name "${namesake.name}" is already in use by container ${namesake.id.slice(0, 12)}.`, blocking: true });
    }
    problems.push(...this.portProblems(spec));
    problems.push(...this.networkProblems(spec.namespaces.network));
    return problems;
  }

  private portProblems(spec: RunSpec): RunProblem[] {
    const network = spec.namespaces.network;
    if (spec.ports.length > 0 && (network === 'host' || network === 'none' || network.startsWith('container:'))) {
      return [{ field: 'ports.0', message: 'Ports cannot be published on this network; remove them or use a network of its own (bridge).', blocking: true }];
    }
    return spec.ports.flatMap((port, index): RunProblem[] => {
      if (port.hostPort === null) return [];
      const field = `ports.${index}`;
      if (spec.ports.findIndex((other) => other.hostPort === port.hostPort && other.protocol === port.protocol) !== index) {
        return [{ field, message: `Host port ${port.hostPort} is published twice.`, blocking: true }];
      }
      const owner = this.engine.containers.find((entry) =>
        entry.ports.some((bound) => bound.publicPort === port.hostPort && bound.type === port.protocol && overlaps(port.hostIp, bound.ip)),
      );
      if (owner === undefined) return [];
      const message = `Host port ${port.hostPort} is already published by container ${owner.name}.`;
      return [spec.start ? { field, message, blocking: true } : { field, message: `${message} Starting this one will fail while it runs.`, blocking: false }];
    });
  }

  private networkProblems(network: string): RunProblem[] {
    if (network.startsWith('container:')) {
      const joined = network.slice('container:'.length);
      const target = this.container(joined);
      if (target === undefined) return [{ field: 'namespaces.network', message: `No such container: ${joined}.`, blocking: true }];
      if (target.state !== 'running') return [{ field: 'namespaces.network', message: `${target.name} is not running: only a running container’s network can be joined.`, blocking: true }];
      return [];
    }
    if (['bridge', 'host', 'none'].includes(network) || this.networks().some((entry) => entry.name === network)) return [];
    return [{ field: 'namespaces.network', message: `No such network: ${network}.`, blocking: true }];
  }
}
