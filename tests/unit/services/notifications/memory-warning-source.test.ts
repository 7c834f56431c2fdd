import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../../shared/ipc/contract';
import { EventHub } from '../../../../electron/services/event-hub';
import { DEFAULT_MEMORY_WARNING_LIMITS, createMemoryWarningSource } from '../../../../electron/services/notifications/memory-warning-source';
import { NotificationService, type NotificationInput } from '../../../../electron/services/notifications/notification-service';
import { attachNotificationSources } from '../../../../electron/services/notifications/notification-sources';
import { GeneralSettings } from '../../../../shared/model/general-settings';
import type { MemoryWarning } from '../../../../shared/model/memory';
import { ManualClock, RecordingLogger } from '../../../helpers/recording';

const T0 = 1_800_000_000_000;

function warning(kind: MemoryWarning['kind'], subject: string, at = T0): MemoryWarning {
  return { id: `${kind}:${subject}`, kind, severity: 'warning', subject, message: `${subject}: ${kind} in plain words.`, at };
}

/** One `memory:sampled` push at time `t` carrying `warnings` (the breakdown itself does not matter here). */
function push(t: number, warnings: MemoryWarning[], subscriptionId = 'm-1'): EventPayload<'memory:sampled'> {
  return {
    subscriptionId,
    report: {
      at: t,
      simulated: true,
      placement: { kind: 'none', distro: null, simulated: true, description: 'No engine.' },
      roots: [{ id: 'host', kind: 'host', label: 'Host', bytes: 0, limitBytes: null, estimated: false, estimate: null, children: [] }],
      vm: null,
      warnings,
    },
    sample: { t, hostUsedBytes: 0, vmAssignedBytes: 0, vmUsedBytes: 0, vmPageCacheBytes: 0, distros: {}, containers: {} },
  };
}

/** A source over a recording notify. */
function recorded(limits = {}): { sampled: (payload: EventPayload<'memory:sampled'>) => void; remembered: () => number; seen: NotificationInput[] } {
  const seen: NotificationInput[] = [];
  const source = createMemoryWarningSource((input) => seen.push(input), limits);
  return { ...source, seen };
}

describe('memory-warning notification source', () => {
  it('notifies a new warning once, in plain words from its message, and not again while it stays', () => {
    const source = recorded();
    const web = warning('container-near-limit', 'web');
    for (let i = 0; i < 20; i += 1) source.sampled(push(T0 + i * 1000, [web]));
    expect(source.seen).toEqual([{ kind: 'memory-warning', key: `memory-warning:container-near-limit:web:${T0}`, title: 'web is near its memory limit', body: 'web: container-near-limit in plain words.' }]);
  });

  it('notifies the VM swapping and a machine low on memory, but leaves the VM near its limit and OOM kills to the other sources', () => {
    const source = recorded();
    source.sampled(push(T0, [warning('vm-near-limit', 'WSL2 VM'), warning('container-oom-killed', 'db'), warning('vm-swapping', 'WSL2 VM'), warning('host-pressure', 'Windows')]));
    expect(source.seen.map((input) => input.title)).toEqual(['WSL2 VM is swapping', 'Windows is low on memory']);
  });

  it('re-arms a warning only after it was gone from 30 samples in a row, or gone and last seen 60 s ago', () => {
    const source = recorded();
    const web = warning('container-near-limit', 'web');
    let t = T0;
    source.sampled(push(t, [web]));
    for (let i = 0; i < DEFAULT_MEMORY_WARNING_LIMITS.rearmAfterSamples - 1; i += 1) source.sampled(push((t += 1000), []));
    source.sampled(push((t += 1000), [web]));
    expect(source.seen).toHaveLength(1);
    for (let i = 0; i < DEFAULT_MEMORY_WARNING_LIMITS.rearmAfterSamples; i += 1) source.sampled(push((t += 1000), []));
    source.sampled(push((t += 1000), [web]));
    expect(source.seen.map((input) => input.key)).toEqual([`memory-warning:container-near-limit:web:${T0}`, `memory-warning:container-near-limit:web:${t}`]);
    // Gone from one sample, but that sample came 60 s after it was last seen: re-armed.
    source.sampled(push((t += 60_000), []));
    source.sampled(push((t += 1000), [web]));
    expect(source.seen).toHaveLength(3);
  });

  it('does not re-arm a warning over a pause in sampling while it stays (the page was closed, nothing said it was gone)', () => {
    const source = recorded();
    const web = warning('container-near-limit', 'web');
    source.sampled(push(T0, [web]));
    source.sampled(push(T0 + 3_600_000, [web]));
    expect(source.seen).toHaveLength(1);
  });

  it('reads a sample pushed to several subscriptions once', () => {
    const source = recorded();
    const web = warning('container-near-limit', 'web');
    source.sampled(push(T0, [web], 'm-1'));
    source.sampled(push(T0, [web], 'm-2'));
    for (let i = 1; i <= 30; i += 1) {
      // Both subscriptions get every sample: a sample counted twice would re-arm after 15 samples gone.
      source.sampled(push(T0 + i * 1000, [], 'm-1'));
      source.sampled(push(T0 + i * 1000, [], 'm-2'));
      if (i === 15) source.sampled(push(T0 + 15_500, [web], 'm-1'));
    }
    expect(source.seen).toHaveLength(1);
  });

  it('remembers at most maxRemembered warnings, forgetting the longest unseen first, and notifies at most maxPerSample one by one', () => {
    const source = recorded({ maxRemembered: 5, maxPerSample: 2 });
    const many = Array.from({ length: 8 }, (_, i) => warning('container-near-limit', `c${i}`));
    source.sampled(push(T0, many));
    expect(source.remembered()).toBe(5);
    expect(source.seen.map((input) => input.title)).toEqual(['c0 is near its memory limit', 'c1 is near its memory limit', '6 more memory warnings']);
    expect(source.seen[2]?.body).toBe('Also short of memory: c2, c3, c4, c5, c6, c7. The Memory page lists each.');
    for (let i = 1; i <= 1000; i += 1) source.sampled(push(T0 + i * 1000, [warning('host-pressure', `h${i}`)]));
    expect(source.remembered()).toBeLessThanOrEqual(5);
    expect(source.seen).toHaveLength(3 + 1000);
  });

  it('through the sources: a sample emitted to two windows notifies once, and the Settings toggle turned off suppresses it', () => {
    const hub = new EventHub();
    const toggles = GeneralSettings.parse({}).notifications;
    const notifications = new NotificationService({ events: hub, clock: new ManualClock(), logger: new RecordingLogger(), toggles: () => toggles });
    const detach = attachNotificationSources({
      subscribe: (listener) => hub.subscribe(listener),
      notifications,
      inspect: () => Promise.reject(new Error('not used')),
      logger: new RecordingLogger(),
      nowSeconds: () => T0 / 1000,
    });
    const web = warning('container-near-limit', 'web');
    hub.emitTo('window-1', 'memory:sampled', push(T0, [web], 'm-1'));
    hub.emitTo('window-2', 'memory:sampled', push(T0, [web], 'm-2'));
    hub.emitTo('window-1', 'memory:sampled', push(T0 + 1000, [web], 'm-1'));
    expect(notifications.list().items.map((item) => [item.kind, item.title])).toEqual([['memory-warning', 'web is near its memory limit']]);

    toggles['memory-warning'] = false;
    hub.emitTo('window-1', 'memory:sampled', push(T0 + 2000, [web, warning('vm-swapping', 'WSL2 VM')]));
    expect(notifications.list().items).toHaveLength(1);

    detach();
    toggles['memory-warning'] = true;
    hub.emitTo('window-1', 'memory:sampled', push(T0 + 3000, [warning('host-pressure', 'Windows')]));
    expect(notifications.list().items).toHaveLength(1);
  });
});
