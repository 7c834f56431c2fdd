import { defineLiveQuery } from '../../ipc/live-query';

/** The distro list, app-wide and live: fetched once, replaced by every `distros:changed` push, refetched after a lost link comes back. */
export const distrosList = defineLiveQuery('distros:list', {}, 'distros:changed', (distros) => distros);

/** Fetches the distro list ahead of need, so the Distros page opens with its rows. */
export function prefetchDistros(): void {
  distrosList.prefetch();
}
