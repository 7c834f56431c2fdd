import type { NotificationList } from '../../../../shared/model/notification';
import type { IpcError } from '../../ipc/ipc-error';
import { defineLiveQuery } from '../../ipc/live-query';

/** The in-app notifications as the bell shows them. */
export interface NotificationsModel {
  list: NotificationList | undefined;
  error: IpcError | undefined;
  loading: boolean;
  refetch: () => void;
}

const notifications = defineLiveQuery('notifications:list', {}, 'notifications:changed', (list) => list);

/** The notifications, app-wide: fetched once, then kept live by `notifications:changed`. */
export function useNotifications(): NotificationsModel {
  const query = notifications.use();
  return { list: query.data, error: query.error, loading: query.loading, refetch: query.refetch };
}
