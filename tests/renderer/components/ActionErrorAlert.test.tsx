import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { ActionErrorAlert } from '../../../renderer/src/components/ActionErrorAlert';
import { IpcError } from '../../../renderer/src/ipc/ipc-error';

afterEach(cleanup);

describe('ActionErrorAlert', () => {
  it('shows a failure as an error with its code', () => {
    render(<ActionErrorAlert error={new IpcError('CONFLICT', 'Debian is exporting.')} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('Debian is exporting. (CONFLICT)');
    expect(alert.className).toContain('Error');
  });

  it('shows a cancellation, which changed nothing, as information in the host’s sentence', () => {
    render(<ActionErrorAlert error={new IpcError('CANCELLED', 'Cancelled the export of Debian; nothing was changed.')} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('Cancelled the export of Debian; nothing was changed.');
    expect(alert.className).toContain('Info');
  });
});
