import type { InvokeChannel, InvokeRequest, InvokeResponse } from '../../../shared/ipc/contract';
import type { ClientContext } from '../../services/ports';
import type { Services } from './compose-services';

/** One handler per contract channel; a missing channel is a compile error. */
export type InvokeHandlers = {
  [C in InvokeChannel]: (request: InvokeRequest<C>, client: ClientContext) => Promise<InvokeResponse<C>>;
};

/** Maps every channel of the contract to the service call that answers it. */
export function createInvokeHandlers(services: Services): InvokeHandlers {
  const { wsl, hostInfo } = services;
  return {
    'app:info': async () => hostInfo,
    'app:status': () => wsl.status(hostInfo),
    'distros:list': () => wsl.list(),
    'distros:start': ({ name }) => wsl.start(name),
    'distros:terminate': ({ name }) => wsl.terminate(name),
    'distros:set-default': ({ name }) => wsl.setDefault(name),
    'wsl:shutdown': () => wsl.shutdown(),
  };
}
