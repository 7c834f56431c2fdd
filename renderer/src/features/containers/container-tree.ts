import type { ContainerRow } from '../../../../shared/model/container';

/** A Compose project's row: its containers become its sub-rows. */
export interface ProjectNode {
  kind: 'project';
  id: string;
  project: string;
  containers: ContainerRow[];
  subRows: ContainerNode[];
}

/** One container's row, inside its project or at the top level. */
export interface ContainerNode {
  kind: 'container';
  id: string;
  container: ContainerRow;
}

/** A row of the containers table. */
export type ContainerTreeNode = ProjectNode | ContainerNode;

const collator = new Intl.Collator(undefined, { numeric: true });

/** The row id of a Compose project's group row; it cannot collide with a container id (hex). */
export function projectRowId(project: string): string {
  return `project:${project}`;
}

function containerNode(container: ContainerRow): ContainerNode {
  return { kind: 'container', id: container.id, container };
}

/**
 * The table's rows: one group per Compose project (alphabetically, its containers by name), then the containers
 * outside any project by name. Names compare numerically ("web-2" before "web-10").
 */
export function groupByProject(containers: readonly ContainerRow[]): ContainerTreeNode[] {
  const byName = (a: ContainerRow, b: ContainerRow): number => collator.compare(a.name, b.name);
  const projects = new Map<string, ContainerRow[]>();
  const standalone: ContainerRow[] = [];
  for (const container of containers) {
    if (container.composeProject === null) standalone.push(container);
    else {
      const members = projects.get(container.composeProject);
      if (members === undefined) projects.set(container.composeProject, [container]);
      else members.push(container);
    }
  }
  const groups = [...projects.keys()].sort(collator.compare).map((project): ProjectNode => {
    const members = (projects.get(project) ?? []).sort(byName);
    return { kind: 'project', id: projectRowId(project), project, containers: members, subRows: members.map(containerNode) };
  });
  return [...groups, ...standalone.sort(byName).map(containerNode)];
}

/** A column the table sorts by. */
export type SortKey = 'name' | 'image' | 'state';

/** The table's sort: a column and direction, or null for the grouped default order. */
export type TreeSorting = { key: SortKey; desc: boolean } | null;

/** A row as the table shows it: the node and its level (0 at the top, 1 inside a project). */
export interface VisibleRow {
  node: ContainerTreeNode;
  depth: 0 | 1;
}

function sortValue(node: ContainerTreeNode, key: SortKey): string {
  if (node.kind === 'project') return key === 'name' ? node.project : '';
  return node.container[key];
}

function sortLevel<N extends ContainerTreeNode>(nodes: readonly N[], sorting: TreeSorting): readonly N[] {
  if (sorting === null) return nodes;
  const sign = sorting.desc ? -1 : 1;
  const nameOf = (node: ContainerTreeNode): string => (node.kind === 'project' ? node.project : node.container.name);
  return [...nodes].sort((a, b) => sign * (collator.compare(sortValue(a, sorting.key), sortValue(b, sorting.key)) || collator.compare(nameOf(a), nameOf(b))));
}

/**
 * The rows in display order: each level sorted on its own (projects keep their containers beneath them; a project
 * sorts among top-level rows by its name, and ties break by name), and a collapsed project's containers left out.
 */
export function visibleRows(tree: readonly ContainerTreeNode[], sorting: TreeSorting, collapsed: ReadonlySet<string>): VisibleRow[] {
  const rows: VisibleRow[] = [];
  for (const node of sortLevel(tree, sorting)) {
    rows.push({ node, depth: 0 });
    if (node.kind === 'project' && !collapsed.has(node.id)) {
      for (const child of sortLevel(node.subRows, sorting)) rows.push({ node: child, depth: 1 });
    }
  }
  return rows;
}

/** The next sort after a click on a column header: ascending, then descending, then back to the grouped order. */
export function nextSorting(sorting: TreeSorting, key: SortKey): TreeSorting {
  if (sorting?.key !== key) return { key, desc: false };
  return sorting.desc ? null : { key, desc: true };
}
