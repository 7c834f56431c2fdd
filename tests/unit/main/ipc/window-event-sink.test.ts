import { describe, expect, it } from 'vitest';
import type { Distro } from '../../../../shared/model/distro';
import { WindowEventSink } from '../../../../electron/main/ipc/window-event-sink';
import { TrustedSenderRegistry } from '../../../../electron/main/security/trusted-senders';
import { EventHub } from '../../../../electron/services/event-hub';
import { RecordingLogger } from '../../../helpers/recording';
import { vmInfo } from '../../../helpers/vm-info';
import { FakeContents } from '../fake-electron';

const ubuntu: Distro = { name: 'Ubuntu-24.04', state: 'Running', version: 2, isDefault: true };
const vmRunning = vmInfo('Running', 1);
const vmStopped = vmInfo('Stopped', 0);

function setUp() {
  const registry = new TrustedSenderRegistry();
  const logger = new RecordingLogger();
  const hub = new EventHub();
  const sink = new WindowEventSink(registry, logger);
  const detach = sink.attach(hub);
  return { registry, logger, hub, sink, detach };
}

describe('WindowEventSink', () => {
  it('sends a push to a ready window with the payload as the only argument', () => {
    const { registry, hub, sink } = setUp();
    const window = new FakeContents(1);
    registry.add(window);
    sink.markReady(1);
    hub.emit('distros:changed', [ubuntu]);
    expect(window.sent).toEqual([{ channel: 'distros:changed', args: [[ubuntu]] }]);
  });

  it('queues pushes until the window is ready, keeping the latest payload of each channel in order', () => {
    const { registry, hub, sink } = setUp();
    const window = new FakeContents(1);
    registry.add(window);
    hub.emit('vm:changed', vmRunning);
    hub.emit('distros:changed', [ubuntu]);
    hub.emit('vm:changed', vmStopped);
    expect(window.sent).toEqual([]);
    sink.markReady(1);
    expect(window.sent).toEqual([
      { channel: 'distros:changed', args: [[ubuntu]] },
      { channel: 'vm:changed', args: [vmStopped] },
    ]);
    sink.markReady(1);
    expect(window.sent).toHaveLength(2);
  });

  it('queues again after the page reloads', () => {
    const { registry, hub, sink } = setUp();
    const window = new FakeContents(1);
    registry.add(window);
    sink.markReady(1);
    sink.markPending(1);
    hub.emit('vm:changed', vmRunning);
    expect(window.sent).toEqual([]);
    sink.markReady(1);
    expect(window.sent).toEqual([{ channel: 'vm:changed', args: [vmRunning] }]);
  });

  it('drops a payload that breaks the contract and logs it', () => {
    const { registry, hub, sink, logger } = setUp();
    const window = new FakeContents(1);
    registry.add(window);
    sink.markReady(1);
    hub.emit('distros:changed', [{ ...ubuntu, name: 'bad name; rm -rf /' }]);
    expect(window.sent).toEqual([]);
    expect(logger.lines).toEqual([{ level: 'error', message: expect.stringContaining('distros:changed') }]);
  });

  it('drops a push on a channel outside the contract, or with a failing logger, and keeps delivering', () => {
    const registry = new TrustedSenderRegistry();
    const hub = new EventHub();
    const sink = new WindowEventSink(registry, {
      info: () => undefined,
      warn: () => undefined,
      error: () => {
        throw new Error('the log is gone');
      },
    });
    sink.attach(hub);
    const window = new FakeContents(1);
    registry.add(window);
    sink.markReady(1);
    (hub.emit as (channel: string, payload: unknown) => void)('nothing:here', {});
    hub.emit('distros:changed', [{ ...ubuntu, name: 'bad name; rm -rf /' }]);
    hub.emit('distros:changed', [ubuntu]);
    expect(window.sent).toEqual([{ channel: 'distros:changed', args: [[ubuntu]] }]);
  });

  it('sends only to registered windows and never to destroyed ones', () => {
    const { registry, hub, sink } = setUp();
    const kept = new FakeContents(1);
    const gone = new FakeContents(2);
    const stranger = new FakeContents(3);
    registry.add(kept);
    registry.add(gone);
    sink.markReady(1);
    sink.markReady(2);
    sink.markReady(3);
    gone.destroy();
    hub.emit('vm:changed', vmRunning);
    expect(kept.sent).toHaveLength(1);
    expect(gone.sent).toEqual([]);
    expect(stranger.sent).toEqual([]);
  });

  it('stops forwarding once detached', () => {
    const { registry, hub, sink, detach } = setUp();
    const window = new FakeContents(1);
    registry.add(window);
    sink.markReady(1);
    detach();
    hub.emit('vm:changed', vmRunning);
    expect(window.sent).toEqual([]);
  });
});
