import type { ContainerSummary } from '../../../shared/model/container';
import type { NetworkSummary } from '../../../shared/model/engine';
import type { EnginePlacement } from '../../../shared/model/engine-placement';
import type { NetworkMap, PortReachability, PublishedPort } from '../../../shared/model/network-map';
import type { VmInfo } from '../../../shared/model/vm';
import { endpointHost } from '../docker/endpoint/endpoint-host';
import { findContainer } from '../docker/find-container';
import { ServiceError } from '../errors';
import type { InsightDeps } from '../insight-deps';
import { buildNetworkMap } from './build-network-map';
import { bindingsFromInspect, bindingsFromSummary, isPortTakenError, parseNetworkInspect, type ConfiguredBinding, type NetworkInspect } from './configured-bindings';
import { hostNameservers } from './host-dns';
import { networkProblems } from './network-problems';
import { checkPublishedPort, type CheckContext } from './port-checks';
import { mapBounded, probeTcpPort, type ProbeOutcome } from './port-reachability';
import { isLoopback, isWildcard, publishedPorts, UNCHECKED, type UrlContext } from './port-urls';

/** How many containers' inspect documents one map reads. */
export const MAX_INSPECTS = 64;
/** How many ports one map checks (the rest stay unchecked, with a sentence saying why). */
export const MAX_CHECKED_PORTS = 256;
/** How many checks (and inspects) run at once. */
export const CHECK_CONCURRENCY = 8;
const INSPECT_CONCURRENCY = 4;

const isUp = (c: ContainerSummary): boolean => c.state === 'running' || c.state === 'paused';

/** Injected by tests to probe without real sockets' timings; the service uses probeTcpPort. */
export type Probe = (port: number) => Promise<ProbeOutcome>;

interface EngineFacts {
  placement: EnginePlacement;
  containers: ContainerSummary[];
  networks: NetworkSummary[];
  remoteHost: string | null;
}

/** Running containers in another one's network namespace (`HostConfig.NetworkMode` `container:<id or name>`): their id → the owner's id. */
function sharedNamespaces(containers: readonly ContainerSummary[], inspects: ReadonlyMap<string, NetworkInspect>): Map<string, string> {
  const shared = new Map<string, string>();
  for (const container of containers) {
    const mode = inspects.get(container.id)?.HostConfig?.NetworkMode ?? '';
    if (!isUp(container) || !mode.startsWith('container:')) continue;
    const ref = mode.slice('container:'.length);
    const owner = containers.find((c) => c.id === ref || c.name === ref || (ref.length >= 12 && c.id.startsWith(ref)));
    if (owner !== undefined && owner.id !== container.id) shared.set(container.id, owner.id);
  }
  return shared;
}

/** The Network page: the map from Windows down to each published port, its problems, and reachability checks on 127.0.0.1. */
export class NetworkService {
  constructor(
    private readonly deps: InsightDeps,
    private readonly probe: Probe = (port) => probeTcpPort(port),
  ) {}

  /** The map now; with `checkPorts`, every TCP port's reachability is checked too (at most MAX_CHECKED_PORTS, 8 at once). */
  async map(options: { checkPorts: boolean }): Promise<NetworkMap> {
    const at = this.deps.clock.now();
    const [engine, vm] = await Promise.all([this.engineFacts(), this.vm()]);
    const { placement, containers } = engine;
    const context = this.contexts(placement, vm, engine.remoteHost);
    const inspects = await this.inspectsFor(containers, placement, options.checkPorts);
    let ports = publishedPorts(containers, context.url);
    let taken: ConfiguredBinding[] = [];
    const bindings = containers.flatMap((c) => {
      if (isUp(c)) return bindingsFromSummary(c);
      const inspect = inspects.get(c.id);
      return inspect === undefined ? [] : bindingsFromInspect(c, inspect);
    });
    if (options.checkPorts) {
      if (!placement.simulated) this.deps.logger.info(`network map: checking ${Math.min(ports.length, MAX_CHECKED_PORTS)} published port(s) on 127.0.0.1`);
      ports = await this.checkAll(ports, containers, inspects, context.check);
      taken = await this.takenPorts(bindings, placement, MAX_CHECKED_PORTS - Math.min(ports.length, MAX_CHECKED_PORTS));
    }
    const failedStarts = containers.flatMap((c) => {
      const error = inspects.get(c.id)?.State?.Error;
      return !isUp(c) && isPortTakenError(error) ? [{ containerId: c.id, containerName: c.name, error: error ?? '' }] : [];
    });
    const dns = placement.kind === 'linux-host' ? await hostNameservers() : placement.kind === 'remote' ? [] : (vm?.network.dns ?? []).slice(0, 32);
    const drawing = buildNetworkMap({
      placement,
      vm,
      vmModelled: this.deps.hostInfo.simulated,
      networks: engine.networks,
      containers,
      ports,
      dns,
      remoteHost: engine.remoteHost,
      sharesNetworkOf: sharedNamespaces(containers, inspects),
    });
    return {
      at,
      simulated: placement.simulated || (vm !== null && this.deps.hostInfo.simulated),
      placement,
      mode: vm?.network.mode ?? null,
      nodes: drawing.nodes,
      edges: drawing.edges,
      dns,
      ports,
      problems: networkProblems({ placement, vm, containers, bindings, failedStarts, taken, ports }),
    };
  }

  /**
   * Checks one published port on 127.0.0.1 only: NOT_FOUND for an unknown container or a port it neither publishes
   * nor asks for; for a stopped container's wanted port, what answers there now (something else, or nothing).
   */
  async checkPort(request: { containerId: string; publicPort: number; protocol: 'tcp' | 'udp' | 'sctp' }): Promise<PortReachability> {
    const [engine, vm] = await Promise.all([this.engineFacts(), this.vm()]);
    if (engine.placement.kind === 'none') throw new ServiceError('UNAVAILABLE', engine.placement.description);
    const container = findContainer(engine.containers, request.containerId);
    if (container === undefined) throw new ServiceError('NOT_FOUND', `No such container: ${request.containerId}`);
    const context = this.contexts(engine.placement, vm, engine.remoteHost);
    const port = publishedPorts([container], context.url).find((p) => p.publicPort === request.publicPort && p.protocol === request.protocol);
    if (port !== undefined) {
      if (!engine.placement.simulated) this.deps.logger.info(`network check: 127.0.0.1:${port.publicPort} (${container.name})`);
      const inspect = engine.placement.simulated ? await this.inspect(container.id) : undefined;
      return checkPublishedPort(port, { state: container.state, listensOn: inspect?.Lightdock?.listensOn ?? null }, context.check);
    }
    const inspect = isUp(container) ? undefined : await this.inspect(container.id);
    const wanted = inspect === undefined ? undefined : bindingsFromInspect(container, inspect).find((b) => b.hostPort === request.publicPort && b.protocol === request.protocol);
    if (wanted === undefined) throw new ServiceError('NOT_FOUND', `${container.name} publishes no ${request.protocol} port ${request.publicPort}.`);
    return this.checkWanted(wanted, container, context.check);
  }

  private async checkWanted(wanted: ConfiguredBinding, container: ContainerSummary, check: CheckContext): Promise<PortReachability> {
    const port: PublishedPort = {
      id: `${container.id}:${wanted.hostPort}/${wanted.protocol}`,
      containerId: container.id,
      containerName: container.name,
      privatePort: wanted.privatePort,
      publicPort: wanted.hostPort,
      protocol: wanted.protocol,
      hostIp: wanted.hostIp,
      url: null,
      via: 'localhost',
      reachability: UNCHECKED,
    };
    const result = await checkPublishedPort(port, { state: container.state, listensOn: null }, check);
    if (result.modelled) return result;
    if (result.state === 'listening' || result.state === 'nothing-listening') {
      return { ...result, state: 'listening', message: `${container.name} is ${container.state}, yet something else answers on 127.0.0.1:${wanted.hostPort}: another process holds the port it asks for.` };
    }
    return result.state === 'closed' ? { ...result, message: `${container.name} is ${container.state}: ${result.message}` } : result;
  }

  private contexts(placement: EnginePlacement, vm: VmInfo | null, remoteHost: string | null): { url: UrlContext; check: CheckContext } {
    return {
      url: { placement, vm: vm?.network ?? null, remoteHost },
      check: { placement, vm: vm?.network ?? null, now: () => this.deps.clock.now(), probe: this.probe },
    };
  }

  private async vm(): Promise<VmInfo | null> {
    try {
      return await this.deps.wsl.vm();
    } catch (error) {
      this.deps.logger.info('network map: no WSL VM to draw', error);
      return null;
    }
  }

  private async engineFacts(): Promise<EngineFacts> {
    const placement = await this.deps.placement();
    if (placement.kind === 'none') return { placement, containers: [], networks: [], remoteHost: null };
    try {
      const [containers, networks, status] = await Promise.all([
        this.deps.engine.list(),
        this.deps.engine.networks(),
        placement.kind === 'remote' ? this.deps.engine.status() : Promise.resolve(null),
      ]);
      return { placement, containers, networks, remoteHost: status === null ? null : endpointHost(status.endpoint) };
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      const description = `The Docker engine stopped answering (${error.message}).`;
      return { placement: { kind: 'none', distro: null, simulated: placement.simulated, description }, containers: [], networks: [], remoteHost: null };
    }
  }

  private async inspect(id: string): Promise<NetworkInspect | undefined> {
    try {
      const parsed = parseNetworkInspect((await this.deps.engine.inspect(id)).inspect);
      if (parsed === null) this.deps.logger.warn(`network map: the engine's inspect document for ${id} is not shaped as expected; its port bindings are left out`);
      return parsed ?? undefined;
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      return undefined;
    }
  }

  /**
   * Inspect documents of the stopped containers (their wanted ports), of those with no network of their own (whose
   * namespace they share) and, on the simulated engine when checking, of those that publish; at most MAX_INSPECTS.
   */
  private async inspectsFor(containers: readonly ContainerSummary[], placement: EnginePlacement, checking: boolean): Promise<Map<string, NetworkInspect>> {
    const needed = (c: ContainerSummary): boolean =>
      !isUp(c) || c.networks.length === 0 || (checking && placement.simulated && c.ports.some((p) => p.publicPort !== null));
    const wanted = containers.filter(needed).slice(0, MAX_INSPECTS);
    const found = await mapBounded(wanted, INSPECT_CONCURRENCY, async (c) => [c.id, await this.inspect(c.id)] as const);
    return new Map(found.filter((entry): entry is readonly [string, NetworkInspect] => entry[1] !== undefined));
  }

  private async checkAll(ports: PublishedPort[], containers: readonly ContainerSummary[], inspects: ReadonlyMap<string, NetworkInspect>, context: CheckContext): Promise<PublishedPort[]> {
    const owners = new Map(containers.map((c) => [c.id, c]));
    const checked = await mapBounded(ports.slice(0, MAX_CHECKED_PORTS), CHECK_CONCURRENCY, async (port) => {
      const owner = owners.get(port.containerId);
      const reachability = await checkPublishedPort(port, { state: owner?.state ?? 'exited', listensOn: inspects.get(port.containerId)?.Lightdock?.listensOn ?? null }, context);
      return { ...port, reachability };
    });
    const skipped = ports.slice(MAX_CHECKED_PORTS).map((port) => ({
      ...port,
      reachability: { ...port.reachability, message: `Not checked: one map checks the first ${MAX_CHECKED_PORTS} ports; check this one on its own.` },
    }));
    return [...checked, ...skipped];
  }

  /** Stopped containers' wanted TCP ports (loopback or every interface) that something already answers on, on 127.0.0.1; never on the simulated or a remote engine. */
  private async takenPorts(bindings: readonly ConfiguredBinding[], placement: EnginePlacement, budget: number): Promise<ConfiguredBinding[]> {
    if (placement.simulated || placement.kind === 'remote' || placement.kind === 'none' || budget <= 0) return [];
    const held = new Set(bindings.filter((b) => b.running).map((b) => `${b.hostPort}/${b.protocol}`));
    const candidates = bindings
      .filter((b) => !b.running && b.protocol === 'tcp' && (isWildcard(b.hostIp) || isLoopback(b.hostIp)) && !held.has(`${b.hostPort}/${b.protocol}`))
      .slice(0, budget);
    if (candidates.length > 0) this.deps.logger.info(`network map: checking ${candidates.length} port(s) stopped containers ask for on 127.0.0.1`);
    const answered = await mapBounded(candidates, CHECK_CONCURRENCY, async (b) => ((await this.probe(b.hostPort)).state === 'closed' ? null : b));
    return answered.filter((b): b is ConfiguredBinding => b !== null);
  }
}
