import type { ContainerRow } from '../../../../shared/model/container';
import type { IpcError } from '../../ipc/ipc-error';
import { defineLiveQuery } from '../../ipc/live-query';

/** The containers list and its fetch state. */
export interface ContainersModel {
  containers: ContainerRow[] | undefined;
  loadError: IpcError | undefined;
  refetch: () => void;
}

const containersList = defineLiveQuery('containers:list', {}, 'containers:changed', (containers) => containers);

/** Fetches the containers list ahead of need (once the engine is connected), so the Containers page opens with it. */
export function prefetchContainers(): void {
  containersList.prefetch();
}

/**
 * The containers list, app-wide and live without polling: `containers:changed` (the full list, pushed after every
 * container event and after each engine connect) replaces it; it is fetched once and after a lost link comes back.
 */
export function useContainers(): ContainersModel {
  const list = containersList.use();
  return { containers: list.data, loadError: list.error, refetch: list.refetch };
}
