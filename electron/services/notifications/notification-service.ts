import type { AppNotification, NotificationKind, NotificationList } from '../../../shared/model/notification';
import type { GeneralSettings } from '../../../shared/model/general-settings';
import type { Clock, EventSink, Logger, Notifier } from '../ports';

/** How many notifications the in-app list keeps (the oldest go first). */
export const NOTIFICATION_LIMIT = 100;
/** How many event keys are remembered for de-duplication (the oldest are forgotten first). */
export const DEDUP_KEY_LIMIT = 1_000;

/** One notification a source raises: `key` names the event, so the same event never notifies twice. */
export interface NotificationInput {
  kind: NotificationKind;
  key: string;
  title: string;
  body: string;
}

/** What the service is built from; `toggles` reads Settings → General at the moment of each notification. */
export interface NotificationServiceOptions {
  events: EventSink;
  clock: Clock;
  logger: Logger;
  toggles: () => GeneralSettings['notifications'];
}

/**
 * The in-app list behind the bell, in every host: records each event once (by key), skips kinds turned off in
 * Settings, keeps the newest NOTIFICATION_LIMIT, passes each new one to the attached notifiers (the OS in the
 * desktop app) and pushes `notifications:changed` after every change.
 */
export class NotificationService {
  private items: AppNotification[] = [];
  private readonly seenKeys = new Set<string>();
  private readonly notifiers = new Set<Notifier>();
  private sequence = 0;

  constructor(private readonly options: NotificationServiceOptions) {}

  /** The list, newest first, with the unread count. */
  list(): NotificationList {
    return { items: this.items.map((item) => ({ ...item })), unread: this.items.filter((item) => !item.read).length };
  }

  /**
   * Records a notification unless its kind is off or its event was already notified; answers the one recorded,
   * or null. An event skipped while its kind is off is not remembered, so it is not notified later either way.
   */
  notify(input: NotificationInput): AppNotification | null {
    if (this.seenKeys.has(input.key)) return null;
    if (!this.kindEnabled(input.kind)) return null;
    this.remember(input.key);
    this.sequence += 1;
    const notification: AppNotification = {
      id: `n-${this.sequence}`,
      kind: input.kind,
      title: input.title,
      body: input.body,
      createdAt: this.options.clock.now(),
      read: false,
    };
    this.items = [notification, ...this.items].slice(0, NOTIFICATION_LIMIT);
    for (const notifier of [...this.notifiers]) {
      try {
        notifier.show({ title: notification.title, body: notification.body });
      } catch (error) {
        this.options.logger.warn('A notifier failed to show a notification', error);
      }
    }
    this.changed();
    return { ...notification };
  }

  /** Marks the notifications named (every one when `ids` is absent) as read; unknown ids are ignored. */
  markRead(ids?: readonly string[]): NotificationList {
    const wanted = ids === undefined ? null : new Set(ids);
    let changed = false;
    this.items = this.items.map((item) => {
      if (item.read || (wanted !== null && !wanted.has(item.id))) return item;
      changed = true;
      return { ...item, read: true };
    });
    if (changed) this.changed();
    return this.list();
  }

  /** Empties the list (events already notified stay remembered, so they do not come back). */
  clear(): NotificationList {
    if (this.items.length > 0) {
      this.items = [];
      this.changed();
    }
    return this.list();
  }

  /** Adds an outside notifier (the OS); returns the function that removes it. */
  addNotifier(notifier: Notifier): () => void {
    this.notifiers.add(notifier);
    return () => {
      this.notifiers.delete(notifier);
    };
  }

  private kindEnabled(kind: NotificationKind): boolean {
    try {
      return this.options.toggles()[kind];
    } catch (error) {
      this.options.logger.warn('Could not read the notification settings; notifying anyway', error);
      return true;
    }
  }

  private remember(key: string): void {
    this.seenKeys.add(key);
    if (this.seenKeys.size <= DEDUP_KEY_LIMIT) return;
    const oldest = this.seenKeys.values().next();
    if (oldest.done !== true) this.seenKeys.delete(oldest.value);
  }

  private changed(): void {
    this.options.events.emit('notifications:changed', this.list());
  }
}
