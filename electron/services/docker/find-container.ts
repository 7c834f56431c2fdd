import type { ContainerSummary } from '../../../shared/model/container';

/** Finds a container by full id, name (with or without its leading `/`), or unambiguous id prefix, as the docker CLI does. */
export function findContainer(containers: readonly ContainerSummary[], ref: string): ContainerSummary | undefined {
  const name = ref.replace(/^\//, '');
  const exact = containers.find((c) => c.id === ref || c.name === name);
  if (exact !== undefined) return exact;
  const byPrefix = containers.filter((c) => c.id.startsWith(ref));
  return byPrefix.length === 1 ? byPrefix[0] : undefined;
}
