import type { EngineStatus } from '../../../../shared/model/engine';
import type { IpcError } from '../../ipc/ipc-error';
import { useIpcEvent } from '../../ipc/useIpcEvent';
import { useIpcQuery } from '../../ipc/useIpcQuery';

/** The engine connection as the UI sees it: the last status (pushed or fetched), and a fetch error if there is one. */
export interface EngineStatusModel {
  status: EngineStatus | undefined;
  error: IpcError | undefined;
  refetch: () => void;
}

/** The engine status kept live: subscribes to `engine:status-changed` before fetching `engine:status`. */
export function useEngineStatus(): EngineStatusModel {
  useIpcEvent('engine:status-changed', (status) => query.setData(status));
  const query = useIpcQuery('engine:status', {});
  return { status: query.data, error: query.error, refetch: query.refetch };
}
