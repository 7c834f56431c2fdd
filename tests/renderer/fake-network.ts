import type { EventChannel, EventPayload, InvokeChannel } from '../../shared/ipc/contract';
import { fail, ok, type IpcResult } from '../../shared/ipc/result';
import type { NetworkEdge, NetworkMap, NetworkNode, PortReachability, PublishedPort } from '../../shared/model/network-map';

type Emit = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => void;

/** The container id the fake engine gives a container name (its hex, padded to 64 characters). */
export function fakeContainerId(name: string): string {
  return Buffer.from(name).toString('hex').padEnd(64, '0').slice(0, 64);
}

const UNCHECKED: PortReachability = { state: 'unchecked', modelled: true, message: 'Not checked yet.', checkedAt: null };

function node(id: string, kind: NetworkNode['kind'], label: string, addresses: string[], detail: string | null, modelled: boolean): NetworkNode {
  return { id, kind, label, addresses, detail, modelled };
}

function edge(from: string, to: string, label: string | null = null): NetworkEdge {
  return { from, to, label };
}

interface PortSpec {
  container: string;
  privatePort: number;
  publicPort: number;
  protocol: PublishedPort['protocol'];
  url: string | null;
  via: PublishedPort['via'];
}

function port(spec: PortSpec, modelled: boolean): PublishedPort {
  const containerId = fakeContainerId(spec.container);
  return {
    id: `${containerId}:${spec.publicPort}/${spec.protocol}`,
    containerId,
    containerName: spec.container,
    privatePort: spec.privatePort,
    publicPort: spec.publicPort,
    protocol: spec.protocol,
    hostIp: '0.0.0.0',
    url: spec.url,
    via: spec.via,
    reachability: { ...UNCHECKED, modelled },
  };
}

function portNode(published: PublishedPort): NetworkNode {
  return node(
    `port:${published.id}`,
    'port',
    `${published.publicPort}/${published.protocol}`,
    [`${published.hostIp ?? '0.0.0.0'}:${published.publicPort}`],
    `→ container port ${published.privatePort}`,
    published.reachability.modelled,
  );
}

/**
 * The simulated host's map: Windows (vEthernet (WSL) 172.22.32.1) → NAT 172.22.32.0/20 → the VM's eth0 → the
 * `bridge` and `shop_default` networks → five containers (sidecar on `--network none`) → three published ports
 * (nginx on 8080, the API on 3000, a UDP exporter), DNS 10.255.255.254; all modelled.
 */
export function natNetworkMap(): NetworkMap {
  const ports = [
    port({ container: 'shop-web-1', privatePort: 80, publicPort: 8080, protocol: 'tcp', url: 'http://localhost:8080', via: 'localhost' }, true),
    port({ container: 'shop-api-1', privatePort: 3000, publicPort: 3000, protocol: 'tcp', url: 'http://localhost:3000', via: 'localhost' }, true),
    port({ container: 'monitor', privatePort: 9125, publicPort: 9125, protocol: 'udp', url: null, via: 'localhost' }, true),
  ];
  const containers: [string, string, string | null][] = [
    ['shop-web-1', 'net:shop_default', '172.18.0.2'],
    ['shop-api-1', 'net:shop_default', '172.18.0.3'],
    ['shop-db-1', 'net:shop_default', '172.18.0.4'],
    ['monitor', 'net:bridge', '172.17.0.2'],
    ['sidecar', 'vm', null],
  ];
  const nodes: NetworkNode[] = [
    node('windows', 'windows', 'Windows', ['172.22.32.1'], 'vEthernet (WSL)', true),
    node('nat', 'nat', 'WSL virtual switch', ['172.22.32.0/20'], 'NAT', true),
    node('vm', 'vm', 'WSL VM', ['172.22.46.118/20'], 'eth0', true),
    node('net:bridge', 'docker-network', 'bridge', ['172.17.0.0/16', 'gateway 172.17.0.1'], 'bridge driver', true),
    node('net:shop_default', 'docker-network', 'shop_default', ['172.18.0.0/16', 'gateway 172.18.0.1'], 'bridge driver', true),
    ...containers.map(([name, , ip]) => node(`container:${name}`, 'container', name, ip === null ? [] : [ip], ip === null ? '--network none' : 'running', true)),
    ...ports.map(portNode),
    node('dns', 'dns', 'DNS', ['10.255.255.254'], 'DNS tunneling', true),
  ];
  const edges: NetworkEdge[] = [
    edge('windows', 'nat', 'vEthernet (WSL)'),
    edge('nat', 'vm', 'eth0'),
    edge('vm', 'net:bridge', 'docker0'),
    edge('vm', 'net:shop_default', 'br-shop'),
    ...containers.filter(([, , ip]) => ip !== null).map(([name, network]) => edge(network, `container:${name}`)),
    ...ports.map((published) => edge(`container:${published.containerName}`, `port:${published.id}`)),
    edge('vm', 'dns', 'resolv.conf'),
  ];
  return {
    at: 1_700_000_000_000,
    simulated: true,
    placement: {
      kind: 'wsl-distro',
      distro: 'Ubuntu-24.04',
      simulated: true,
      description: 'The engine runs inside the WSL distro Ubuntu-24.04, in the WSL utility VM (simulated).',
    },
    mode: 'nat',
    nodes,
    edges,
    dns: ['10.255.255.254'],
    ports,
    problems: [
      {
        id: 'network-none:sidecar',
        kind: 'network-none',
        severity: 'info',
        message: 'sidecar runs with --network none: it reaches nothing and nothing reaches it.',
        subjects: ['sidecar'],
      },
    ],
  };
}

/** A real engine on this Linux machine with no VM: this machine → the docker0 bridge → two containers → one port. */
export function linuxHostNetworkMap(): NetworkMap {
  const web = port({ container: 'web', privatePort: 80, publicPort: 8080, protocol: 'tcp', url: 'http://localhost:8080', via: 'host' }, false);
  return {
    at: 1_700_000_000_000,
    simulated: false,
    placement: {
      kind: 'linux-host',
      distro: null,
      simulated: false,
      description: 'The engine runs directly on this Linux machine, with no VM: containers sit behind its bridge.',
    },
    mode: null,
    nodes: [
      node('host', 'host', 'This Linux machine', ['192.168.1.20'], 'no VM', false),
      node('net:bridge', 'docker-network', 'bridge', ['172.17.0.0/16'], 'bridge driver', false),
      node('container:web', 'container', 'web', ['172.17.0.2'], 'running', false),
      node('container:worker', 'container', 'worker', ['172.17.0.3'], 'running', false),
      portNode(web),
      node('dns', 'dns', 'DNS', ['192.168.1.1'], null, false),
    ],
    edges: [
      edge('host', 'net:bridge', 'docker0'),
      edge('net:bridge', 'container:web'),
      edge('net:bridge', 'container:worker'),
      edge('container:web', `port:${web.id}`),
      edge('host', 'dns'),
    ],
    dns: ['192.168.1.1'],
    ports: [web],
    problems: [],
  };
}

/** What a check finds on each port of the fixtures, by `<container name>:<public port>/<protocol>`. */
const CHECKS: Record<string, Pick<PortReachability, 'state' | 'message'>> = {
  'shop-web-1:8080/tcp': { state: 'listening', message: 'Something answers on 127.0.0.1:8080.' },
  'shop-api-1:3000/tcp': { state: 'nothing-listening', message: 'Port 3000 is published, but nothing listens on container port 3000 in shop-api-1.' },
  'monitor:9125/udp': { state: 'unsupported', message: 'UDP cannot be checked with a connection.' },
  'web:8080/tcp': { state: 'listening', message: 'Something answers on 127.0.0.1:8080.' },
};

/**
 * The network channels of the fake host: `network:map` answers `map` (every port checked with `checkPorts`), and
 * `network:check-port` answers what `CHECKS` (or `closed`) says for a port of the map, NOT_FOUND for any other.
 * Each check is later than the one before.
 */
export class FakeNetwork {
  /** What `network:map` answers; tests may replace it. */
  map: NetworkMap = natNetworkMap();
  private clock = 1_700_000_100_000;

  constructor(private readonly emit: Emit) {}

  /** Pushes `containers:changed` (with no containers), as the host does after a container event. */
  pushContainersChanged(): void {
    this.emit('containers:changed', []);
  }

  /** The answer for one of its channels, or undefined for any other channel. */
  answer(channel: InvokeChannel, request: unknown): IpcResult<unknown> | undefined {
    switch (channel) {
      case 'network:map': {
        const map = structuredClone(this.map);
        if ((request as { checkPorts?: boolean }).checkPorts !== true) return ok(map);
        return ok({ ...map, ports: map.ports.map((published) => ({ ...published, reachability: this.check(published) })) });
      }
      case 'network:check-port': {
        const { containerId, publicPort, protocol } = request as { containerId: string; publicPort: number; protocol: string };
        const found = this.map.ports.find(
          (published) =>
            (published.containerId === containerId || published.containerName === containerId) && published.publicPort === publicPort && published.protocol === protocol,
        );
        if (found === undefined) return fail('NOT_FOUND', `No container publishes port ${publicPort}/${protocol} as ${containerId}.`);
        return ok(this.check(found));
      }
      default:
        return undefined;
    }
  }

  private check(published: PublishedPort): PortReachability {
    this.clock += 1000;
    const finding = CHECKS[`${published.containerName}:${published.publicPort}/${published.protocol}`] ?? {
      state: 'closed',
      message: `Nothing accepts a connection on 127.0.0.1:${published.publicPort}.`,
    };
    return { ...finding, modelled: this.map.simulated, checkedAt: this.clock };
  }
}
