import type { NetworkSummary, VolumeSummary } from '../../../../shared/model/engine';
import type { IpcError } from '../../ipc/ipc-error';
import { useIpcEvent } from '../../ipc/useIpcEvent';
import { useIpcQuery } from '../../ipc/useIpcQuery';

/** Volumes and networks with their fetch state. */
export interface VolumesModel {
  volumes: VolumeSummary[] | undefined;
  volumesError: IpcError | undefined;
  networks: NetworkSummary[] | undefined;
  networksError: IpcError | undefined;
  refetch: () => void;
}

/** The engine's volumes and networks, fetched again after a `containers:changed` push (which changes what uses them). */
export function useVolumes(): VolumesModel {
  useIpcEvent('containers:changed', () => {
    volumes.refetch();
    networks.refetch();
  });
  const volumes = useIpcQuery('volumes:list', {});
  const networks = useIpcQuery('networks:list', {});
  return {
    volumes: volumes.data,
    volumesError: volumes.error,
    networks: networks.data,
    networksError: networks.error,
    refetch: () => {
      volumes.refetch();
      networks.refetch();
    },
  };
}

/** The volumes `docker volume prune` deletes: the ones no container uses. */
export function unusedVolumes(volumes: readonly VolumeSummary[]): VolumeSummary[] {
  return volumes.filter((volume) => volume.inUseBy.length === 0);
}
