import type { NetworkEdge, NetworkNode, NetworkNodeKind } from '../../../../shared/model/network-map';
import { LAYER_TITLE } from './network-words';

/** Width of every node box (px); labels longer than the box are cut with an ellipsis. */
export const NODE_WIDTH = 210;
/** Height of one text line inside a node box (px). */
export const LINE_HEIGHT = 17;
/** Inner padding of a node box (px). */
export const NODE_PADDING = 8;
const COLUMN_GAP = 72;
const ROW_GAP = 12;
const MARGIN = 12;
/** Height of the row of column titles (px). */
export const HEADER_HEIGHT = 28;
const LABEL_CHARS = 24;
const TEXT_CHARS = 29;
const ADDRESSES_SHOWN = 3;
/** Edge labels are drawn only into a column with at most this many edges, so they never pile up. */
const LABELLED_EDGES_PER_COLUMN = 6;

/** The left-to-right order of the map's layers; DNS sits under the VM (or under the host). */
const KIND_COLUMN: Record<Exclude<NetworkNodeKind, 'dns'>, number> = {
  windows: 0,
  host: 0,
  nat: 1,
  vm: 2,
  'docker-network': 3,
  container: 4,
  port: 5,
};

/** One line of text inside a node box: what it says, its full text (for the tooltip) and its style. */
export interface NodeLine {
  text: string;
  full: string;
  style: 'label' | 'address' | 'detail' | 'modelled';
}

/** A node with its box on the drawing. */
export interface LaidNode {
  node: NetworkNode;
  column: number;
  x: number;
  y: number;
  height: number;
  lines: NodeLine[];
}

/** An edge as an SVG path, with where its label goes (null when it is not drawn). */
export interface LaidEdge {
  edge: NetworkEdge;
  path: string;
  labelAt: { x: number; y: number } | null;
}

/** A column of the drawing: its title and left edge. */
export interface LaidColumn {
  title: string;
  x: number;
}

/** The whole drawing: columns, boxes, lines and the size of the canvas. */
export interface MapLayout {
  columns: LaidColumn[];
  nodes: LaidNode[];
  edges: LaidEdge[];
  width: number;
  height: number;
}

/** `text` cut to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function nodeLines(node: NetworkNode): NodeLine[] {
  const lines: NodeLine[] = [{ text: clip(node.label, LABEL_CHARS), full: node.label, style: 'label' }];
  for (const address of node.addresses.slice(0, ADDRESSES_SHOWN)) lines.push({ text: clip(address, TEXT_CHARS), full: address, style: 'address' });
  const more = node.addresses.length - ADDRESSES_SHOWN;
  if (more > 0) lines.push({ text: `+${more} more`, full: node.addresses.slice(ADDRESSES_SHOWN).join(', '), style: 'address' });
  if (node.detail !== null) lines.push({ text: clip(node.detail, TEXT_CHARS), full: node.detail, style: 'detail' });
  if (node.modelled) lines.push({ text: 'modelled', full: 'Modelled by the simulated host', style: 'modelled' });
  return lines;
}

function kindColumns(nodes: readonly NetworkNode[]): Map<NetworkNodeKind, number> {
  const used = [...new Set(nodes.filter((node) => node.kind !== 'dns').map((node) => KIND_COLUMN[node.kind as Exclude<NetworkNodeKind, 'dns'>]))].sort(
    (a, b) => a - b,
  );
  const columns = new Map<NetworkNodeKind, number>();
  for (const [kind, column] of Object.entries(KIND_COLUMN) as [Exclude<NetworkNodeKind, 'dns'>, number][]) {
    const index = used.indexOf(column);
    if (index >= 0) columns.set(kind, index);
  }
  columns.set('dns', columns.get('vm') ?? 0);
  return columns;
}

function columnTitle(members: readonly NetworkNode[]): string {
  const first = members.find((node) => node.kind !== 'dns') ?? members[0];
  return first === undefined ? '' : LAYER_TITLE[first.kind];
}

function mean(values: readonly number[]): number | undefined {
  return values.length === 0 ? undefined : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * Lays the map out in columns by node kind (Windows or this Linux machine → NAT → VM → Docker networks →
 * containers → published ports, DNS under the VM), left to right, each node as near its parents as the nodes above
 * it allow, so a container's ports sit beside it. Pure: the same map always gives the same drawing.
 */
export function layoutMap(nodes: readonly NetworkNode[], edges: readonly NetworkEdge[]): MapLayout {
  const columnOf = kindColumns(nodes);
  const columnCount = nodes.length === 0 ? 0 : Math.max(...nodes.map((node) => columnOf.get(node.kind) ?? 0)) + 1;
  const parents = new Map<string, string[]>();
  for (const edge of edges) parents.set(edge.to, [...(parents.get(edge.to) ?? []), edge.from]);

  const laid = new Map<string, LaidNode>();
  const columns: LaidColumn[] = [];
  for (let column = 0; column < columnCount; column += 1) {
    const x = MARGIN + column * (NODE_WIDTH + COLUMN_GAP);
    const members = nodes.filter((node) => (columnOf.get(node.kind) ?? 0) === column);
    columns.push({ title: columnTitle(members), x });
    const centreOfParents = (node: NetworkNode): number | undefined =>
      mean((parents.get(node.id) ?? []).flatMap((id) => {
        const parent = laid.get(id);
        return parent === undefined || parent.column >= column ? [] : [parent.y + parent.height / 2];
      }));
    const order = members
      .map((node, index) => ({ node, index, key: node.kind === 'dns' ? Number.POSITIVE_INFINITY : (centreOfParents(node) ?? -1) }))
      .sort((a, b) => a.key - b.key || a.index - b.index);
    let bottom = HEADER_HEIGHT + MARGIN - ROW_GAP;
    for (const { node } of order) {
      const lines = nodeLines(node);
      const height = NODE_PADDING * 2 + lines.length * LINE_HEIGHT;
      const centre = node.kind === 'dns' ? undefined : centreOfParents(node);
      const y = Math.max(bottom + ROW_GAP, centre === undefined ? 0 : Math.round(centre - height / 2));
      laid.set(node.id, { node, column, x, y, height, lines });
      bottom = y + height;
    }
  }

  const edgesInto = new Map<number, number>();
  for (const edge of edges) {
    const to = laid.get(edge.to);
    if (to !== undefined && laid.has(edge.from)) edgesInto.set(to.column, (edgesInto.get(to.column) ?? 0) + 1);
  }
  const laidEdges: LaidEdge[] = [];
  for (const edge of edges) {
    const from = laid.get(edge.from);
    const to = laid.get(edge.to);
    if (from === undefined || to === undefined) continue;
    const { path, mid } = edgePath(from, to);
    const labelled = edge.label !== null && (edgesInto.get(to.column) ?? 0) <= LABELLED_EDGES_PER_COLUMN;
    laidEdges.push({ edge, path, labelAt: labelled ? mid : null });
  }

  const laidNodes = [...laid.values()];
  const width = columnCount === 0 ? 0 : MARGIN * 2 + columnCount * NODE_WIDTH + (columnCount - 1) * COLUMN_GAP;
  const height = laidNodes.length === 0 ? 0 : Math.max(...laidNodes.map((node) => node.y + node.height)) + MARGIN;
  return { columns, nodes: laidNodes, edges: laidEdges, width, height };
}

function edgePath(from: LaidNode, to: LaidNode): { path: string; mid: { x: number; y: number } } {
  if (from.column === to.column) {
    const x = from.x + NODE_WIDTH / 2;
    const [upper, lower] = from.y <= to.y ? [from, to] : [to, from];
    const y1 = upper.y + upper.height;
    const y2 = lower.y;
    return { path: `M ${x} ${y1} L ${x} ${y2}`, mid: { x, y: (y1 + y2) / 2 } };
  }
  const [left, right] = from.column < to.column ? [from, to] : [to, from];
  const x1 = left.x + NODE_WIDTH;
  const y1 = left.y + left.height / 2;
  const x2 = right.x;
  const y2 = right.y + right.height / 2;
  const bend = (x2 - x1) / 2;
  return { path: `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`, mid: { x: (x1 + x2) / 2, y: (y1 + y2) / 2 } };
}

/** One sentence for the drawing's accessible name: each layer left to right, named when it holds one node, counted otherwise. */
export function describeMap(nodes: readonly NetworkNode[]): string {
  const kinds: NetworkNodeKind[] = ['windows', 'host', 'nat', 'vm', 'docker-network', 'container', 'port', 'dns'];
  const parts = kinds.flatMap((kind) => {
    const members = nodes.filter((node) => node.kind === kind);
    if (members.length === 0) return [];
    const [only] = members;
    if (members.length === 1 && only !== undefined) {
      const addresses = only.addresses.length === 0 ? '' : ` (${only.addresses.join(', ')})`;
      return [`${LAYER_TITLE[kind]}: ${only.label}${addresses}`];
    }
    return [`${members.length} ${LAYER_TITLE[kind].toLowerCase()}`];
  });
  return parts.length === 0 ? 'Network map: nothing to draw.' : `Network map, left to right: ${parts.join(' → ')}.`;
}
