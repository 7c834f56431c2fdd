import type { ContainerState, ContainerRow } from '../../../../shared/model/container';

/** The project filter value for containers outside any Compose project. */
export const NO_PROJECT = '\u0000none';

/** What the containers list is narrowed to: free text, one state (or all) and one Compose project (or all). */
export interface ContainerFilter {
  text: string;
  state: ContainerState | 'all';
  project: string | 'all';
}

/** The filter that shows everything. */
export const SHOW_ALL: ContainerFilter = { text: '', state: 'all', project: 'all' };

/** One Compose project with its container count; `NO_PROJECT` groups the rest. */
export interface ProjectCount {
  project: string;
  count: number;
}

const byNumericName = new Intl.Collator(undefined, { numeric: true });

/** The Compose projects of a list, alphabetically (numbers compared as numbers, as in the table), then the containers outside any project. */
export function projectCounts(containers: readonly ContainerRow[]): ProjectCount[] {
  const counts = new Map<string, number>();
  for (const container of containers) {
    const project = container.composeProject ?? NO_PROJECT;
    counts.set(project, (counts.get(project) ?? 0) + 1);
  }
  return [...counts]
    .map(([project, count]) => ({ project, count }))
    .sort((a, b) => Number(a.project === NO_PROJECT) - Number(b.project === NO_PROJECT) || byNumericName.compare(a.project, b.project));
}

/**
 * Whether a container passes the filter. The text matches, case-insensitively, a substring of the name, image,
 * Compose project or service, or the start of the id.
 */
export function matchesFilter(container: ContainerRow, filter: ContainerFilter): boolean {
  if (filter.state !== 'all' && container.state !== filter.state) return false;
  if (filter.project !== 'all' && (container.composeProject ?? NO_PROJECT) !== filter.project) return false;
  const text = filter.text.trim().toLowerCase();
  if (text === '') return true;
  const haystack = [container.name, container.image, container.composeProject ?? '', container.composeService ?? ''];
  return container.id.toLowerCase().startsWith(text) || haystack.some((value) => value.toLowerCase().includes(text));
}
