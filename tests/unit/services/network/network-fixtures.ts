import type { ContainerSummary, PortBinding } from '../../../../shared/model/container';
import type { EnginePlacement } from '../../../../shared/model/engine-placement';
import type { VmInfo, VmNetwork } from '../../../../shared/model/vm';
import { vmInfo } from '../../../helpers/vm-info';

/** A running VM in NAT mode at 172.24.100.5/20 behind the host's 172.24.96.1, with `network` overrides. */
export function runningVm(network: Partial<VmNetwork> = {}): VmInfo {
  return {
    ...vmInfo('Running', 1),
    network: { mode: 'nat', vmIp: '172.24.100.5', prefixLength: 20, hostIp: '172.24.96.1', subnet: '172.24.96.0/20', dns: ['172.24.96.1'], localhostForwarding: true, ...network },
  };
}

/** A placement of the given kind (real engine unless `simulated`). */
export function placement(kind: EnginePlacement['kind'], extra: Partial<EnginePlacement> = {}): EnginePlacement {
  return { kind, distro: kind === 'wsl-distro' ? 'Ubuntu' : null, simulated: false, description: `engine: ${kind}`, ...extra };
}

/** A TCP port binding. */
export function tcp(privatePort: number, publicPort: number | null, ip: string | null = '0.0.0.0'): PortBinding {
  return { privatePort, publicPort, ip, type: 'tcp' };
}

/** A container row with the given name, state, ports and networks (name → address). */
export function container(name: string, state: ContainerSummary['state'], ports: PortBinding[], networks: Record<string, string | null> = { bridge: '172.17.0.2' }): ContainerSummary {
  return {
    id: `${name}-id`.padEnd(64, '0'),
    name,
    image: 'busybox',
    imageId: 'sha256:1',
    command: 'sh',
    state,
    status: state,
    created: 0,
    ports,
    composeProject: null,
    composeService: null,
    labels: {},
    networks: Object.entries(networks).map(([n, ip]) => ({ name: n, ipAddress: ip, gateway: null, macAddress: null })),
    mounts: [],
  };
}
