import { z } from 'zod';
import { EnginePlacement } from './engine-placement';
import { NetworkingMode } from './vm';

/** What one node of the network map stands for. */
export const NetworkNodeKind = z.enum(['windows', 'host', 'nat', 'vm', 'docker-network', 'container', 'port', 'dns']);
export type NetworkNodeKind = z.infer<typeof NetworkNodeKind>;

/** One box of the map: Windows and its `vEthernet (WSL)` address, the NAT subnet, the VM's eth0, a Docker network, a container, a published port, the DNS in use. */
export const NetworkNode = z.object({
  id: z.string().max(512),
  kind: NetworkNodeKind,
  label: z.string().max(512),
  /** Addresses shown on the node (`172.18.96.1`, `172.17.0.0/16`, `127.0.0.1:8080`). */
  addresses: z.array(z.string().max(128)).max(64),
  /** One line under the label (driver, mode, interface), or null. */
  detail: z.string().max(512).nullable(),
  /** True when the figures are the simulated host's model. */
  modelled: z.boolean(),
});
export type NetworkNode = z.infer<typeof NetworkNode>;

/** A line of the map from one node to another (`from` is nearer Windows). */
export const NetworkEdge = z.object({ from: z.string(), to: z.string(), label: z.string().max(256).nullable() });
export type NetworkEdge = z.infer<typeof NetworkEdge>;

/**
 * What a reachability check found on 127.0.0.1: something answers (`listening`); the port is published but the
 * engine's proxy drops the connection because nothing listens inside the container (`nothing-listening`);
 * nothing accepts the connection (`closed`); not checked yet (`unchecked`); a protocol a connect cannot check
 * (`unsupported`, UDP and SCTP); or bound to an address that is not loopback-reachable (`not-local`).
 */
export const PortReachabilityState = z.enum(['unchecked', 'listening', 'nothing-listening', 'closed', 'unsupported', 'not-local']);
export type PortReachabilityState = z.infer<typeof PortReachabilityState>;

/** The outcome of one check, in one sentence; `modelled` on the simulated host. */
export const PortReachability = z.object({
  state: PortReachabilityState,
  modelled: z.boolean(),
  message: z.string(),
  checkedAt: z.number().int().nullable(),
});
export type PortReachability = z.infer<typeof PortReachability>;

/** One published port with the URL that reaches it from Windows and what answers there. */
export const PublishedPort = z.object({
  /** `<containerId>:<publicPort>/<protocol>`. */
  id: z.string(),
  containerId: z.string(),
  containerName: z.string(),
  privatePort: z.number().int().min(0).max(65535),
  publicPort: z.number().int().min(0).max(65535),
  protocol: z.enum(['tcp', 'udp', 'sctp']),
  /** The address the engine bound (`0.0.0.0`, `127.0.0.1`, `::`), null when it did not say. */
  hostIp: z.string().nullable(),
  /** `http://localhost:8080` when localhost forwarding works, `http://<vm-ip>:8080` otherwise; null for UDP/SCTP. */
  url: z.string().nullable(),
  /** How the URL reaches the port from Windows. */
  via: z.enum(['localhost', 'vm-ip', 'host']),
  reachability: PortReachability,
});
export type PublishedPort = z.infer<typeof PublishedPort>;

/** What a network problem is about. */
export const NetworkProblemKind = z.enum([
  'port-conflict',
  'port-taken',
  'localhost-forwarding-off',
  'mirrored-limits',
  'network-none',
  'vm-stopped',
  'engine-unreachable',
]);
export type NetworkProblemKind = z.infer<typeof NetworkProblemKind>;

/** A problem named plainly, with the containers or ports it is about. */
export const NetworkProblem = z.object({
  id: z.string(),
  kind: NetworkProblemKind,
  severity: z.enum(['info', 'warning', 'error']),
  message: z.string(),
  subjects: z.array(z.string()).max(100),
});
export type NetworkProblem = z.infer<typeof NetworkProblem>;

/** The network from Windows down to each published port, as the Network page and `lightdock network --json` show it. */
export const NetworkMap = z.object({
  at: z.number().int(),
  simulated: z.boolean(),
  placement: EnginePlacement,
  /** WSL's networking mode, null when there is no WSL. */
  mode: NetworkingMode.nullable(),
  nodes: z.array(NetworkNode).max(5000),
  edges: z.array(NetworkEdge).max(10_000),
  dns: z.array(z.string()).max(32),
  ports: z.array(PublishedPort).max(5000),
  problems: z.array(NetworkProblem).max(500),
});
export type NetworkMap = z.infer<typeof NetworkMap>;

/** Which published port `network:check-port` checks. */
export const CheckPortRequest = z
  .object({
    containerId: z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/, 'Not a container id or name.'),
    publicPort: z.number().int().min(1).max(65535),
    protocol: z.enum(['tcp', 'udp', 'sctp']),
  })
  .strict();
