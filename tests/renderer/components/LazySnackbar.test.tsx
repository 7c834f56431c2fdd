import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { LazySnackbar } from '../../../renderer/src/components/LazySnackbar';

afterEach(cleanup);

function Report({ open }: { open: boolean }): React.JSX.Element {
  return (
    <div data-testid="page">
      <LazySnackbar open={open} message="Started web" />
    </div>
  );
}

describe('LazySnackbar', () => {
  it('mounts nothing while closed, shows the report once opened, and closes it again', async () => {
    const view = render(<Report open={false} />);
    expect(screen.getByTestId('page').childElementCount).toBe(0);
    view.rerender(<Report open />);
    expect(await screen.findByText('Started web')).toBeTruthy();
    view.rerender(<Report open={false} />);
    await waitFor(() => expect(screen.queryByText('Started web')).toBeNull());
  });
});
