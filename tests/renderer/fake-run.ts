import type { EventChannel, EventPayload, InvokeChannel } from '../../shared/ipc/contract';
import { fail, ok, type IpcErrorCode, type IpcResult } from '../../shared/ipc/result';
import type { ContainerNamespaces, ContainerSummary, NamespaceInfo } from '../../shared/model/container';
import type { NetworkSummary } from '../../shared/model/engine';
import type { RunPlan, RunProblem, RunResult, RunSpec } from '../../shared/model/run-container';
import type { FakeEngine } from './fake-engine';

type Emit = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => void;

const PRIVATE: NamespaceInfo = { mode: 'private', container: null, inode: null };
const HOST: NamespaceInfo = { mode: 'host', container: null, inode: null };
const SAFE_WORD = /^[\w@%+=:,./-]+$/;
const WILDCARDS = new Set(['0.0.0.0', '::']);

function quote(word: string): string {
  return SAFE_WORD.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

function publishText(port: RunSpec['ports'][number]): string {
  const ip = port.hostIp.includes(':') ? `[${port.hostIp}]` : port.hostIp;
  return `${ip}:${port.hostPort ?? ''}:${port.containerPort}/${port.protocol}`;
}

/** The `docker run` (or `docker create`) line of a spec, every word POSIX-quoted, as the host's plan gives it. */
export function dockerRunLine(spec: RunSpec): string {
  const words = spec.start ? ['docker', 'run', '-d'] : ['docker', 'create'];
  const { resources, namespaces } = spec;
  if (spec.name !== null) words.push('--name', spec.name);
  if (spec.tty) words.push('-t');
  for (const variable of spec.env) words.push('-e', `${variable.name}=${variable.value}`);
  for (const port of spec.ports) words.push('-p', publishText(port));
  for (const mount of spec.mounts) words.push('-v', `${mount.source}:${mount.target}${mount.readOnly ? ':ro' : ''}`);
  if (spec.restart !== 'no') words.push('--restart', spec.restart === 'on-failure' && spec.maxRetries !== null ? `on-failure:${spec.maxRetries}` : spec.restart);
  if (resources.memoryBytes !== null) words.push('--memory', String(resources.memoryBytes));
  if (resources.memorySwapBytes !== null) words.push('--memory-swap', String(resources.memorySwapBytes));
  if (resources.nanoCpus !== null) words.push('--cpus', String(resources.nanoCpus / 1e9));
  if (resources.pidsLimit !== null) words.push('--pids-limit', String(resources.pidsLimit));
  if (namespaces.network !== 'bridge') words.push('--network', namespaces.network);
  if (namespaces.pid === 'host') words.push('--pid', 'host');
  if (namespaces.ipc !== 'private') words.push('--ipc', namespaces.ipc);
  if (namespaces.uts === 'host') words.push('--uts', 'host');
  words.push(spec.image, ...spec.command);
  return words.map(quote).join(' ');
}

function overlaps(a: string, b: string | null): boolean {
  return b === null || a === b || WILDCARDS.has(a) || WILDCARDS.has(b);
}

function codeOf(problem: RunProblem): IpcErrorCode {
  if (problem.field === 'image') return 'NOT_FOUND';
  if (problem.field === 'name' || problem.field.startsWith('ports.')) return 'CONFLICT';
  return 'VALIDATION';
}

/**
 * The fake host's containers:plan and containers:run over the fake engine: the plan's namespaces and cgroup follow the
 * spec, its problems are the engine's real refusals (a host port another container publishes, such as shop-web-1's
 * 8080; a name in use; an image not in the engine's list; an unknown network or container to join), and a run with a
 * blocking problem fails with the problems in `details` and creates nothing; otherwise it adds the container.
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
    return { namespaces: this.namespaces(spec), cgroup: this.cgroup(spec), command: dockerRunLine(spec), problems: this.problems(spec) };
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
    spec.ports.forEach((port, index) => {
      if (port.hostPort === null) return;
      const owner = this.engine.containers.find((entry) =>
        entry.ports.some((bound) => bound.publicPort === port.hostPort && bound.type === port.protocol && overlaps(port.hostIp, bound.ip)),
      );
      if (owner !== undefined) {
        problems.push({ field: `ports.${index}`, message: `Port ${port.hostPort}/${port.protocol} is already published by ${owner.name}.`, blocking: true });
      } else if (spec.ports.findIndex((other) => other.hostPort === port.hostPort && other.protocol === port.protocol) !== index) {
        problems.push({ field: `ports.${index}`, message: `Port ${port.hostPort}/${port.protocol} is published twice.`, blocking: true });
      }
      if (spec.namespaces.network === 'host') {
        problems.push({ field: `ports.${index}`, message: 'Published ports are ignored on the host’s network: it listens on the host directly.', blocking: false });
      }
    });
    problems.push(...this.networkProblems(spec.namespaces.network));
    return problems;
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

  private namespaces(spec: RunSpec): ContainerNamespaces {
    const { network, pid, ipc, uts } = spec.namespaces;
    const joined = network.startsWith('container:') ? this.container(network.slice('container:'.length)) : undefined;
    const net: NamespaceInfo = network === 'host' ? HOST : network.startsWith('container:') ? { mode: 'container', container: joined?.id ?? network.slice(10), inode: null } : PRIVATE;
    return {
      pid: pid === 'host' ? HOST : PRIVATE,
      net,
      ipc: ipc === 'host' ? HOST : PRIVATE,
      uts: uts === 'host' ? HOST : PRIVATE,
      mnt: PRIVATE,
      user: HOST,
      cgroup: PRIVATE,
    };
  }

  private cgroup(spec: RunSpec): RunPlan['cgroup'] {
    const { resources } = spec;
    return {
      version: 2,
      path: null,
      memoryLimitBytes: resources.memoryBytes,
      memorySwapLimitBytes: resources.memorySwapBytes,
      nanoCpus: resources.nanoCpus,
      cpuQuota: null,
      cpuPeriod: null,
      cpuShares: null,
      pidsLimit: resources.pidsLimit,
      memoryUsageBytes: null,
      pidsCurrent: null,
    };
  }
}
