import type { EnginePlacementKind } from '../../../../shared/model/engine-placement';
import type { NetworkNodeKind, NetworkProblemKind, PortReachability, PortReachabilityState, PublishedPort } from '../../../../shared/model/network-map';
import type { NetworkingMode } from '../../../../shared/model/vm';

/** The heading of each layer of the map, by node kind. */
export const LAYER_TITLE: Record<NetworkNodeKind, string> = {
  windows: 'Windows',
  host: 'This Linux machine',
  nat: 'NAT',
  vm: 'WSL VM',
  'docker-network': 'Docker networks',
  container: 'Containers',
  port: 'Published ports',
  dns: 'DNS',
};

/** WSL's networking modes in words. */
export const MODE_TEXT: Record<NetworkingMode, string> = {
  nat: 'NAT (the VM has its own IP behind a virtual switch)',
  mirrored: 'Mirrored (the VM shares the host’s addresses)',
  none: 'None (the VM has no network)',
  bridged: 'Bridged',
  virtioproxy: 'VirtioProxy',
};

/** Where the engine runs, in a few words. */
export const PLACEMENT_TEXT: Record<EnginePlacementKind, string> = {
  'wsl-distro': 'In a WSL distro',
  'linux-host': 'This Linux machine (no VM)',
  remote: 'Another machine',
  none: 'No engine answers',
};

/** The title of each kind of problem, named plainly. */
export const PROBLEM_TITLE: Record<NetworkProblemKind, string> = {
  'port-conflict': 'Two containers ask for the same host port',
  'port-taken': 'A host port is taken by another program',
  'localhost-forwarding-off': 'Localhost forwarding is off',
  'mirrored-limits': 'Mirrored mode has known limits',
  'network-none': 'A container has no network',
  'vm-stopped': 'The WSL VM is stopped',
  'engine-unreachable': 'The Docker engine does not answer',
};

/** The chip's words and colour for each reachability state. */
export const REACHABILITY_CHIP: Record<PortReachabilityState, { label: string; color: 'success' | 'warning' | 'error' | 'default' | 'info' }> = {
  listening: { label: 'Listening', color: 'success' },
  'nothing-listening': { label: 'Nothing listening', color: 'warning' },
  closed: { label: 'Closed', color: 'error' },
  unsupported: { label: 'Not checkable', color: 'default' },
  'not-local': { label: 'Not local', color: 'info' },
  unchecked: { label: 'Not checked', color: 'default' },
};

/** `80 → 8080/tcp`: the container port, then the host port and protocol. */
export function portMapping(port: PublishedPort): string {
  return `${port.privatePort} → ${port.publicPort}/${port.protocol}`;
}

/** How a row names its port in control names: `shop-web-1 port 8080/tcp`. */
export function portName(port: PublishedPort): string {
  return `${port.containerName} port ${port.publicPort}/${port.protocol}`;
}

/** The later of two findings for the same port (an unchecked one never wins over a checked one). */
export function laterReachability(a: PortReachability, b: PortReachability | undefined): PortReachability {
  if (b === undefined) return a;
  return (b.checkedAt ?? -1) > (a.checkedAt ?? -1) ? b : a;
}

/**
 * True when the app opens the URL in the OS browser: https, or http on localhost / 127.0.0.1 (the desktop app's
 * main process refuses every other URL).
 */
export function isOpenableUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'https:') return true;
  return parsed.protocol === 'http:' && (parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1');
}
