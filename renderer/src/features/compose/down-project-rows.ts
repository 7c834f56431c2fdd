import { projectRowId, type ContainerTreeNode, type ProjectNode } from '../containers/container-tree';

const collator = new Intl.Collator(undefined, { numeric: true });

/**
 * The containers table's rows with a row for each project taken down (no containers left, so Up stays one click
 * away): project rows alphabetically as groupByProject orders them, then the containers outside any project.
 */
export function withDownProjects(tree: readonly ContainerTreeNode[], names: readonly string[]): ContainerTreeNode[] {
  if (names.length === 0) return [...tree];
  const groups = tree.filter((node): node is ProjectNode => node.kind === 'project');
  const known = new Set(groups.map((node) => node.project));
  const added = names.filter((name) => !known.has(name)).map((name): ProjectNode => ({ kind: 'project', id: projectRowId(name), project: name, containers: [], subRows: [] }));
  if (added.length === 0) return [...tree];
  const projects = [...groups, ...added].sort((a, b) => collator.compare(a.project, b.project));
  return [...projects, ...tree.filter((node) => node.kind !== 'project')];
}
