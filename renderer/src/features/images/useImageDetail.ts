import type { ImageDetail } from '../../../../shared/model/image-detail';
import type { IpcError } from '../../ipc/ipc-error';
import { useIpcEvent } from '../../ipc/useIpcEvent';
import { useIpcQuery } from '../../ipc/useIpcQuery';

/** One image in full and its fetch state. */
export interface ImageDetailModel {
  detail: ImageDetail | undefined;
  loadError: IpcError | undefined;
  refetch: () => void;
}

/** `images:inspect` of one image (id or reference), fetched again after a `containers:changed` push (its users change) and on refetch. */
export function useImageDetail(ref: string): ImageDetailModel {
  useIpcEvent('containers:changed', () => query.refetch());
  const query = useIpcQuery('images:inspect', { id: ref });
  return { detail: query.data, loadError: query.error, refetch: query.refetch };
}
