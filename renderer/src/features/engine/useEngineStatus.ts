import type { EngineStatus } from '../../../../shared/model/engine';
import type { IpcError } from '../../ipc/ipc-error';
import { defineLiveQuery } from '../../ipc/live-query';

/** The engine connection as the UI sees it: the last status (pushed or fetched), and a fetch error if there is one. */
export interface EngineStatusModel {
  status: EngineStatus | undefined;
  error: IpcError | undefined;
  refetch: () => void;
}

const engineStatus = defineLiveQuery('engine:status', {}, 'engine:status-changed', (status) => status);

/** Fetches the engine status ahead of the first render: the app bar's chip and every engine page's gate wait for it. */
export function prefetchEngineStatus(): void {
  engineStatus.prefetch();
}

/** The engine status, app-wide: fetched once, then kept live by `engine:status-changed`; every reader shares it. */
export function useEngineStatus(): EngineStatusModel {
  const query = engineStatus.use();
  return { status: query.data, error: query.error, refetch: query.refetch };
}
