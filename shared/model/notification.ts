import { z } from 'zod';

/**
 * What a notification is about; each kind can be turned off in Settings → General. `memory-warning` carries the
 * Memory page's warnings the other kinds do not cover (a container near its limit, the VM swapping, a machine low on RAM).
 */
export const NotificationKind = z.enum(['container-exited', 'engine-stopped', 'vm-memory', 'setup-step', 'memory-warning']);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** Id of one recorded notification (`n-<sequence>`). */
export const NotificationId = z.string().regex(/^n-\d{1,12}$/, 'Not a notification id.');

/** One notification as the bell lists it. `createdAt` is ms since the epoch. */
export const AppNotification = z.object({
  id: NotificationId,
  kind: NotificationKind,
  title: z.string(),
  body: z.string(),
  createdAt: z.number().int(),
  read: z.boolean(),
});
export type AppNotification = z.infer<typeof AppNotification>;

/** The in-app list, newest first, and how many are unread. */
export const NotificationList = z.object({
  items: z.array(AppNotification),
  unread: z.number().int().nonnegative(),
});
export type NotificationList = z.infer<typeof NotificationList>;
