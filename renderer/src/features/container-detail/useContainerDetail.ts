import { useState } from 'react';
import type { ContainerDetail } from '../../../../shared/model/container';
import type { IpcError } from '../../ipc/ipc-error';
import { useIpcEvent } from '../../ipc/useIpcEvent';
import { useIpcQuery } from '../../ipc/useIpcQuery';

/** One container's detail, whether the engine still lists it, and its fetch state. */
export interface ContainerDetailModel {
  detail: ContainerDetail | undefined;
  /** True once a `containers:changed` list no longer holds the container. */
  removed: boolean;
  loadError: IpcError | undefined;
  refetch: () => void;
}

/**
 * Fetches `containers:inspect` for one container and keeps it current without polling: when a `containers:changed`
 * push shows the container in another state or status it inspects again; when the push no longer lists it, `removed`.
 */
export function useContainerDetail(id: string): ContainerDetailModel {
  const [removed, setRemoved] = useState(false);
  useIpcEvent('containers:changed', (containers) => {
    const row = containers.find((entry) => entry.id === id || entry.id === query.data?.id || entry.name === id);
    setRemoved(row === undefined);
    if (row !== undefined && query.data !== undefined && (row.state !== query.data.state || row.status !== query.data.status)) query.refetch();
  });
  const query = useIpcQuery('containers:inspect', { id });
  return { detail: query.data, removed, loadError: query.error, refetch: query.refetch };
}
