import { describe, expect, it } from 'vitest';
import { PublishedPort } from '../../../../shared/model/network-map';
import { portUrl, publishedPorts, type UrlContext } from '../../../../electron/services/network/port-urls';
import { container, placement, runningVm, tcp } from './network-fixtures';

const wsl = (network: Parameters<typeof runningVm>[0] = {}): UrlContext => ({ placement: placement('wsl-distro'), vm: runningVm(network).network, remoteHost: null });
const port = (hostIp: string | null, protocol: 'tcp' | 'udp' | 'sctp' = 'tcp') => ({ publicPort: 8080, protocol, hostIp });

describe('portUrl', () => {
  it('NAT with localhost forwarding: localhost, for 0.0.0.0, :: and 127.0.0.1 alike', () => {
    for (const ip of ['0.0.0.0', '::', '127.0.0.1', null]) expect(portUrl(port(ip), wsl())).toEqual({ url: 'http://localhost:8080', via: 'localhost' });
  });

  it("NAT without forwarding: the VM's address, and nothing for a port bound to the VM's loopback", () => {
    const off = wsl({ localhostForwarding: false });
    expect(portUrl(port('0.0.0.0'), off)).toEqual({ url: 'http://172.24.100.5:8080', via: 'vm-ip' });
    expect(portUrl(port('127.0.0.1'), off)).toEqual({ url: null, via: 'vm-ip' });
  });

  it("Docker Desktop's engine forwards to localhost itself, even with forwarding off", () => {
    const context: UrlContext = { ...wsl({ localhostForwarding: false }), placement: placement('wsl-distro', { distro: 'docker-desktop' }) };
    expect(portUrl(port('0.0.0.0'), context)).toEqual({ url: 'http://localhost:8080', via: 'localhost' });
  });

  it('mirrored: localhost; a port bound to one address: that address, IPv6 in brackets', () => {
    expect(portUrl(port('0.0.0.0'), wsl({ mode: 'mirrored', localhostForwarding: false }))).toEqual({ url: 'http://localhost:8080', via: 'localhost' });
    expect(portUrl(port('172.24.100.5'), wsl())).toEqual({ url: 'http://172.24.100.5:8080', via: 'vm-ip' });
    expect(portUrl(port('fd00::5'), wsl())).toEqual({ url: 'http://[fd00::5]:8080', via: 'vm-ip' });
  });

  it('networkingMode=none: no URL', () => {
    expect(portUrl(port('0.0.0.0'), wsl({ mode: 'none', vmIp: null, localhostForwarding: false })).url).toBeNull();
  });

  it('an engine on this Linux machine: localhost via the host', () => {
    const context: UrlContext = { placement: placement('linux-host'), vm: null, remoteHost: null };
    expect(portUrl(port('0.0.0.0'), context)).toEqual({ url: 'http://localhost:8080', via: 'host' });
    expect(portUrl(port('10.1.2.3'), context)).toEqual({ url: 'http://10.1.2.3:8080', via: 'host' });
  });

  it("a remote engine: that machine's name; a port bound to its loopback: none", () => {
    const context: UrlContext = { placement: placement('remote'), vm: null, remoteHost: 'build.lan' };
    expect(portUrl(port('0.0.0.0'), context)).toEqual({ url: 'http://build.lan:8080', via: 'host' });
    expect(portUrl(port('127.0.0.1'), context).url).toBeNull();
  });

  it('UDP and SCTP: no URL', () => {
    expect(portUrl(port('0.0.0.0', 'udp'), wsl()).url).toBeNull();
    expect(portUrl(port('0.0.0.0', 'sctp'), wsl()).url).toBeNull();
  });
});

describe('publishedPorts', () => {
  it("merges the engine's IPv4 and IPv6 rows of one port and leaves out unpublished ones", () => {
    const web = container('web', 'running', [tcp(80, 8080, '0.0.0.0'), tcp(80, 8080, '::'), tcp(443, null, null), { privatePort: 53, publicPort: 5353, ip: '0.0.0.0', type: 'udp' }]);
    const ports = publishedPorts([web], wsl());
    expect(ports.map((p) => PublishedPort.parse(p))).toHaveLength(2);
    expect(ports[0]).toMatchObject({ id: `${web.id}:5353/udp`, url: null, reachability: { state: 'unchecked' } });
    expect(ports[1]).toMatchObject({ id: `${web.id}:8080/tcp`, containerName: 'web', privatePort: 80, publicPort: 8080, hostIp: '0.0.0.0', url: 'http://localhost:8080', via: 'localhost' });
  });

  it('keeps every interface over one address when the rows differ', () => {
    const ports = publishedPorts([container('web', 'running', [tcp(80, 8080, '127.0.0.1'), tcp(80, 8080, '::')])], wsl());
    expect(ports).toHaveLength(1);
    expect(ports[0]?.hostIp).toBe('::');
  });
});
