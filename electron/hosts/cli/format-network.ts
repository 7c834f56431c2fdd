import type { NetworkMap, NetworkNode, PublishedPort } from '../../../shared/model/network-map';
import { widest } from './format-output';

const MODE: Record<NonNullable<NetworkMap['mode']>, string> = {
  nat: 'NAT',
  mirrored: 'mirrored',
  none: 'none (no network)',
  bridged: 'bridged',
  virtioproxy: 'virtioproxy',
};

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => widest(h.length, rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd((widths[i] ?? 0) + 3))).join('').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function nodeLine(node: NetworkNode): string {
  const parts = [node.label, node.addresses.join(', '), node.detail ?? ''].filter((p) => p !== '');
  return `${parts.join('  ')}${node.modelled ? '  (modelled)' : ''}`;
}

/** The map's layers as an indented tree from its roots along the edges; a node reached twice is named, not repeated. */
export function formatNetworkTree(map: Pick<NetworkMap, 'nodes' | 'edges'>): string[] {
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  const children = new Map<string, { to: string; label: string | null }[]>();
  const hasParent = new Set<string>();
  for (const edge of map.edges) {
    children.set(edge.from, [...(children.get(edge.from) ?? []), { to: edge.to, label: edge.label }]);
    hasParent.add(edge.to);
  }
  const lines: string[] = [];
  const printed = new Set<string>();
  const walk = (id: string, depth: number, via: string | null): void => {
    const node = byId.get(id);
    if (node === undefined) return;
    const indent = depth === 0 ? '' : `${'  '.repeat(depth - 1)}└ `;
    const edge = via === null ? '' : `[${via}] `;
    if (printed.has(id)) {
      lines.push(`${indent}${edge}${node.label} (shown above)`);
      return;
    }
    printed.add(id);
    lines.push(`${indent}${edge}${nodeLine(node)}`);
    for (const child of children.get(id) ?? []) walk(child.to, depth + 1, child.label);
  };
  for (const node of map.nodes) if (!hasParent.has(node.id)) walk(node.id, 0, null);
  return lines;
}

function reachabilityText(port: PublishedPort): string {
  const { state, message } = port.reachability;
  return state === 'unchecked' ? 'unchecked' : `${state}: ${message}`;
}

/** The ports table: container, host port, container port, URL and reachability; a sentence when none is published. */
export function formatPortsTable(ports: readonly PublishedPort[]): string {
  if (ports.length === 0) return 'No container publishes a port.';
  return table(
    ['CONTAINER', 'PORT', 'TO', 'URL', 'REACHABILITY'],
    ports.map((p) => [p.containerName, `${p.hostIp === null ? '' : `${p.hostIp.includes(':') ? `[${p.hostIp}]` : p.hostIp}:`}${p.publicPort}/${p.protocol}`, String(p.privatePort), p.url ?? '-', reachabilityText(p)]),
  );
}

/**
 * `lightdock network` as text: where the engine runs and WSL's mode, the map's layers as a tree, the DNS, the
 * ports table (URL and reachability) and the problems, one line each with their severity.
 */
export function formatNetworkMap(map: NetworkMap): string {
  const head = [`Engine: ${map.placement.description}`];
  const wslModelled = map.nodes.some((n) => n.kind === 'windows' && n.modelled);
  if (map.mode !== null) head.push(`WSL networking: ${MODE[map.mode]}${wslModelled ? ' (the simulated host)' : ''}`);
  if (map.simulated) head.push('Figures marked (modelled) come from the simulated host.');
  const problems = map.problems.length === 0 ? ['None found.'] : map.problems.map((p) => `${p.severity.padEnd(7)}  ${p.message}`);
  return [
    ...head,
    '',
    'Map',
    ...formatNetworkTree(map).map((line) => `  ${line}`),
    '',
    `DNS: ${map.dns.length === 0 ? 'unknown' : map.dns.join(', ')}`,
    '',
    'Ports',
    formatPortsTable(map.ports),
    '',
    'Problems',
    ...problems,
  ].join('\n');
}
