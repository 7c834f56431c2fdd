import type { ContainerSummary } from '../../../shared/model/container';
import type { NetworkSummary } from '../../../shared/model/engine';
import type { EnginePlacement } from '../../../shared/model/engine-placement';
import type { NetworkEdge, NetworkNode, PublishedPort } from '../../../shared/model/network-map';
import type { NetworkingMode, VmInfo } from '../../../shared/model/vm';

/** The model's bounds on the drawing. */
const MAX_NODES = 5000;
const MAX_EDGES = 10_000;
const MAX_ADDRESSES = 64;

/** What the map is drawn from. */
export interface MapFacts {
  placement: EnginePlacement;
  /** The WSL VM, null when there is no WSL. */
  vm: VmInfo | null;
  /** True when the VM is the simulated host's. */
  vmModelled: boolean;
  networks: readonly NetworkSummary[];
  containers: readonly ContainerSummary[];
  ports: readonly PublishedPort[];
  /** The DNS servers the engine's side uses (the VM's, or this machine's). */
  dns: readonly string[];
  /** The engine's machine for a remote engine, else null. */
  remoteHost: string | null;
  /** Containers in another container's network namespace (`--network container:<id>`): their id → the owner's id. */
  sharesNetworkOf?: ReadonlyMap<string, string>;
}

/** The map's boxes and lines. */
export interface MapDrawing {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

const VM_DETAIL: Record<NetworkingMode, string> = {
  nat: 'eth0 behind the WSL NAT',
  mirrored: "mirrored networking: the VM has the host's interfaces and addresses",
  none: 'networkingMode=none: the VM has no network',
  bridged: 'bridged networking: eth0 on a host adapter of its own',
  virtioproxy: 'virtioproxy networking: traffic relayed through the host',
};

/** Node ids, stable across calls so a drawing can animate changes. */
export const nodeId = {
  windows: 'windows',
  nat: 'nat',
  vm: 'vm',
  host: 'host',
  dns: 'dns',
  network: (name: string): string => `network:${name}`,
  container: (id: string): string => `container:${id}`,
  port: (portId: string): string => `port:${portId}`,
};

class Drawing {
  readonly nodes: NetworkNode[] = [];
  readonly edges: NetworkEdge[] = [];
  private readonly ids = new Set<string>();

  node(node: Omit<NetworkNode, 'addresses' | 'label'> & { label: string; addresses: readonly (string | null)[] }): boolean {
    if (this.nodes.length >= MAX_NODES || this.ids.has(node.id)) return false;
    const addresses = node.addresses.filter((a): a is string => a !== null && a !== '').map((a) => a.slice(0, 128)).slice(0, MAX_ADDRESSES);
    this.nodes.push({ ...node, label: node.label.slice(0, 512), addresses, detail: node.detail === null ? null : node.detail.slice(0, 512) });
    this.ids.add(node.id);
    return true;
  }

  edge(from: string, to: string, label: string | null): void {
    if (this.edges.length >= MAX_EDGES || !this.ids.has(from) || !this.ids.has(to)) return;
    this.edges.push({ from, to, label: label === null ? null : label.slice(0, 256) });
  }
}

/** Windows → (NAT →) the VM, drawn for the mode; answers the id of the VM's node (where the engine hangs in WSL), or null. */
function drawWsl(drawing: Drawing, vm: VmInfo, modelled: boolean): string | null {
  const { network } = vm;
  const running = vm.state === 'Running';
  const mirrored = network.mode === 'mirrored';
  drawing.node({
    id: nodeId.windows,
    kind: 'windows',
    label: 'Windows',
    addresses: [network.hostIp],
    detail: mirrored ? 'shares its addresses with the VM (mirrored)' : network.mode === 'nat' ? 'vEthernet (WSL)' : `networkingMode=${network.mode}`,
    modelled,
  });
  const vmAddress = network.vmIp === null ? null : network.prefixLength === null ? network.vmIp : `${network.vmIp}/${network.prefixLength}`;
  drawing.node({
    id: nodeId.vm,
    kind: 'vm',
    label: 'WSL2 VM',
    addresses: running ? [vmAddress] : [],
    detail: running ? VM_DETAIL[network.mode] : `${vm.state.toLowerCase()}: no address until a distro starts`,
    modelled,
  });
  if (network.mode === 'nat') {
    drawing.node({ id: nodeId.nat, kind: 'nat', label: 'WSL NAT', addresses: [network.subnet], detail: 'Hyper-V virtual switch (ICS)', modelled });
    drawing.edge(nodeId.windows, nodeId.nat, network.hostIp === null ? 'vEthernet (WSL)' : `vEthernet (WSL) ${network.hostIp}`);
    drawing.edge(nodeId.nat, nodeId.vm, 'eth0');
  } else {
    drawing.edge(nodeId.windows, nodeId.vm, mirrored ? 'mirrored: same addresses' : network.mode);
  }
  return nodeId.vm;
}

/** The node the engine's networks hang from: the VM, this Linux machine, another machine, or none. */
function drawEngineParent(drawing: Drawing, facts: MapFacts, vmNode: string | null): string | null {
  const { placement } = facts;
  switch (placement.kind) {
    case 'wsl-distro':
      if (vmNode !== null) return vmNode;
      drawing.node({ id: nodeId.host, kind: 'host', label: 'Docker engine', addresses: [], detail: placement.description, modelled: placement.simulated });
      return nodeId.host;
    case 'linux-host':
      drawing.node({ id: nodeId.host, kind: 'host', label: 'This Linux machine', addresses: [], detail: 'the Docker engine runs here, with no VM', modelled: placement.simulated });
      return nodeId.host;
    case 'remote':
      drawing.node({ id: nodeId.host, kind: 'host', label: 'Another machine', addresses: [facts.remoteHost], detail: placement.description, modelled: placement.simulated });
      return nodeId.host;
    case 'none':
      return null;
  }
}

function drawContainers(drawing: Drawing, facts: MapFacts, parent: string): void {
  const modelled = facts.placement.simulated;
  for (const network of facts.networks) {
    drawing.node({
      id: nodeId.network(network.name),
      kind: 'docker-network',
      label: network.name,
      addresses: [network.subnet, network.gateway],
      detail: `driver ${network.driver}${network.gateway === null ? '' : `, gateway ${network.gateway}`}`,
      modelled,
    });
    drawing.edge(parent, nodeId.network(network.name), network.driver === 'bridge' && network.gateway !== null ? `gateway ${network.gateway}` : network.driver);
  }
  const portsOf = new Map<string, PublishedPort[]>();
  for (const port of facts.ports) portsOf.set(port.containerId, [...(portsOf.get(port.containerId) ?? []), port]);
  for (const container of facts.containers) {
    const id = nodeId.container(container.id);
    const shared = container.networks.length === 0;
    const added = drawing.node({
      id,
      kind: 'container',
      label: container.name,
      addresses: container.networks.map((n) => n.ipAddress),
      detail: `${container.state}${shared ? ", in another container's network namespace" : ''}`,
      modelled,
    });
    if (!added) continue;
    for (const network of container.networks) drawing.edge(nodeId.network(network.name), id, network.ipAddress);
    for (const port of portsOf.get(container.id) ?? []) {
      drawing.node({
        id: nodeId.port(port.id),
        kind: 'port',
        label: `${port.publicPort}/${port.protocol} → ${port.privatePort}`,
        addresses: [`${port.hostIp !== null && port.hostIp.includes(':') ? `[${port.hostIp}]` : (port.hostIp ?? '0.0.0.0')}:${port.publicPort}`],
        detail: port.url,
        modelled,
      });
      drawing.edge(id, nodeId.port(port.id), `container port ${port.privatePort}`);
    }
  }
  for (const [sharer, owner] of facts.sharesNetworkOf ?? []) drawing.edge(nodeId.container(owner), nodeId.container(sharer), 'shares its network namespace');
}

/**
 * The map's nodes and edges: Windows (its `vEthernet (WSL)` address) → the NAT subnet → the VM's eth0 (mirrored
 * and the other modes drawn as such) when WSL is there; the engine's side under the VM, this Linux machine or
 * another machine (by placement) → each Docker network → each container with its addresses → its published
 * ports; the DNS in use. Ids are stable; every edge joins two drawn nodes; the model's bounds hold.
 */
export function buildNetworkMap(facts: MapFacts): MapDrawing {
  const drawing = new Drawing();
  const vmNode = facts.vm === null ? null : drawWsl(drawing, facts.vm, facts.vmModelled);
  const parent = drawEngineParent(drawing, facts, vmNode);
  if (parent !== null) drawContainers(drawing, facts, parent);
  const dnsParent = parent ?? vmNode;
  if (facts.dns.length > 0 && dnsParent !== null) {
    const modelled = dnsParent === nodeId.vm ? facts.vmModelled : facts.placement.simulated;
    drawing.node({ id: nodeId.dns, kind: 'dns', label: 'DNS', addresses: facts.dns, detail: 'nameservers in /etc/resolv.conf', modelled });
    drawing.edge(dnsParent, nodeId.dns, 'resolves names');
  }
  return { nodes: drawing.nodes, edges: drawing.edges };
}
