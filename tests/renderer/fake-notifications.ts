import type { EventChannel, EventPayload, InvokeChannel } from '../../shared/ipc/contract';
import { ok, type IpcResult } from '../../shared/ipc/result';
import { GeneralSettings, type GeneralSettingsPatch } from '../../shared/model/general-settings';
import type { AppNotification, NotificationList } from '../../shared/model/notification';

type Emit = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => void;

/** The notification and Settings → General channels of the fake host: an in-memory list and settings that push as the host does. */
export class FakeNotifications {
  items: AppNotification[] = [];
  general: GeneralSettings = GeneralSettings.parse({});
  private sequence = 0;

  constructor(private readonly emit: Emit) {}

  /** Adds a notification as the host would on an event, and pushes the list. */
  add(title: string, body = '', kind: AppNotification['kind'] = 'container-exited'): void {
    this.sequence += 1;
    this.items = [{ id: `n-${this.sequence}`, kind, title, body, createdAt: Date.UTC(2026, 11, 1, 22, this.sequence), read: false }, ...this.items];
    this.emit('notifications:changed', this.list());
  }

  list(): NotificationList {
    return { items: this.items.map((item) => ({ ...item })), unread: this.items.filter((item) => !item.read).length };
  }

  /** The answer for one of its channels, or undefined for any other channel. */
  answer(channel: InvokeChannel, request: unknown): IpcResult<unknown> | undefined {
    switch (channel) {
      case 'notifications:list':
        return ok(this.list());
      case 'notifications:mark-read': {
        const ids = (request as { ids?: string[] }).ids;
        this.items = this.items.map((item) => (ids === undefined || ids.includes(item.id) ? { ...item, read: true } : item));
        this.emit('notifications:changed', this.list());
        return ok(this.list());
      }
      case 'notifications:clear':
        this.items = [];
        this.emit('notifications:changed', this.list());
        return ok(this.list());
      case 'settings:general':
        return ok(this.general);
      case 'settings:set-general': {
        const { notifications, ...rest } = request as GeneralSettingsPatch;
        this.general = { ...this.general, ...rest, notifications: { ...this.general.notifications, ...notifications } };
        this.emit('settings:general-changed', this.general);
        return ok(this.general);
      }
      default:
        return undefined;
    }
  }
}
