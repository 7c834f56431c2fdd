import type { GeneralSettings } from '../../../../shared/model/general-settings';
import type { IpcError } from '../../ipc/ipc-error';
import { defineLiveQuery } from '../../ipc/live-query';

/** Settings → General as the renderer sees it. */
export interface GeneralSettingsModel {
  settings: GeneralSettings | undefined;
  error: IpcError | undefined;
  loading: boolean;
  refetch: () => void;
}

const generalSettings = defineLiveQuery('settings:general', {}, 'settings:general-changed', (settings) => settings);

/** Settings → General, app-wide: fetched once, then kept live by `settings:general-changed` (so every window follows a change). */
export function useGeneralSettings(): GeneralSettingsModel {
  const query = generalSettings.use();
  return { settings: query.data, error: query.error, loading: query.loading, refetch: query.refetch };
}
