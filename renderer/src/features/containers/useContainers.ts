import type { ContainerSummary } from '../../../../shared/model/container';
import type { IpcError } from '../../ipc/ipc-error';
import { useIpcEvent } from '../../ipc/useIpcEvent';
import { useIpcQuery } from '../../ipc/useIpcQuery';

/** The containers list and its fetch state. */
export interface ContainersModel {
  containers: ContainerSummary[] | undefined;
  loadError: IpcError | undefined;
  refetch: () => void;
}

/** The containers list kept live without polling: subscribes to `containers:changed` (the full list) before fetching `containers:list`. */
export function useContainers(): ContainersModel {
  useIpcEvent('containers:changed', (containers) => list.setData(containers));
  const list = useIpcQuery('containers:list', {});
  return { containers: list.data, loadError: list.error, refetch: list.refetch };
}
