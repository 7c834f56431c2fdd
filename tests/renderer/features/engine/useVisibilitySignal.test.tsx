import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { useVisibilitySignal } from '../../../../renderer/src/features/engine/useVisibilitySignal';
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
});

describe('useVisibilitySignal', () => {
  it('tells the host each time the window is hidden or shown, and stops after unmount', async () => {
    const host = new FakeLightdock();
    window.lightdock = host;
    const { unmount } = renderHook(() => useVisibilitySignal());
    expect(host.callsTo('app:visibility')).toEqual([]);
    setVisibility('hidden');
    setVisibility('visible');
    await waitFor(() => expect(host.callsTo('app:visibility')).toEqual([{ visible: false }, { visible: true }]));
    unmount();
    setVisibility('hidden');
    expect(host.callsTo('app:visibility')).toHaveLength(2);
  });

  it('reports a window that starts hidden', () => {
    const host = new FakeLightdock();
    window.lightdock = host;
    visibility = 'hidden';
    renderHook(() => useVisibilitySignal());
    expect(host.callsTo('app:visibility')).toEqual([{ visible: false }]);
  });
});
