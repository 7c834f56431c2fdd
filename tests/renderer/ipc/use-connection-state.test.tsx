import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { connectionStore } from '../../../renderer/src/ipc/connection-store';
import { useConnectionEpoch } from '../../../renderer/src/ipc/useConnectionState';

afterEach(cleanup);

describe('useConnectionEpoch', () => {
  it('renders again only when a lost link comes back, not while the link connects or drops', () => {
    const renders: number[] = [];
    function Epoch(): React.JSX.Element {
      const epoch = useConnectionEpoch();
      renders.push(epoch);
      return <p aria-label="epoch">{epoch}</p>;
    }
    const start = connectionStore.get().epoch;
    render(<Epoch />);
    act(() => connectionStore.set('connecting'));
    act(() => connectionStore.set('reconnecting'));
    expect(renders).toEqual([start]);
    act(() => connectionStore.set('open'));
    expect(screen.getByLabelText('epoch').textContent).toBe(String(start + 1));
    expect(renders).toEqual([start, start + 1]);
  });
});
