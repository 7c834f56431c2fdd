import type { HostInfo } from '../../../../shared/model/host';
import { useIpcQuery } from '../../ipc/useIpcQuery';

/** The host's identity from `app:info` (undefined until it arrives or if it fails). */
export function useHostInfo(): HostInfo | undefined {
  return useIpcQuery('app:info', {}).data;
}
