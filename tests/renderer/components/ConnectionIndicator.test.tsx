import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { ConnectionIndicator, FIRST_CONNECT_GRACE_MS } from '../../../renderer/src/components/ConnectionIndicator';
import { connectionStore } from '../../../renderer/src/ipc/connection-store';

afterEach(() => {
  cleanup();
  act(() => connectionStore.set('open'));
  vi.useRealTimers();
});

describe('the connection indicator', () => {
  it('says Connecting… only once the first connect has taken longer than its grace time, and nothing once open', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    act(() => connectionStore.set('connecting'));
    render(<ConnectionIndicator />);
    expect(screen.getByRole('status').textContent).toBe('');
    act(() => vi.advanceTimersByTime(FIRST_CONNECT_GRACE_MS - 1));
    expect(screen.getByRole('status').textContent).toBe('');
    act(() => vi.advanceTimersByTime(1));
    expect(screen.getByRole('status').textContent).toBe('Connecting…');
    act(() => connectionStore.set('open'));
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('says Reconnecting… at once when a link that was open drops', () => {
    render(<ConnectionIndicator />);
    act(() => connectionStore.set('reconnecting'));
    expect(screen.getByRole('status').textContent).toBe('Reconnecting…');
  });
});
