import type { ImageSummary } from '../../../../shared/model/engine';
import type { IpcError } from '../../ipc/ipc-error';
import { defineLiveQuery } from '../../ipc/live-query';

/** The image list and its fetch state. */
export interface ImagesModel {
  images: ImageSummary[] | undefined;
  loadError: IpcError | undefined;
  refetch: () => void;
}

// A `containers:changed` push changes what uses each image, so it sets off a fetch while the list is on screen.
const imagesList = defineLiveQuery('images:list', {}, 'containers:changed', 'refetch');

/** Fetches the image list ahead of need (once the engine is connected), so the Images page opens with its rows. */
export function prefetchImages(): void {
  imagesList.prefetch();
}

/**
 * The engine's images, app-wide: rows held from an earlier visit or a prefetch show at once while each mount fetches
 * them again; fetched again after a `containers:changed` push while shown, and on refetch.
 */
export function useImages(): ImagesModel {
  const query = imagesList.use(true);
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
