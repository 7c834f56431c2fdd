import type { ContainerMount, PortBinding } from '../../../../shared/model/container';
import type { RunSpec } from '../../../../shared/model/run-container';
import { ServiceError } from '../../errors';
import { requireContainer, withEvents } from './container-rules';
import { SIMULATED_VM, type SimulatedContainer, type SimulatedEngineState, type SimulatedImage, type SimulatedNetworkMode, type SimulatedProgram } from './engine-state';
import { simulatedId } from './seed-engine';
import type { SimulatedAccess } from './simulated-access';

/** Docker's names-generator, shortened: a random name is `<adjective>_<scientist>`. */
const ADJECTIVES = ['admiring', 'brave', 'clever', 'eager', 'focused', 'gallant', 'jolly', 'keen', 'nifty', 'quirky', 'serene', 'vibrant'];
const SCIENTISTS = ['curie', 'darwin', 'euler', 'hopper', 'lovelace', 'noether', 'pasteur', 'ritchie', 'shannon', 'tesla', 'turing', 'wozniak'];
/** Nano CPUs in one CPU. */
const NANO = 1_000_000_000;

/** The programs the seed's images run when no command is given. */
const PROGRAMS: readonly [RegExp, SimulatedProgram][] = [
  [/^nginx[:@]/, 'nginx'],
  [/^lightdock\/shop-api[:@]/, 'api'],
  [/^postgres[:@]/, 'postgres'],
  [/^redis[:@]/, 'redis'],
  [/^lightdock\/monitor[:@]/, 'monitor'],
];

/** The image a reference names, as the engine resolves it: a tag (`:latest` when none is given, Docker Hub's `docker.io/library/` implied), a full id or an id prefix. */
export function findSimulatedImage(state: SimulatedEngineState, ref: string): SimulatedImage | undefined {
  const bare = ref.replace(/^docker\.io\//, '').replace(/^library\//, '');
  const tagged = /[:@][^/]*$/.test(bare) ? bare : `${bare}:latest`;
  const byTag = state.images.find((i) => i.tags.includes(tagged));
  if (byTag !== undefined) return byTag;
  const hex = ref.replace(/^sha256:/, '');
  if (!/^[a-f0-9]{4,64}$/.test(hex)) return undefined;
  const matches = state.images.filter((i) => i.id.replace(/^sha256:/, '').startsWith(hex));
  return matches.length === 1 ? matches[0] : undefined;
}

/** A name Docker would pick: adjective_scientist, with a digit added while it is taken. */
function randomName(state: SimulatedEngineState): string {
  const base = `${ADJECTIVES[state.nextSeq % ADJECTIVES.length]}_${SCIENTISTS[Math.floor(state.nextSeq / ADJECTIVES.length) % SCIENTISTS.length]}`;
  let name = base;
  for (let n = 1; state.containers.some((c) => c.name === name); n += 1) name = `${base}${n}`;
  return name;
}

/** The first free address of a network's /16 (the gateway is .0.1), as the engine's IPAM hands them out. */
function freeAddress(state: SimulatedEngineState, network: string, subnet: string | null): string {
  const prefix = (subnet ?? '172.17.0.0/16').split('.').slice(0, 2).join('.');
  const used = new Set(state.containers.flatMap((c) => (c.network.mode === 'attached' ? c.network.attachments.filter((a) => a.network === network).map((a) => a.ip) : [])));
  let host = 2;
  while (used.has(`${prefix}.${Math.floor(host / 256)}.${host % 256}`)) host += 1;
  return `${prefix}.${Math.floor(host / 256)}.${host % 256}`;
}

/** `--network` as the engine resolves it: host, none, another container's (by id), or a network by name or id. */
function networkMode(state: SimulatedEngineState, network: string): SimulatedNetworkMode {
  if (network === 'host') return { mode: 'host' };
  if (network === 'none') return { mode: 'none' };
  if (network.startsWith('container:')) return { mode: 'container', container: requireContainer(state, network.slice('container:'.length)).id };
  const found = state.networks.find((n) => n.name === network) ?? state.networks.find((n) => n.id === network || (network.length >= 12 && n.id.startsWith(network)));
  if (found === undefined) throw new ServiceError('NOT_FOUND', `network ${network} not found`);
  if (found.driver === 'host') return { mode: 'host' };
  if (found.driver === 'null') return { mode: 'none' };
  return { mode: 'attached', attachments: [{ network: found.name, ip: freeAddress(state, found.name, found.subnet) }] };
}

/** The first host port from Docker's ephemeral range that no container publishes. */
function freePort(state: SimulatedEngineState, taken: Set<number>): number {
  const used = new Set([...taken, ...state.containers.flatMap((c) => c.ports.map((p) => p.publicPort))]);
  let port = 32768;
  while (used.has(port)) port += 1;
  return port;
}

/** The engine's refusals of the cgroup limits (dockerd's messages). */
function checkResources(spec: RunSpec): void {
  const { memoryBytes, memorySwapBytes, nanoCpus } = spec.resources;
  if (memorySwapBytes !== null && memorySwapBytes > 0) {
    if (memoryBytes === null) throw new ServiceError('VALIDATION', 'You should always set the Memory limit when using Memoryswap limit, see usage');
    if (memorySwapBytes < memoryBytes) throw new ServiceError('VALIDATION', 'Minimum memoryswap limit should be larger than memory limit, see usage');
  }
  if (nanoCpus !== null && nanoCpus > SIMULATED_VM.cpus * NANO) {
    throw new ServiceError('VALIDATION', `Range of CPUs is from 0.01 to ${SIMULATED_VM.cpus}.00, as there are only ${SIMULATED_VM.cpus} CPUs available`);
  }
}

/** What the simulated model cannot hold of a spec, said as the create's warnings. */
function unmodelled(spec: RunSpec): string[] {
  const warnings: string[] = [];
  if (spec.namespaces.ipc !== 'private') warnings.push(`The simulated engine gives every container its own IPC namespace; --ipc ${spec.namespaces.ipc} is not modelled.`);
  if (spec.namespaces.uts === 'host') warnings.push('The simulated engine gives every container its own UTS namespace; --uts host is not modelled.');
  const { memoryBytes, memorySwapBytes } = spec.resources;
  if (memoryBytes !== null && memorySwapBytes !== null && memorySwapBytes !== memoryBytes * 2) {
    warnings.push('The simulated engine always shows memory+swap as twice the memory limit.');
  }
  return warnings;
}

/**
 * `docker create` on the simulated engine, with Docker's checks and words: a name in use (CONFLICT), a missing image,
 * network or container to share a network with (NOT_FOUND), ports published without a network of its own, limits the
 * engine refuses (VALIDATION). Honours the name (or picks one), command, ports (a free one for an empty host port),
 * mounts (a missing named volume is created), limits, pid host, network bridge/user/none/host/container, labels and
 * tty. The container is left `created`: starting it is the caller's. One atomic change: a refusal changes nothing.
 */
export async function createSimulatedContainer(engine: SimulatedAccess, spec: RunSpec): Promise<{ id: string; warnings: string[] }> {
  let id = '';
  const warnings = unmodelled(spec);
  engine.mutate((state) => {
    const now = engine.clock.now();
    if (spec.name !== null) {
      const clash = state.containers.find((c) => c.name === spec.name);
      if (clash !== undefined) {
        throw new ServiceError(
          'CONFLICT',
          `Conflict. The container name "/${spec.name}" is already in use by container "${clash.id}". You have to remove (or rename) that container to be able to reuse that name.`,
        );
      }
    }
    const image = findSimulatedImage(state, spec.image);
    if (image === undefined) throw new ServiceError('NOT_FOUND', `No such image: ${spec.image}`);
    const network = networkMode(state, spec.namespaces.network);
    if (spec.ports.length > 0 && network.mode === 'container') {
      throw new ServiceError('VALIDATION', 'conflicting options: port publishing and the container type network mode');
    }
    checkResources(spec);
    const taken = new Set<number>();
    let ports: PortBinding[] = spec.ports.map((p) => {
      const publicPort = p.hostPort ?? freePort(state, taken);
      taken.add(publicPort);
      return { privatePort: p.containerPort, publicPort, ip: p.hostIp, type: p.protocol };
    });
    ports.sort((a, b) => a.privatePort - b.privatePort || (a.publicPort ?? 0) - (b.publicPort ?? 0) || (a.ip ?? '').localeCompare(b.ip ?? ''));
    if (network.mode === 'host' && ports.length > 0) {
      warnings.push('Published ports are discarded when using host network mode');
      ports = [];
    }
    const missingVolumes = [...new Set(spec.mounts.filter((m) => m.kind === 'volume' && !state.volumes.some((v) => v.name === m.source)).map((m) => m.source))];
    const mounts: ContainerMount[] = spec.mounts.map((m) => ({ type: m.kind, source: m.source, destination: m.target, mode: m.readOnly ? 'ro' : '', rw: !m.readOnly }));
    const name = spec.name ?? randomName(state);
    id = simulatedId('container', `${name}:${now}:${state.nextSeq}`);
    const program = spec.command.length === 0 ? (PROGRAMS.find(([pattern]) => image.tags.some((tag) => pattern.test(tag)))?.[1] ?? 'lines') : 'lines';
    const container: SimulatedContainer = {
      id,
      name,
      image: spec.image,
      imageId: image.id,
      command: spec.command.length > 0 ? spec.command.join(' ') : 'sh',
      program,
      startLines: [],
      created: now,
      labels: { ...spec.labels },
      state: 'created',
      exitCode: 0,
      restartCount: 0,
      tty: spec.tty,
      pidHost: spec.namespaces.pid === 'host',
      network,
      ports,
      mounts,
      memory: spec.resources.memoryBytes,
      nanoCpus: spec.resources.nanoCpus,
      pidsLimit: spec.resources.pidsLimit !== null && spec.resources.pidsLimit > 0 ? spec.resources.pidsLimit : null,
      runs: [],
    };
    const createdAt = new Date(now).toISOString();
    const volumes = missingVolumes.map((volume) => ({ name: volume, driver: 'local', createdAt, labels: {}, sizeBytes: 0 }));
    return withEvents({ ...state, volumes: [...state.volumes, ...volumes], containers: [...state.containers, container] }, now, [
      ...volumes.map((v) => ({ type: 'volume', action: 'create', id: v.name })),
      { type: 'container', action: 'create', id },
    ]);
  });
  engine.logger.info('simulated engine created a container', { id, image: spec.image, name: spec.name });
  return { id, warnings };
}
