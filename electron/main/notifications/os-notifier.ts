import type { Logger, Notifier } from '../../services/ports';

/** The part of Electron's `Notification` the OS notifier uses (the fake in the tests has the same shape). */
export interface NotificationConstructor {
  isSupported(): boolean;
  new (options: { title: string; body: string }): { show(): void };
}

/** Longest title and body passed to the OS (toasts cut them anyway; a long container name must not fill a screen). */
export const OS_TITLE_LIMIT = 120;
export const OS_BODY_LIMIT = 300;

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/**
 * The desktop app's Notifier: an Electron `Notification` per call, clipped to the lengths above; where the OS has
 * no notifications it does nothing, and a failure to show one is logged, never thrown to the caller.
 */
export function createOsNotifier(Notification: NotificationConstructor, logger: Logger): Notifier {
  return {
    show({ title, body }) {
      try {
        if (!Notification.isSupported()) return;
        new Notification({ title: clip(title, OS_TITLE_LIMIT), body: clip(body, OS_BODY_LIMIT) }).show();
      } catch (error) {
        logger.warn('Could not show an OS notification', error);
      }
    },
  };
}
