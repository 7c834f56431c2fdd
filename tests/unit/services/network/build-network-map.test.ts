import { describe, expect, it } from 'vitest';
import type { NetworkSummary } from '../../../../shared/model/engine';
import { type NetworkEdge, NetworkNode } from '../../../../shared/model/network-map';
import { buildNetworkMap, nodeId, type MapFacts } from '../../../../electron/services/network/build-network-map';
import { publishedPorts } from '../../../../electron/services/network/port-urls';
import { vmInfo } from '../../../helpers/vm-info';
import { container, placement, runningVm, tcp } from './network-fixtures';

const bridge: NetworkSummary = { id: 'n1', name: 'bridge', driver: 'bridge', scope: 'local', subnet: '172.17.0.0/16', gateway: '172.17.0.1', containers: 1 };
const web = container('web', 'running', [tcp(80, 8080)]);

function facts(extra: Partial<MapFacts>): MapFacts {
  const base: MapFacts = { placement: placement('wsl-distro'), vm: runningVm(), vmModelled: false, networks: [bridge], containers: [web], ports: [], dns: ['172.24.96.1'], remoteHost: null };
  const merged = { ...base, ...extra };
  return { ...merged, ports: extra.ports ?? publishedPorts(merged.containers, { placement: merged.placement, vm: merged.vm?.network ?? null, remoteHost: null }) };
}

const edgesOf = (drawing: { edges: NetworkEdge[] }): string[] => drawing.edges.map((e) => `${e.from} -> ${e.to}`);

describe('buildNetworkMap', () => {
  it('NAT: Windows (vEthernet (WSL)) → NAT subnet → eth0 → each network → each container → its ports, and the DNS', () => {
    const drawing = buildNetworkMap(facts({}));
    const node = (id: string) => drawing.nodes.find((n) => n.id === id);
    expect(node(nodeId.windows)).toMatchObject({ kind: 'windows', addresses: ['172.24.96.1'], detail: 'vEthernet (WSL)' });
    expect(node(nodeId.nat)).toMatchObject({ kind: 'nat', addresses: ['172.24.96.0/20'] });
    expect(node(nodeId.vm)).toMatchObject({ kind: 'vm', addresses: ['172.24.100.5/20'] });
    expect(node(nodeId.network('bridge'))).toMatchObject({ kind: 'docker-network', addresses: ['172.17.0.0/16', '172.17.0.1'], detail: 'driver bridge, gateway 172.17.0.1' });
    expect(node(nodeId.container(web.id))).toMatchObject({ kind: 'container', label: 'web', addresses: ['172.17.0.2'] });
    expect(node(nodeId.port(`${web.id}:8080/tcp`))).toMatchObject({ kind: 'port', addresses: ['0.0.0.0:8080'], detail: 'http://localhost:8080' });
    expect(node(nodeId.dns)).toMatchObject({ kind: 'dns', addresses: ['172.24.96.1'] });
    expect(edgesOf(drawing)).toEqual([
      'windows -> nat',
      'nat -> vm',
      'vm -> network:bridge',
      `network:bridge -> container:${web.id}`,
      `container:${web.id} -> port:${web.id}:8080/tcp`,
      'vm -> dns',
    ]);
    for (const n of drawing.nodes) expect(NetworkNode.parse(n).modelled).toBe(false);
  });

  it('mirrored: Windows and the VM share the host address, with no NAT between them', () => {
    const drawing = buildNetworkMap(facts({ vm: runningVm({ mode: 'mirrored', vmIp: '192.168.1.20', hostIp: '192.168.1.20', prefixLength: 24, subnet: '192.168.1.0/24' }) }));
    expect(drawing.nodes.some((n) => n.kind === 'nat')).toBe(false);
    expect(drawing.edges).toContainEqual({ from: 'windows', to: 'vm', label: 'mirrored: same addresses' });
    expect(drawing.nodes.find((n) => n.kind === 'vm')?.detail).toMatch(/mirrored/);
  });

  it('an engine on this Linux machine: host → bridge → containers, the simulated WSL part drawn apart and labelled modelled', () => {
    const drawing = buildNetworkMap(facts({ placement: placement('linux-host'), vm: vmInfo('Stopped', 0), vmModelled: true }));
    const host = drawing.nodes.find((n) => n.id === nodeId.host);
    expect(host).toMatchObject({ kind: 'host', label: 'This Linux machine', modelled: false });
    expect(edgesOf(drawing)).toContain('host -> network:bridge');
    expect(edgesOf(drawing)).not.toContain('vm -> network:bridge');
    expect(drawing.nodes.filter((n) => n.kind === 'windows' || n.kind === 'vm' || n.kind === 'nat').every((n) => n.modelled)).toBe(true);
    expect(drawing.nodes.find((n) => n.kind === 'vm')?.addresses).toEqual([]);
  });

  it('no engine: only the WSL part; the simulated engine: every engine node modelled', () => {
    expect(buildNetworkMap(facts({ placement: placement('none'), containers: [], networks: [] })).nodes.map((n) => n.kind)).toEqual(['windows', 'vm', 'nat', 'dns']);
    const simulated = buildNetworkMap(facts({ placement: placement('wsl-distro', { simulated: true }), vmModelled: true }));
    expect(simulated.nodes.every((n) => n.modelled)).toBe(true);
  });

  it('a remote engine hangs from another machine, named', () => {
    const drawing = buildNetworkMap(facts({ placement: placement('remote'), vm: null, remoteHost: 'build.lan', dns: [] }));
    expect(drawing.nodes[0]).toMatchObject({ id: 'host', label: 'Another machine', addresses: ['build.lan'] });
    expect(edgesOf(drawing)[0]).toBe('host -> network:bridge');
  });

  it('keeps within the model bounds and draws only edges between drawn nodes', () => {
    const many = Array.from({ length: 3000 }, (_, i) => container(`c${i}`, 'running', [tcp(80, 10_000 + i)]));
    const drawing = buildNetworkMap(facts({ containers: many }));
    expect(drawing.nodes.length).toBe(5000);
    const ids = new Set(drawing.nodes.map((n) => n.id));
    expect(drawing.edges.every((e) => ids.has(e.from) && ids.has(e.to))).toBe(true);
  });
});
