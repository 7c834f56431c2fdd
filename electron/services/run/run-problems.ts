import type { ContainerSummary, PortBinding } from '../../../shared/model/container';
import type { ImageSummary, NetworkSummary } from '../../../shared/model/engine';
import { isContainerReference } from '../../../shared/model/engine-reference';
import type { RunProblem, RunSpec } from '../../../shared/model/run-container';
import { formatPublish } from '../../../shared/model/docker-run-line';
import { findContainer } from '../docker/find-container';

// The checks a run gets before anything is created, from the engine's listings alone (pure): each problem is one
// sentence on the field it belongs to, blocking when Docker would refuse the run or it would not do what was asked.

/** What the engine has, read once per plan. */
export interface EngineListing {
  containers: readonly ContainerSummary[];
  images: readonly ImageSummary[];
  networks: readonly NetworkSummary[];
}

const CONTAINER_PREFIX = 'container:';
const ANY_ADDRESSES = new Set(['0.0.0.0', '::', '']);

function blocking(field: string, message: string): RunProblem {
  return { field, message, blocking: true };
}

function warning(field: string, message: string): RunProblem {
  return { field, message, blocking: false };
}

/** A reference without Docker Hub's implied `docker.io/` and `library/`, with `:latest` when it names no tag or digest. */
export function normalizeImageRef(ref: string): string {
  const bare = ref.replace(/^docker\.io\//, '').replace(/^library\//, '');
  return /[:@][^/]*$/.test(bare) ? bare : `${bare}:latest`;
}

/** True when the engine has the image a reference names locally: by tag, full id or unambiguous id prefix (a digest reference is left to the engine). */
export function hasImage(images: readonly ImageSummary[], ref: string): boolean {
  if (ref.includes('@')) return true;
  const wanted = normalizeImageRef(ref);
  if (images.some((image) => image.tags.some((tag) => normalizeImageRef(tag) === wanted))) return true;
  const hex = ref.replace(/^sha256:/, '');
  if (!/^[a-f0-9]{4,64}$/.test(hex)) return false;
  return images.filter((image) => image.id.replace(/^sha256:/, '').startsWith(hex)).length === 1;
}

/** True when two host addresses overlap (the same, or either is every address). */
function sameAddress(a: string | null, b: string | null): boolean {
  return ANY_ADDRESSES.has(a ?? '') || ANY_ADDRESSES.has(b ?? '') || a === b;
}

/** The running container that already publishes this host port and protocol on an overlapping address. */
function publisherOf(containers: readonly ContainerSummary[], hostIp: string, hostPort: number, protocol: PortBinding['type']): ContainerSummary | undefined {
  return containers.find((c) => c.ports.some((p) => p.publicPort === hostPort && p.type === protocol && sameAddress(p.ip, hostIp)));
}

function checkName(spec: RunSpec, listing: EngineListing): RunProblem[] {
  if (spec.name === null) return [];
  const owner = listing.containers.find((c) => c.name === spec.name);
  return owner === undefined ? [] : [blocking('name', `The name "${spec.name}" is already used by container ${owner.id.slice(0, 12)}; remove it or pick another name.`)];
}

function checkImage(spec: RunSpec, listing: EngineListing): RunProblem[] {
  return hasImage(listing.images, spec.image) ? [] : [blocking('image', `The image ${spec.image} is not on this engine; pull it first.`)];
}

/** `--network`: host, none, bridge, `container:<ref>` of a container that exists (and runs, when the run starts it), or a network that exists. */
function checkNetwork(spec: RunSpec, listing: EngineListing): RunProblem[] {
  const network = spec.namespaces.network;
  if (network === 'host' || network === 'none' || network === 'bridge') return [];
  if (network.startsWith(CONTAINER_PREFIX)) {
    const ref = network.slice(CONTAINER_PREFIX.length);
    const owner = isContainerReference(ref) ? findContainer(listing.containers, ref) : undefined;
    if (owner === undefined) return [blocking('namespaces.network', `There is no container "${ref}" to share a network namespace with.`)];
    if (owner.state !== 'running' && owner.state !== 'paused') {
      const message = `Container ${owner.name} is not running; start it first to share its network namespace.`;
      return [spec.start ? blocking('namespaces.network', message) : warning('namespaces.network', message)];
    }
    return [];
  }
  const known = listing.networks.some((n) => n.name === network || n.id === network || (network.length >= 12 && n.id.startsWith(network)));
  return known ? [] : [blocking('namespaces.network', `There is no network "${network}"; create it first or pick bridge.`)];
}

/** Ports: none with a network of another kind; each host port once in the spec, and not published by a running container. */
function checkPorts(spec: RunSpec, listing: EngineListing): RunProblem[] {
  const network = spec.namespaces.network;
  if (spec.ports.length > 0 && (network === 'host' || network === 'none' || network.startsWith(CONTAINER_PREFIX))) {
    const mode = network.startsWith(CONTAINER_PREFIX) ? 'another container' : network;
    return [blocking('ports.0', `Ports cannot be published on the ${mode} network; remove them or use a network of its own (bridge).`)];
  }
  const problems: RunProblem[] = [];
  spec.ports.forEach((port, index) => {
    if (port.hostPort === null) return;
    const field = `ports.${index}`;
    const twin = spec.ports.findIndex((other, j) => j < index && other.hostPort === port.hostPort && other.protocol === port.protocol && sameAddress(other.hostIp, port.hostIp));
    if (twin !== -1) {
      problems.push(blocking(field, `Host port ${port.hostPort} is published twice (also by ${formatPublish(spec.ports[twin] ?? port)}).`));
      return;
    }
    const owner = publisherOf(listing.containers, port.hostIp, port.hostPort, port.protocol);
    if (owner !== undefined) {
      const message = `Host port ${port.hostPort} is already published by container ${owner.name}.`;
      problems.push(spec.start ? blocking(field, message) : warning(field, `${message} Starting this one will fail while it runs.`));
    }
  });
  return problems;
}

/** Environment: a name set twice (the last value wins, as in docker). */
function checkEnv(spec: RunSpec): RunProblem[] {
  return spec.env.flatMap((env, index) =>
    spec.env.findIndex((other) => other.name === env.name) < index ? [warning(`env.${index}`, `${env.name} is set twice; the last value wins.`)] : [],
  );
}

/** Mounts: one per container path. */
function checkMounts(spec: RunSpec): RunProblem[] {
  return spec.mounts.flatMap((mount, index) =>
    spec.mounts.findIndex((other) => other.target === mount.target) < index ? [blocking(`mounts.${index}`, `${mount.target} is mounted twice; each container path takes one mount.`)] : [],
  );
}

/** Memory and swap as dockerd checks them; retries only with on-failure. */
function checkResources(spec: RunSpec): RunProblem[] {
  const { memoryBytes, memorySwapBytes } = spec.resources;
  const problems: RunProblem[] = [];
  if (memorySwapBytes !== null && memorySwapBytes > 0) {
    if (memoryBytes === null) problems.push(blocking('resources.memorySwapBytes', 'Memory+swap needs a memory limit too; set memory first.'));
    else if (memorySwapBytes < memoryBytes) problems.push(blocking('resources.memorySwapBytes', 'Memory+swap is memory plus swap, so it cannot be below the memory limit.'));
  }
  if (spec.maxRetries !== null && spec.restart !== 'on-failure') problems.push(warning('restart', `Retries apply to on-failure only; "${spec.restart}" ignores them.`));
  return problems;
}

/** Every problem the listings show, in the form's order. */
export function listingProblems(spec: RunSpec, listing: EngineListing): RunProblem[] {
  return [
    ...checkImage(spec, listing),
    ...checkName(spec, listing),
    ...checkNetwork(spec, listing),
    ...checkPorts(spec, listing),
    ...checkEnv(spec),
    ...checkMounts(spec),
    ...checkResources(spec),
  ];
}
