import { isContainerReference } from '../../../../shared/model/reference-grammar';
import type { MemoryNode, MemoryNodeKind } from '../../../../shared/model/memory';

/** One row of the breakdown table: a node, how deep it sits, its parent, and its share of that parent (0 to 1, null for a root). */
export interface MemoryRow {
  node: MemoryNode;
  depth: number;
  parent: MemoryNode | null;
  share: number | null;
}

/**
 * The trees depth-first as table rows, parents before their children, skipping the children of the nodes whose ids
 * are in `collapsed`.
 */
export function flattenMemoryTree(roots: readonly MemoryNode[], collapsed: ReadonlySet<string> = new Set()): MemoryRow[] {
  const rows: MemoryRow[] = [];
  const visit = (node: MemoryNode, depth: number, parent: MemoryNode | null): void => {
    rows.push({ node, depth, parent, share: parent === null ? null : parent.bytes > 0 ? node.bytes / parent.bytes : 0 });
    if (!collapsed.has(node.id)) for (const child of node.children) visit(child, depth + 1, node);
  };
  for (const root of roots) visit(root, 0, null);
  return rows;
}

/** Every node of the kind, in the trees' order. */
export function nodesOfKind(roots: readonly MemoryNode[], kind: MemoryNodeKind): MemoryNode[] {
  return flattenMemoryTree(roots)
    .map((row) => row.node)
    .filter((node) => node.kind === kind);
}

/**
 * The container reference `memory:stop-containers` accepts for a container node: its id when that is a reference,
 * else its id after a `kind:` prefix, else its label (the container's name); null when none is.
 */
export function containerRefOf(node: MemoryNode): string | null {
  const candidates = [node.id, node.id.replace(/^[a-z-]+[:/]/, ''), node.label];
  return candidates.find((candidate) => isContainerReference(candidate)) ?? null;
}

/** A container as the "Stop heaviest containers" dialog lists it. */
export interface HeavyContainer {
  ref: string;
  name: string;
  bytes: number;
  limitBytes: number | null;
}

/** The `limit` containers using the most memory, heaviest first (containers without a usable reference left out). */
export function heaviestContainers(roots: readonly MemoryNode[], limit: number): HeavyContainer[] {
  return nodesOfKind(roots, 'container')
    .flatMap((node) => {
      const ref = containerRefOf(node);
      return ref === null ? [] : [{ ref, name: node.label, bytes: node.bytes, limitBytes: node.limitBytes }];
    })
    .sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name))
    .slice(0, limit);
}

/** One part of a level of the stacked picture. */
export interface LevelSegment {
  id: string;
  kind: MemoryNodeKind;
  label: string;
  bytes: number;
}

/** One bar of the stacked picture: a node that has parts, and its parts (the smallest beyond `maxSegments` summed). */
export interface BreakdownLevel {
  id: string;
  kind: MemoryNodeKind;
  label: string;
  bytes: number;
  segments: LevelSegment[];
}

/**
 * A bar per node that has children (host, VM, each distro with containers, a second machine), in the trees'
 * order; each bar's segments are its children, the largest `maxSegments - 1` kept and the rest summed as "Others"
 * when there are more than `maxSegments`.
 */
export function breakdownLevels(roots: readonly MemoryNode[], maxSegments = 8): BreakdownLevel[] {
  return flattenMemoryTree(roots)
    .map((row) => row.node)
    .filter((node) => node.children.length > 0)
    .map((node) => {
      const parts = node.children.map((child) => ({ id: child.id, kind: child.kind, label: child.label, bytes: child.bytes }));
      if (parts.length <= maxSegments) return { id: node.id, kind: node.kind, label: node.label, bytes: node.bytes, segments: parts };
      const kept = [...parts].sort((a, b) => b.bytes - a.bytes).slice(0, maxSegments - 1);
      const keptIds = new Set(kept.map((part) => part.id));
      const rest = parts.filter((part) => !keptIds.has(part.id));
      const others: LevelSegment = { id: `${node.id}:others`, kind: 'distro-other', label: `${rest.length} others`, bytes: rest.reduce((sum, part) => sum + part.bytes, 0) };
      return { id: node.id, kind: node.kind, label: node.label, bytes: node.bytes, segments: [...parts.filter((part) => keptIds.has(part.id)), others] };
    });
}
