import { z } from 'zod';
import type { ContainerSummary } from '../../../shared/model/container';

/** How many host ports one container's inspect document may contribute. */
const MAX_BINDINGS_PER_CONTAINER = 256;

const HostBinding = z.object({ HostIp: z.string().max(64).nullish(), HostPort: z.string().max(16).nullish() });

/** The parts of a raw `docker inspect` document the network view reads; anything else is ignored, anything malformed refused. */
export const NetworkInspect = z.object({
  HostConfig: z
    .object({
      PortBindings: z.record(z.string().max(32), z.array(HostBinding).max(64).nullable()).nullish(),
      NetworkMode: z.string().max(512).nullish(),
    })
    .nullish(),
  State: z.object({ Error: z.string().max(4096).nullish() }).nullish(),
  /** The simulated engine's model: the container ports its program listens on. */
  Lightdock: z.object({ simulated: z.literal(true), listensOn: z.array(z.number().int().min(0).max(65535)).max(64).optional() }).nullish(),
});
export type NetworkInspect = z.infer<typeof NetworkInspect>;

/** A host port a container has, or asks for when it starts. */
export interface ConfiguredBinding {
  containerId: string;
  containerName: string;
  running: boolean;
  privatePort: number;
  hostPort: number;
  protocol: 'tcp' | 'udp' | 'sctp';
  hostIp: string | null;
}

const protocolOf = (text: string): ConfiguredBinding['protocol'] => (text === 'udp' || text === 'sctp' ? text : 'tcp');

/** The inspect document's fields the network view reads, or null when it is not shaped like one. */
export function parseNetworkInspect(raw: unknown): NetworkInspect | null {
  const parsed = NetworkInspect.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** The fixed host ports in `HostConfig.PortBindings` (a blank or 0 HostPort asks for any free port and is left out). */
export function bindingsFromInspect(container: Pick<ContainerSummary, 'id' | 'name'>, inspect: NetworkInspect): ConfiguredBinding[] {
  const out: ConfiguredBinding[] = [];
  for (const [key, hosts] of Object.entries(inspect.HostConfig?.PortBindings ?? {})) {
    const match = /^(\d{1,5})(?:\/(tcp|udp|sctp))?$/.exec(key);
    if (match === null || hosts === null) continue;
    for (const host of hosts) {
      const hostPort = Number(host.HostPort ?? '');
      if (!Number.isInteger(hostPort) || hostPort < 1 || hostPort > 65535 || out.length >= MAX_BINDINGS_PER_CONTAINER) continue;
      const hostIp = host.HostIp === undefined || host.HostIp === null || host.HostIp === '' ? null : host.HostIp;
      out.push({ containerId: container.id, containerName: container.name, running: false, privatePort: Number(match[1]), hostPort, protocol: protocolOf(match[2] ?? 'tcp'), hostIp });
    }
  }
  return out;
}

/** The host ports a running container holds now, from the engine's list. */
export function bindingsFromSummary(container: ContainerSummary): ConfiguredBinding[] {
  return container.ports
    .filter((p) => p.publicPort !== null && p.publicPort > 0)
    .slice(0, MAX_BINDINGS_PER_CONTAINER)
    .map((p) => ({ containerId: container.id, containerName: container.name, running: true, privatePort: p.privatePort, hostPort: p.publicPort ?? 0, protocol: p.type, hostIp: p.ip }));
}

/** True when the engine's start error says the host port was taken (`port is already allocated`, `address already in use`). */
export function isPortTakenError(message: string | null | undefined): boolean {
  return message !== null && message !== undefined && /port is already allocated|address already in use/i.test(message);
}
