import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { useVisibilitySignal } from '../../../../renderer/src/features/engine/useVisibilitySignal';
import { connectionStore } from '../../../../renderer/src/ipc/connection-store';
import { FakeLightdock } from '../../fake-lightdock';

let visibility: DocumentVisibilityState = 'visible';
Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });

function setVisibility(state: DocumentVisibilityState): void {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
}

afterEach(() => {
  cleanup();
  delete window.lightdock;
  visibility = 'visible';
  connectionStore.set('open');
});

describe('useVisibilitySignal', () => {
  it('tells the host each time the window is hidden or shown, and stops after unmount', async () => {
    const host = new FakeLightdock();
    window.lightdock = host;
    const { unmount } = renderHook(() => useVisibilitySignal());
    expect(host.callsTo('app:visibility')).toEqual([{ visible: true }]);
    setVisibility('hidden');
    setVisibility('visible');
    await waitFor(() => expect(host.callsTo('app:visibility')).toEqual([{ visible: true }, { visible: false }, { visible: true }]));
    unmount();
    setVisibility('hidden');
    expect(host.callsTo('app:visibility')).toHaveLength(3);
  });

  it('reports a window that starts hidden', () => {
    const host = new FakeLightdock();
    window.lightdock = host;
    visibility = 'hidden';
    renderHook(() => useVisibilitySignal());
    expect(host.callsTo('app:visibility')).toEqual([{ visible: false }]);
  });

  it('tells the host again when a lost link comes back (the host sees a new client)', async () => {
    const host = new FakeLightdock();
    window.lightdock = host;
    renderHook(() => useVisibilitySignal());
    act(() => connectionStore.set('reconnecting'));
    expect(host.callsTo('app:visibility')).toEqual([{ visible: true }]);
    act(() => connectionStore.set('open'));
    await waitFor(() => expect(host.callsTo('app:visibility')).toEqual([{ visible: true }, { visible: true }]));
  });
});
