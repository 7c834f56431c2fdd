import type { ContainerSummary, PortBinding } from '../../../shared/model/container';
import type { EnginePlacement } from '../../../shared/model/engine-placement';
import type { PortReachability, PublishedPort } from '../../../shared/model/network-map';
import type { VmNetwork } from '../../../shared/model/vm';
import { DOCKER_DESKTOP_DISTRO } from '../placement/engine-placement';

/** How many published ports the map lists (the model's bound). */
export const MAX_PORTS = 5000;

/** What decides the URL that reaches a published port from Windows (or from this machine). */
export interface UrlContext {
  placement: EnginePlacement;
  /** The WSL VM's network, null when there is no WSL. */
  vm: VmNetwork | null;
  /** The engine's machine for a remote engine (`build-host.lan`), else null. */
  remoteHost: string | null;
}

/** True for an address that means every interface (`0.0.0.0`, `::`) or none given. */
export function isWildcard(ip: string | null): boolean {
  return ip === null || ip === '' || ip === '0.0.0.0' || ip === '::' || ip === '[::]';
}

/** True for a loopback address (`127.x.y.z`, `::1`, `localhost`). */
export function isLoopback(ip: string | null): boolean {
  return ip !== null && (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ip) || ip === '::1' || ip === '[::1]' || ip === 'localhost');
}

const hostPart = (ip: string): string => (ip.includes(':') && !ip.startsWith('[') ? `[${ip}]` : ip);
const http = (host: string, port: number): string => `http://${hostPart(host)}:${port}`;

/** The URL and route for one published port; the URL is null for UDP/SCTP and when nothing reaches the port from Windows. */
export function portUrl(binding: { publicPort: number; protocol: PublishedPort['protocol']; hostIp: string | null }, context: UrlContext): Pick<PublishedPort, 'url' | 'via'> {
  const { publicPort, hostIp } = binding;
  const local = isWildcard(hostIp) || isLoopback(hostIp);
  const route = ((): Pick<PublishedPort, 'url' | 'via'> => {
    const { placement, vm } = context;
    if (placement.kind === 'linux-host') return { url: http(local ? 'localhost' : (hostIp ?? 'localhost'), publicPort), via: 'host' };
    if (placement.kind === 'remote') {
      if (!isWildcard(hostIp)) return { url: isLoopback(hostIp) ? null : http(hostIp ?? '', publicPort), via: 'host' };
      return { url: context.remoteHost === null ? null : http(context.remoteHost, publicPort), via: 'host' };
    }
    if (!local) return { url: http(hostIp ?? '', publicPort), via: 'vm-ip' };
    if (vm === null || placement.distro === DOCKER_DESKTOP_DISTRO || vm.mode === 'mirrored') return { url: http('localhost', publicPort), via: 'localhost' };
    if (vm.mode === 'nat' && vm.localhostForwarding) return { url: http('localhost', publicPort), via: 'localhost' };
    if (vm.mode === 'none' || vm.vmIp === null || isLoopback(hostIp)) return { url: null, via: 'vm-ip' };
    return { url: http(vm.vmIp, publicPort), via: 'vm-ip' };
  })();
  return binding.protocol === 'tcp' ? route : { url: null, via: route.via };
}

/** A port nobody has checked yet. */
export const UNCHECKED: PortReachability = { state: 'unchecked', modelled: false, message: 'Not checked.', checkedAt: null };

/** The address to keep when the engine lists one port twice (`0.0.0.0` and `::`): every interface beats one. */
function preferred(a: string | null, b: string | null): string | null {
  if (isWildcard(a) && !isWildcard(b)) return a;
  if (isWildcard(b) && !isWildcard(a)) return b;
  if (a === '0.0.0.0' || b === '0.0.0.0') return '0.0.0.0';
  return a ?? b;
}

/** The host port a binding publishes, or null when it publishes none. */
const publicPortOf = (binding: PortBinding): number | null => (binding.publicPort !== null && binding.publicPort > 0 ? binding.publicPort : null);

/**
 * Every published port of the running containers, one per container, host port and protocol (the engine's IPv4
 * and IPv6 rows merged), each with the URL that reaches it and reachability `unchecked`; at most MAX_PORTS.
 */
export function publishedPorts(containers: readonly ContainerSummary[], context: UrlContext, unchecked: PortReachability = UNCHECKED): PublishedPort[] {
  const byId = new Map<string, PublishedPort>();
  for (const container of containers) {
    for (const binding of container.ports) {
      const publicPort = publicPortOf(binding);
      if (publicPort === null) continue;
      const id = `${container.id}:${publicPort}/${binding.type}`;
      const seen = byId.get(id);
      if (seen !== undefined) {
        const hostIp = preferred(seen.hostIp, binding.ip);
        byId.set(id, { ...seen, hostIp, ...portUrl({ publicPort, protocol: binding.type, hostIp }, context) });
        continue;
      }
      if (byId.size >= MAX_PORTS) continue;
      byId.set(id, {
        id,
        containerId: container.id,
        containerName: container.name,
        privatePort: binding.privatePort,
        publicPort,
        protocol: binding.type,
        hostIp: binding.ip,
        ...portUrl({ publicPort, protocol: binding.type, hostIp: binding.ip }, context),
        reachability: unchecked,
      });
    }
  }
  return [...byId.values()].sort((a, b) => a.publicPort - b.publicPort || a.protocol.localeCompare(b.protocol) || a.containerName.localeCompare(b.containerName));
}
