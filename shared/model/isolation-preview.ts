import type { ContainerCgroup, ContainerNamespaces, NamespaceInfo } from './container';
import type { RunSpec } from './run-container';

// What a run will get, namespace by namespace and limit by limit, before it exists: the same fields the container
// detail fills from a real inspect (map-container's mapNamespaces and mapCgroup), so preview and detail agree.

/** The engine's setup the preview depends on (the engine port's EngineFacts). */
export interface IsolationFacts {
  cgroupVersion: 1 | 2 | null;
  usernsRemap: boolean;
}

/** A container a `container:<ref>` network resolves to, or undefined when there is none. */
export type ResolveContainer = (ref: string) => { id: string; name: string } | undefined;

/** The isolation preview: the detail page's namespaces and cgroup panels for a container not yet created. */
export interface IsolationPreview {
  namespaces: ContainerNamespaces;
  cgroup: ContainerCgroup;
}

const CONTAINER_PREFIX = 'container:';

function info(mode: NamespaceInfo['mode'], container: string | null = null): NamespaceInfo {
  return { mode, container, inode: null };
}

/** The network namespace of `--network`: the host's, another container's (by id once resolved), else its own (bridge, user networks, none). */
function networkNamespace(network: string, resolve: ResolveContainer): NamespaceInfo {
  if (network === 'host') return info('host');
  if (network.startsWith(CONTAINER_PREFIX)) {
    const ref = network.slice(CONTAINER_PREFIX.length);
    return info('container', resolve(ref)?.id ?? ref);
  }
  return info('private');
}

/** The memory+swap limit the engine records: as given (-1 unlimited), else twice the memory limit (dockerd's default), else none. */
function swapLimit(memoryBytes: number | null, memorySwapBytes: number | null): number | null {
  if (memorySwapBytes !== null) return memorySwapBytes > 0 ? memorySwapBytes : null;
  return memoryBytes !== null && memoryBytes > 0 ? memoryBytes * 2 : null;
}

function positive(value: number | null): number | null {
  return value !== null && value > 0 ? value : null;
}

/**
 * Namespaces and cgroup a run of `spec` gets, as the detail page will show them once it exists (inodes, cgroup path
 * and use are null until then): net, pid, ipc and uts from the spec; mnt its own; user its own only under
 * userns-remap; cgroup its own on cgroup v2, the host's on v1 (Docker's defaults); limits from the resources.
 */
export function isolationPreview(spec: RunSpec, facts: IsolationFacts, resolveContainer: ResolveContainer): IsolationPreview {
  const { namespaces, resources } = spec;
  return {
    namespaces: {
      pid: info(namespaces.pid === 'host' ? 'host' : 'private'),
      net: networkNamespace(namespaces.network, resolveContainer),
      ipc: info(namespaces.ipc === 'host' ? 'host' : 'private'),
      uts: info(namespaces.uts === 'host' ? 'host' : 'private'),
      mnt: info('private'),
      user: info(facts.usernsRemap ? 'private' : 'host'),
      cgroup: info(facts.cgroupVersion === 2 ? 'private' : 'host'),
    },
    cgroup: {
      version: facts.cgroupVersion,
      path: null,
      memoryLimitBytes: positive(resources.memoryBytes),
      memorySwapLimitBytes: swapLimit(positive(resources.memoryBytes), resources.memorySwapBytes),
      nanoCpus: positive(resources.nanoCpus),
      cpuQuota: null,
      cpuPeriod: null,
      cpuShares: null,
      pidsLimit: positive(resources.pidsLimit),
      memoryUsageBytes: null,
      pidsCurrent: null,
    },
  };
}
