import { describe, expect, it } from 'vitest';
import type { NetworkEdge, NetworkNode } from '../../../../shared/model/network-map';
import { clip, describeMap, layoutMap, NODE_WIDTH, wrap, type LaidNode } from '../../../../renderer/src/features/network/map-layout';
import { linuxHostNetworkMap, natNetworkMap } from '../../fake-network';

function node(id: string, kind: NetworkNode['kind'], label = id, addresses: string[] = []): NetworkNode {
  return { id, kind, label, addresses, detail: null, modelled: false };
}

/** A host with one bridge, `count` containers and one port each. */
function manyContainers(count: number): { nodes: NetworkNode[]; edges: NetworkEdge[] } {
  const nodes = [node('host', 'host'), node('bridge', 'docker-network')];
  const edges: NetworkEdge[] = [{ from: 'host', to: 'bridge', label: 'docker0' }];
  for (let index = 0; index < count; index += 1) {
    nodes.push(node(`c${index}`, 'container', `container-${index}`, [`172.17.0.${index + 2}`]), node(`p${index}`, 'port', `${8000 + index}/tcp`));
    edges.push({ from: 'bridge', to: `c${index}`, label: null }, { from: `c${index}`, to: `p${index}`, label: null });
  }
  return { nodes, edges };
}

function byId(nodes: readonly LaidNode[], id: string): LaidNode {
  const found = nodes.find((laid) => laid.node.id === id);
  if (found === undefined) throw new Error(`No node ${id}`);
  return found;
}

describe('layoutMap', () => {
  it('puts each kind in its own column, left to right, with DNS under the VM', () => {
    const map = natNetworkMap();
    const layout = layoutMap(map.nodes, map.edges);
    expect(layout.columns.map((column) => column.title)).toEqual(['Windows', 'NAT', 'WSL VM', 'Docker networks', 'Containers', 'Published ports']);
    const columnOf = (id: string): number => byId(layout.nodes, id).column;
    expect([columnOf('windows'), columnOf('nat'), columnOf('vm'), columnOf('net:bridge'), columnOf('container:monitor'), columnOf('dns')]).toEqual([0, 1, 2, 3, 4, 2]);
    expect(byId(layout.nodes, 'dns').y).toBeGreaterThan(byId(layout.nodes, 'vm').y + byId(layout.nodes, 'vm').height);
    expect(layout.edges).toHaveLength(map.edges.length);
  });

  it('orders a column by its parents and puts a node with no parent (sidecar on --network none) last', () => {
    const map = natNetworkMap();
    const layout = layoutMap(map.nodes, map.edges);
    const containers = layout.nodes.filter((laid) => laid.column === 4).sort((a, b) => a.y - b.y);
    expect(containers.map((laid) => laid.node.label)).toEqual(['monitor', 'shop-web-1', 'shop-api-1', 'shop-db-1', 'sidecar']);
  });

  it('draws this Linux machine → bridge → containers → ports with no NAT or VM column', () => {
    const map = linuxHostNetworkMap();
    const layout = layoutMap(map.nodes, map.edges);
    expect(layout.columns.map((column) => column.title)).toEqual(['This Linux machine', 'Docker networks', 'Containers', 'Published ports']);
    expect(byId(layout.nodes, 'dns').column).toBe(0);
  });

  it('keeps 30 containers apart, each port beside its container, and names the layers by count', () => {
    const { nodes, edges } = manyContainers(30);
    const layout = layoutMap(nodes, edges);
    const containers = layout.nodes.filter((laid) => laid.node.kind === 'container').sort((a, b) => a.y - b.y);
    for (let index = 1; index < containers.length; index += 1) {
      const above = containers[index - 1];
      const below = containers[index];
      if (above === undefined || below === undefined) throw new Error('missing');
      expect(below.y).toBeGreaterThanOrEqual(above.y + above.height);
    }
    for (let index = 0; index < 30; index += 1) {
      const container = byId(layout.nodes, `c${index}`);
      const port = byId(layout.nodes, `p${index}`);
      expect(Math.abs(port.y + port.height / 2 - (container.y + container.height / 2))).toBeLessThan(container.height);
    }
    expect(layout.height).toBeGreaterThan(30 * (containers[0]?.height ?? 0));
    expect(layout.width).toBeLessThan(4 * NODE_WIDTH + 4 * 100);
    expect(layout.edges.filter((edge) => edge.labelAt !== null)).toHaveLength(1);
    const bridge = byId(layout.nodes, 'bridge');
    const trunk = bridge.x + NODE_WIDTH + 16;
    const c7 = byId(layout.nodes, 'c7');
    expect(layout.edges.find((edge) => edge.edge.to === 'c7')?.path).toBe(
      `M ${bridge.x + NODE_WIDTH} ${bridge.y + bridge.height / 2} H ${trunk} V ${c7.y + c7.height / 2} H ${c7.x}`,
    );
    expect(layout.edges.find((edge) => edge.edge.to === 'p7')?.path).toMatch(/^M [\d.]+ [\d.]+ C /);
    expect(describeMap(nodes)).toBe('Network map, left to right: This Linux machine: host → Docker networks: bridge → 30 containers → 30 published ports.');
  });

  it('cuts long labels and addresses, keeps their full text, and adds a modelled line', () => {
    const long = { ...node('c', 'container', 'a-very-long-compose-project-name-web-1', ['1', '2', '3', '4', '5']), modelled: true };
    const [laid] = layoutMap([long], []).nodes;
    expect(laid?.lines.map((line) => line.text)).toEqual(['a-very-long-compose-pr…', '1', '2', '3', '+2 more', 'modelled']);
    expect(laid?.lines[0]?.full).toBe('a-very-long-compose-project-name-web-1');
    expect(laid?.lines[4]?.full).toBe('4, 5');
    expect(clip('short', 10)).toBe('short');
  });

  it('draws short edge labels between columns only, before the node they lead to', () => {
    const nodes = [node('windows', 'windows'), node('nat', 'nat'), node('vm', 'vm'), node('dns', 'dns')];
    const edges: NetworkEdge[] = [
      { from: 'windows', to: 'nat', label: 'vEthernet (WSL) 172.23.0.1' },
      { from: 'nat', to: 'vm', label: 'eth0' },
      { from: 'vm', to: 'dns', label: 'resolves' },
    ];
    const layout = layoutMap(nodes, edges);
    const vm = byId(layout.nodes, 'vm');
    expect(layout.edges.map((edge) => edge.labelAt)).toEqual([null, { x: vm.x - 6, y: vm.y + vm.height / 2 - 5 }, null]);
  });

  it('wraps a long detail onto two lines at spaces and cuts the rest', () => {
    expect(wrap("mirrored networking: the VM has the host's interfaces and addresses", 29, 2)).toEqual([
      'mirrored networking: the VM',
      "has the host's interfaces an…",
    ]);
    expect(wrap('eth0', 29, 2)).toEqual(['eth0']);
    expect(wrap('abcdefghij', 4, 2)).toEqual(['abcd', 'efg…']);
    const [laid] = layoutMap([{ ...node('vm', 'vm'), detail: 'nameservers in /etc/resolv.conf' }], []).nodes;
    expect(laid?.lines.filter((line) => line.style === 'detail').map((line) => line.text)).toEqual(['nameservers in', '/etc/resolv.conf']);
  });

  it('names a column after every kind in it (Windows beside this Linux machine) and puts DNS under the node it hangs from', () => {
    const nodes = [node('windows', 'windows'), node('host', 'host'), node('vm', 'vm'), node('dns', 'dns')];
    const layout = layoutMap(nodes, [{ from: 'windows', to: 'vm', label: null }, { from: 'host', to: 'dns', label: null }]);
    expect(layout.columns.map((column) => column.title)).toEqual(['Windows · This Linux machine', 'WSL VM']);
    expect(byId(layout.nodes, 'dns').column).toBe(0);
    expect(byId(layout.nodes, 'dns').y).toBeGreaterThan(byId(layout.nodes, 'host').y);
  });

  it('draws nothing for an empty map', () => {
    expect(layoutMap([], [])).toEqual({ columns: [], nodes: [], edges: [], width: 0, height: 0 });
    expect(describeMap([])).toBe('Network map: nothing to draw.');
  });
});
