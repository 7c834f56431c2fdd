import Box from '@mui/material/Box';
import type { NetworkMap, NetworkNode, NetworkNodeKind } from '../../../../shared/model/network-map';
import { LAYER_TITLE } from './network-words';

const LAYER_ORDER: readonly NetworkNodeKind[] = ['windows', 'host', 'nat', 'vm', 'docker-network', 'container', 'port', 'dns'];

/** Hidden from sight, not from assistive technology. */
const visuallyHidden = { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

function describeNode(node: NetworkNode, children: readonly string[]): string {
  const parts = [node.label];
  if (node.addresses.length > 0) parts.push(node.addresses.join(', '));
  if (node.detail !== null) parts.push(node.detail);
  if (node.modelled) parts.push('modelled');
  if (children.length > 0) parts.push(`leads to ${children.join(', ')}`);
  return parts.join('; ');
}

/**
 * The map's content as text for assistive technology, out of sight: one named list per layer (Windows, NAT, VM,
 * Docker networks, containers, ports, DNS), each node with its addresses, detail, "modelled" and what it leads to.
 */
export function NetworkLayerList({ map }: { map: NetworkMap }): React.JSX.Element {
  const labels = new Map(map.nodes.map((node) => [node.id, node.label]));
  const children = new Map<string, string[]>();
  for (const edge of map.edges) {
    const label = labels.get(edge.to);
    if (label !== undefined) children.set(edge.from, [...(children.get(edge.from) ?? []), label]);
  }
  const layers = LAYER_ORDER.map((kind) => ({ kind, nodes: map.nodes.filter((node) => node.kind === kind) })).filter((layer) => layer.nodes.length > 0);
  return (
    <Box sx={visuallyHidden}>
      {layers.map((layer) => (
        <ul key={layer.kind} aria-label={`Map layer: ${LAYER_TITLE[layer.kind]}`}>
          {layer.nodes.map((node) => (
            <li key={node.id}>{describeNode(node, children.get(node.id) ?? [])}</li>
          ))}
        </ul>
      ))}
    </Box>
  );
}
