import type { ImageSummary } from '../../../../shared/model/engine';
import type { IpcError } from '../../ipc/ipc-error';
import { useIpcEvent } from '../../ipc/useIpcEvent';
import { useIpcQuery } from '../../ipc/useIpcQuery';

/** The image list and its fetch state. */
export interface ImagesModel {
  images: ImageSummary[] | undefined;
  loadError: IpcError | undefined;
  refetch: () => void;
}

/** The engine's images, fetched again after a `containers:changed` push (which changes what uses them) and on refetch. */
export function useImages(): ImagesModel {
  useIpcEvent('containers:changed', () => query.refetch());
  const query = useIpcQuery('images:list', {});
  return { images: query.data, loadError: query.error, refetch: query.refetch };
}

/** How an image is named for people: its first tag, or its short id when it has none. */
export function imageName(image: ImageSummary): string {
  return image.tags[0] ?? shortImageId(image.id);
}

/** The 12 hex digits `docker images` shows for an id. */
export function shortImageId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

/** The images `docker image prune` deletes: dangling ones that no container uses. */
export function pruneCandidates(images: readonly ImageSummary[]): ImageSummary[] {
  return images.filter((image) => image.dangling && image.containers === 0);
}
