import type { NetworkEdge, NetworkNode, NetworkNodeKind } from '../../../../shared/model/network-map';
import { LAYER_TITLE } from './network-words';

/** Width of every node box (px); labels longer than the box are cut with an ellipsis. */
export const NODE_WIDTH = 196;
/** Height of one text line inside a node box (px). */
export const LINE_HEIGHT = 17;
/** Inner padding of a node box (px). */
export const NODE_PADDING = 8;
const COLUMN_GAP = 92;
const ROW_GAP = 12;
const MARGIN = 12;
/** Height of the row of column titles (px). */
export const HEADER_HEIGHT = 28;
const LABEL_CHARS = 23;
const TEXT_CHARS = 27;
const ADDRESSES_SHOWN = 3;
const DETAIL_LINES = 2;
/** Edge labels longer than this many characters are not drawn (the full text is the line's tooltip). */
const EDGE_LABEL_CHARS = 14;
/** Edge labels are drawn only between columns, short, and into a column with at most this many edges, so they never pile up. */
const LABELLED_EDGES_PER_COLUMN = 6;
/** A node with more children than this in the next column draws its edges as a bus. */
const BUS_CHILDREN = 4;

/** The left-to-right order of the map's layers; DNS sits under the node it hangs from (the VM, or this machine). */
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

/** An edge as an SVG path, with where its label ends (right-aligned, just before the node it leads to; null when the label is not drawn). */
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

/** `text` broken at spaces into at most `count` lines of `width` characters, the last one cut with an ellipsis. */
export function wrap(text: string, width: number, count: number): string[] {
  const lines: string[] = [];
  let rest = text.trim();
  while (rest !== '' && lines.length < count - 1 && rest.length > width) {
    const space = rest.lastIndexOf(' ', width);
    const cut = space > 0 ? space : width;
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut).trim();
  }
  if (rest !== '') lines.push(clip(rest, width));
  return lines;
}

function nodeLines(node: NetworkNode): NodeLine[] {
  const lines: NodeLine[] = [{ text: clip(node.label, LABEL_CHARS), full: node.label, style: 'label' }];
  for (const address of node.addresses.slice(0, ADDRESSES_SHOWN)) lines.push({ text: clip(address, TEXT_CHARS), full: address, style: 'address' });
  const more = node.addresses.length - ADDRESSES_SHOWN;
  if (more > 0) lines.push({ text: `+${more} more`, full: node.addresses.slice(ADDRESSES_SHOWN).join(', '), style: 'address' });
  if (node.detail !== null) for (const text of wrap(node.detail, TEXT_CHARS, DETAIL_LINES)) lines.push({ text, full: node.detail, style: 'detail' });
  if (node.modelled) lines.push({ text: 'modelled', full: 'Modelled by the simulated host', style: 'modelled' });
  return lines;
}

function kindColumns(nodes: readonly NetworkNode[], edges: readonly NetworkEdge[]): Map<NetworkNodeKind, number> {
  const used = [...new Set(nodes.filter((node) => node.kind !== 'dns').map((node) => KIND_COLUMN[node.kind as Exclude<NetworkNodeKind, 'dns'>]))].sort(
    (a, b) => a - b,
  );
  const columns = new Map<NetworkNodeKind, number>();
  for (const [kind, column] of Object.entries(KIND_COLUMN) as [Exclude<NetworkNodeKind, 'dns'>, number][]) {
    const index = used.indexOf(column);
    if (index >= 0) columns.set(kind, index);
  }
  const kindOf = new Map(nodes.map((node) => [node.id, node.kind]));
  const dnsParent = edges.map((edge) => (kindOf.get(edge.to) === 'dns' ? kindOf.get(edge.from) : undefined)).find((kind) => kind !== undefined && kind !== 'dns');
  columns.set('dns', (dnsParent === undefined ? undefined : columns.get(dnsParent)) ?? columns.get('vm') ?? 0);
  return columns;
}

function columnTitle(members: readonly NetworkNode[]): string {
  const kinds = [...new Set(members.filter((node) => node.kind !== 'dns').map((node) => node.kind))];
  return kinds.map((kind) => LAYER_TITLE[kind]).join(' · ');
}

function mean(values: readonly number[]): number | undefined {
  return values.length === 0 ? undefined : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * Lays the map out in columns by node kind (Windows or this Linux machine → NAT → VM → Docker networks →
 * containers → published ports, DNS under the node it hangs from), left to right, each node as near its parents as the nodes above
 * it allow, so a container's ports sit beside it; nodes with no parent (a container on `--network none`) go last;
 * a node with many children draws its edges as one shared trunk with a branch to each child. Pure: the same map always gives the same drawing.
 */
export function layoutMap(nodes: readonly NetworkNode[], edges: readonly NetworkEdge[]): MapLayout {
  const columnOf = kindColumns(nodes, edges);
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
      .map((node, index) => ({ node, index, key: node.kind === 'dns' ? Number.POSITIVE_INFINITY : (centreOfParents(node) ?? Number.MAX_SAFE_INTEGER) }))
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
  const trunks = busTrunks(laid, edges);
  const laidEdges: LaidEdge[] = [];
  for (const edge of edges) {
    const from = laid.get(edge.from);
    const to = laid.get(edge.to);
    if (from === undefined || to === undefined) continue;
    const trunk = trunks.get(from.node.id);
    const { path, labelAt } = trunk !== undefined && to.column === from.column + 1 ? busPath(from, to, trunk) : edgePath(from, to);
    const labelled =
      edge.label !== null && edge.label.length <= EDGE_LABEL_CHARS && from.column !== to.column && (edgesInto.get(to.column) ?? 0) <= LABELLED_EDGES_PER_COLUMN;
    laidEdges.push({ edge, path, labelAt: labelled ? labelAt : null });
  }

  const laidNodes = [...laid.values()];
  const width = columnCount === 0 ? 0 : MARGIN * 2 + columnCount * NODE_WIDTH + (columnCount - 1) * COLUMN_GAP;
  const height = laidNodes.length === 0 ? 0 : Math.max(...laidNodes.map((node) => node.y + node.height)) + MARGIN;
  return { columns, nodes: laidNodes, edges: laidEdges, width, height };
}

/**
 * For each node with more than BUS_CHILDREN children in the next column, the x of the vertical trunk its edges share
 * (a bus instead of a fan of curves); trunks of different parents in one gap are set apart.
 */
function busTrunks(laid: ReadonlyMap<string, LaidNode>, edges: readonly NetworkEdge[]): Map<string, number> {
  const children = new Map<string, number>();
  for (const edge of edges) {
    const from = laid.get(edge.from);
    const to = laid.get(edge.to);
    if (from !== undefined && to !== undefined && to.column === from.column + 1) children.set(from.node.id, (children.get(from.node.id) ?? 0) + 1);
  }
  const trunks = new Map<string, number>();
  const perColumn = new Map<number, number>();
  const parents = [...laid.values()].filter((node) => (children.get(node.node.id) ?? 0) > BUS_CHILDREN).sort((a, b) => a.y - b.y);
  for (const parent of parents) {
    const rank = perColumn.get(parent.column) ?? 0;
    perColumn.set(parent.column, rank + 1);
    trunks.set(parent.node.id, parent.x + NODE_WIDTH + 16 + ((rank * 12) % (COLUMN_GAP - 40)));
  }
  return trunks;
}

function busPath(from: LaidNode, to: LaidNode, trunk: number): { path: string; labelAt: { x: number; y: number } } {
  const y1 = from.y + from.height / 2;
  const y2 = to.y + to.height / 2;
  return { path: `M ${from.x + NODE_WIDTH} ${y1} H ${trunk} V ${y2} H ${to.x}`, labelAt: { x: to.x - 6, y: y2 - 5 } };
}

function edgePath(from: LaidNode, to: LaidNode): { path: string; labelAt: { x: number; y: number } } {
  if (from.column === to.column) {
    const x = from.x + NODE_WIDTH;
    const y1 = from.y + from.height / 2;
    const y2 = to.y + to.height / 2;
    const bulge = x + Math.min(COLUMN_GAP / 2, 16 + Math.abs(y2 - y1) / 8);
    return { path: `M ${x} ${y1} C ${bulge} ${y1}, ${bulge} ${y2}, ${x} ${y2}`, labelAt: { x: x - 6, y: y2 - 5 } };
  }
  const [left, right] = from.column < to.column ? [from, to] : [to, from];
  const x1 = left.x + NODE_WIDTH;
  const y1 = left.y + left.height / 2;
  const x2 = right.x;
  const y2 = right.y + right.height / 2;
  const bend = (x2 - x1) / 2;
  return { path: `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`, labelAt: { x: x2 - 6, y: y2 - 5 } };
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
