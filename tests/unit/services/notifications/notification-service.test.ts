import { describe, expect, it } from 'vitest';
import { DEDUP_KEY_LIMIT, NOTIFICATION_LIMIT, NotificationService, type NotificationInput } from '../../../../electron/services/notifications/notification-service';
import { GeneralSettings } from '../../../../shared/model/general-settings';
import { NotificationList } from '../../../../shared/model/notification';
import { ManualClock, RecordingEventSink, RecordingLogger } from '../../../helpers/recording';

function make(toggles = GeneralSettings.parse({}).notifications): { service: NotificationService; events: RecordingEventSink; clock: ManualClock; logger: RecordingLogger } {
  const events = new RecordingEventSink();
  const clock = new ManualClock();
  const logger = new RecordingLogger();
  const service = new NotificationService({ events, clock, logger, toggles: () => toggles });
  return { service, events, clock, logger };
}

const exitOf = (n: number): NotificationInput => ({ kind: 'container-exited', key: `exit:${n}`, title: `c${n} exited with code 1`, body: 'body' });

describe('NotificationService', () => {
  it('records a notification, newest first, unread, and pushes the list', () => {
    const { service, events, clock } = make();
    service.notify(exitOf(1));
    clock.advance(1_000);
    service.notify(exitOf(2));
    const list = service.list();
    expect(list.items.map((item) => item.title)).toEqual(['c2 exited with code 1', 'c1 exited with code 1']);
    expect(list.unread).toBe(2);
    expect(list.items[0]?.createdAt).toBe(list.items[1]!.createdAt + 1_000);
    expect(events.events.filter((event) => event.channel === 'notifications:changed')).toHaveLength(2);
    expect(NotificationList.safeParse(events.events.at(-1)?.payload).success).toBe(true);
  });

  it('never notifies the same event twice, even after the list was cleared', () => {
    const { service, events } = make();
    expect(service.notify(exitOf(1))).not.toBeNull();
    expect(service.notify(exitOf(1))).toBeNull();
    service.clear();
    expect(service.notify(exitOf(1))).toBeNull();
    expect(service.list().items).toEqual([]);
    expect(events.events.filter((event) => event.channel === 'notifications:changed')).toHaveLength(2);
  });

  it(`keeps only the newest ${NOTIFICATION_LIMIT}`, () => {
    const { service } = make();
    for (let n = 1; n <= NOTIFICATION_LIMIT + 25; n += 1) service.notify(exitOf(n));
    const { items, unread } = service.list();
    expect(items).toHaveLength(NOTIFICATION_LIMIT);
    expect(unread).toBe(NOTIFICATION_LIMIT);
    expect(items[0]?.title).toBe(`c${NOTIFICATION_LIMIT + 25} exited with code 1`);
    expect(items.at(-1)?.title).toBe('c26 exited with code 1');
  });

  it(`remembers at most ${DEDUP_KEY_LIMIT} event keys, forgetting the oldest`, () => {
    const { service } = make();
    for (let n = 0; n <= DEDUP_KEY_LIMIT; n += 1) service.notify(exitOf(n));
    expect(service.notify(exitOf(DEDUP_KEY_LIMIT))).toBeNull();
    expect(service.notify(exitOf(0))).not.toBeNull();
  });

  it('skips a kind turned off in Settings, and notifies it again once turned on', () => {
    const toggles = { ...GeneralSettings.parse({}).notifications, 'container-exited': false };
    const { service, events } = make(toggles);
    expect(service.notify(exitOf(1))).toBeNull();
    expect(service.notify({ kind: 'engine-stopped', key: 'engine', title: 'The Docker engine stopped unexpectedly', body: '' })).not.toBeNull();
    expect(service.list().items.map((item) => item.kind)).toEqual(['engine-stopped']);
    expect(events.events).toHaveLength(1);
    toggles['container-exited'] = true;
    expect(service.notify(exitOf(2))).not.toBeNull();
  });

  it('marks the named notifications read, or all of them, and ignores unknown ids', () => {
    const { service, events } = make();
    const first = service.notify(exitOf(1));
    service.notify(exitOf(2));
    expect(service.markRead([first!.id, 'n-999']).unread).toBe(1);
    expect(service.list().items.find((item) => item.id === first!.id)?.read).toBe(true);
    expect(service.markRead().unread).toBe(0);
    const pushes = events.events.length;
    service.markRead();
    expect(events.events).toHaveLength(pushes);
  });

  it('passes each new notification to the attached notifiers; a failing one is logged and the others still run', () => {
    const { service, logger } = make();
    const shown: string[] = [];
    service.addNotifier({
      show: () => {
        throw new Error('no toasts here');
      },
    });
    const remove = service.addNotifier({ show: ({ title }) => shown.push(title) });
    service.notify(exitOf(1));
    service.notify(exitOf(1));
    remove();
    service.notify(exitOf(2));
    expect(shown).toEqual(['c1 exited with code 1']);
    expect(logger.lines.filter((line) => line.level === 'warn')).toHaveLength(2);
    expect(service.list().items).toHaveLength(2);
  });
});
