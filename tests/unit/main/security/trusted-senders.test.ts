import { describe, expect, it } from 'vitest';
import { TrustedSenderRegistry, isTrustedSender } from '../../../../electron/main/security/trusted-senders';
import { FakeContents, senderEvent } from '../fake-electron';

describe('isTrustedSender', () => {
  const registry = new TrustedSenderRegistry();
  registry.add(new FakeContents(7));

  it.each([
    ['the app main frame of a registered window', senderEvent(7, 'app://bundle/index.html'), true],
    ['the app main frame at a route', senderEvent(7, 'app://bundle/index.html#/distros'), true],
    ['a frame that navigated away or was destroyed (null)', senderEvent(7, null), false],
    ['a sub-frame on the app origin', senderEvent(7, 'app://bundle/index.html', { url: 'app://bundle/index.html' }), false],
    ['a frame whose parent is unknown (undefined)', { sender: { id: 7 }, senderFrame: { url: 'app://bundle/index.html', parent: undefined } }, false],
    ['a foreign https origin', senderEvent(7, 'https://example.com/'), false],
    ['a lookalike origin', senderEvent(7, 'https://app.bundle.attacker.com/'), false],
    ['another app host', senderEvent(7, 'app://other/index.html'), false],
    ['a file: page', senderEvent(7, 'file:///C:/app/index.html'), false],
    ['a dev server origin', senderEvent(7, 'http://localhost:5173/'), false],
    ['about:blank', senderEvent(7, 'about:blank'), false],
    ['an unparsable frame URL', senderEvent(7, 'not a url'), false],
    ['an unknown web contents id', senderEvent(8, 'app://bundle/index.html'), false],
  ])('%s → %s', (_label, event, trusted) => {
    expect(isTrustedSender(event, registry)).toBe(trusted);
  });
});

describe('TrustedSenderRegistry', () => {
  it('forgets a web contents once it is destroyed', () => {
    const registry = new TrustedSenderRegistry();
    const contents = new FakeContents(3);
    registry.add(contents);
    expect(registry.has(3)).toBe(true);
    expect(registry.live()).toEqual([contents]);
    contents.destroy();
    expect(registry.has(3)).toBe(false);
    expect(registry.live()).toEqual([]);
    expect(isTrustedSender(senderEvent(3, 'app://bundle/index.html'), registry)).toBe(false);
  });

  it('trusts nothing it was not given', () => {
    const registry = new TrustedSenderRegistry();
    expect(registry.has(1)).toBe(false);
    expect(isTrustedSender(senderEvent(1, 'app://bundle/index.html'), registry)).toBe(false);
  });
});
