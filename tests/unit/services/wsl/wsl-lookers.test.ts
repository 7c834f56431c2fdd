import { describe, expect, it } from 'vitest';
import { VM_WATCH_LIMITS, WslLookers } from '../../../../electron/services/wsl/wsl-lookers';
import { rejection } from '../../../helpers/service-error';

describe('WslLookers', () => {
  it('looks while a client is visible or a CLI watches, probes only for a visible VM view', () => {
    let changes = 0;
    const lookers = new WslLookers(() => (changes += 1));
    expect([lookers.looking(), lookers.probing()]).toEqual([false, false]);
    const { subscriptionId } = lookers.watchVm('a');
    expect([lookers.looking(), lookers.probing()]).toEqual([true, true]);
    lookers.setVisibility('a', false);
    expect([lookers.looking(), lookers.probing()]).toEqual([false, false]);
    lookers.unwatchVm('b', subscriptionId);
    lookers.setVisibility('a', true);
    expect(lookers.probing()).toBe(true);
    lookers.releaseClient('a');
    expect([lookers.looking(), lookers.probing()]).toEqual([false, false]);
    const release = lookers.watchChanges();
    expect(lookers.looking()).toBe(true);
    release();
    release();
    expect(lookers.looking()).toBe(false);
    expect(changes).toBe(6);
  });

  it('bounds the VM watches of one client and of all, refusing one more with CONFLICT', async () => {
    const lookers = new WslLookers(() => undefined);
    for (let i = 0; i < VM_WATCH_LIMITS.maxPerClient; i += 1) lookers.watchVm('a');
    expect((await rejection(Promise.resolve().then(() => lookers.watchVm('a')))).code).toBe('CONFLICT');
    for (let c = 1; c * VM_WATCH_LIMITS.maxPerClient < VM_WATCH_LIMITS.maxTotal; c += 1) {
      for (let i = 0; i < VM_WATCH_LIMITS.maxPerClient; i += 1) lookers.watchVm(`client-${c}`);
    }
    expect((await rejection(Promise.resolve().then(() => lookers.watchVm('late')))).code).toBe('CONFLICT');
    lookers.releaseClient('a');
    expect(lookers.watchVm('late').subscriptionId).toMatch(/^vm-/);
  });
});
