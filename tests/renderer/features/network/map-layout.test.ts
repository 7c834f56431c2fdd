import { describe, expect, it } from 'vitest';
import type { NetworkEdge, NetworkNode } from '../../../../shared/model/network-map';
import { clip, describeMap, layoutMap, NODE_WIDTH, type LaidNode } from '../../../../renderer/src/features/network/map-layout';
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
    expect(describeMap(nodes)).toBe('Network map, left to right: This Linux machine: host → Docker networks: bridge → 30 containers → 30 published ports.');
  });

  it('cuts long labels and addresses, keeps their full text, and adds a modelled line', () => {
    const long = { ...node('c', 'container', 'a-very-long-compose-project-name-web-1', ['1', '2', '3', '4', '5']), modelled: true };
    const [laid] = layoutMap([long], []).nodes;
    expect(laid?.lines.map((line) => line.text)).toEqual(['a-very-long-compose-pro…', '1', '2', '3', '+2 more', 'modelled']);
    expect(laid?.lines[0]?.full).toBe('a-very-long-compose-project-name-web-1');
    expect(laid?.lines[4]?.full).toBe('4, 5');
    expect(clip('short', 10)).toBe('short');
  });

  it('draws nothing for an empty map', () => {
    expect(layoutMap([], [])).toEqual({ columns: [], nodes: [], edges: [], width: 0, height: 0 });
    expect(describeMap([])).toBe('Network map: nothing to draw.');
  });
});
