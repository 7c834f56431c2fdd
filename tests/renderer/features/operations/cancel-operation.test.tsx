import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { Operation } from '../../../../shared/model/operation';
import { OperationsPanel } from '../../../../renderer/src/features/operations/OperationsPanel';
import { operationsStore } from '../../../../renderer/src/features/operations/operations-store';
import { cancelLabel, operationTitle } from '../../../../renderer/src/features/operations/operation-text';
import { ExportDialog } from '../../../../renderer/src/features/distro-detail/ExportDialog';
import { IpcError } from '../../../../renderer/src/ipc/ipc-error';
import type { DistroDetail } from '../../../../shared/model/distro';
import { FakeLightdock } from '../../fake-lightdock';
import { renderWithHost } from '../../render-with-host';

const SENTENCE = 'Cancelled the export of Debian; the partial file was deleted, so nothing was changed.';

afterEach(() => {
  cleanup();
  delete window.lightdock;
  for (const operation of operationsStore.get()) operationsStore.dismiss(operation.id);
});

function exporting(id: string, state: Operation['state'] = 'running', message = 'Exporting the distribution'): Operation {
  const base: Operation = { id, kind: 'export', target: 'Debian', state, progress: state === 'running' ? 0.3 : 1, message };
  return state === 'cancelled' ? { ...base, error: { code: 'CANCELLED', message } } : base;
}

const DEBIAN: DistroDetail = {
  name: 'Debian',
  state: 'Stopped',
  version: 2,
  isDefault: false,
  id: null,
  basePath: null,
  disk: null,
  mounts: [],
  ip: null,
  osName: null,
  defaultUser: null,
  systemd: null,
};

describe('Cancelling an operation', () => {
  it('names each operation in words: the Cancel button and the cancelled title', () => {
    expect(cancelLabel({ kind: 'export', target: 'Debian' })).toBe('Cancel export of Debian');
    expect(cancelLabel({ kind: 'set-version', target: 'Debian' }, true)).toBe('Cancelling conversion of Debian');
    expect(operationTitle({ kind: 'unregister', target: 'Debian', state: 'cancelled' })).toBe('Unregister of Debian cancelled');
  });

  it('the Operations panel cancels a running operation, says Cancelling… and then that it was cancelled and nothing changed', async () => {
    const host = new FakeLightdock();
    const release = host.hold('operations:cancel');
    renderWithHost(<OperationsPanel />, host);
    act(() => host.emit('operations:progressed', exporting('op-7')));
    const panel = await screen.findByRole('region', { name: 'Operations' });
    fireEvent.click(within(panel).getByRole('button', { name: 'Cancel export of Debian' }));
    const cancelling = within(panel).getByRole('button', { name: 'Cancelling export of Debian' });
    expect(cancelling).toHaveProperty('disabled', true);
    expect(cancelling.textContent).toBe('Cancelling…');
    release();
    await act(async () => undefined);
    expect(host.callsTo('operations:cancel')).toEqual([{ id: 'op-7' }]);
    act(() => host.emit('operations:progressed', exporting('op-7', 'cancelled', SENTENCE)));
    expect(within(panel).getByText('Export of Debian cancelled')).toBeTruthy();
    expect(within(panel).getByText(SENTENCE)).toBeTruthy();
    expect(within(panel).queryByRole('button', { name: /^Cancel/ })).toBeNull();
    expect(operationsStore.cancelling().size).toBe(0);
  });

  it('brings the Cancel button back when the host says the operation was no longer running', async () => {
    const host = new FakeLightdock();
    host.failWith('operations:cancel', { code: 'NOT_FOUND', message: 'No such operation.' });
    renderWithHost(<OperationsPanel />, host);
    act(() => host.emit('operations:progressed', exporting('op-8')));
    const panel = await screen.findByRole('region', { name: 'Operations' });
    fireEvent.click(within(panel).getByRole('button', { name: 'Cancel export of Debian' }));
    expect(await within(panel).findByRole('button', { name: 'Cancel export of Debian' })).toHaveProperty('disabled', false);
    act(() => host.emit('operations:progressed', exporting('op-8', 'succeeded', 'Exported Debian.')));
  });

  it('the Export dialog shows the running export with its Cancel, and a cancelled export as information, not an error', async () => {
    const host = new FakeLightdock();
    const props = { open: true, distro: DEBIAN, onClose: () => undefined, onExport: () => undefined };
    const { rerender } = renderWithHost(<ExportDialog {...props} running error={undefined} />, host);
    act(() => host.emit('operations:progressed', exporting('op-9')));
    const dialog = screen.getByRole('dialog', { name: 'Export Debian' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel export of Debian' }));
    await act(async () => undefined);
    expect(host.callsTo('operations:cancel')).toEqual([{ id: 'op-9' }]);
    act(() => host.emit('operations:progressed', exporting('op-9', 'cancelled', SENTENCE)));
    rerender(<ExportDialog {...props} running={false} error={new IpcError('CANCELLED', SENTENCE)} />);
    const note = within(dialog).getByRole('alert');
    expect(note.textContent).toBe(SENTENCE);
    expect(note.className).toContain('Info');
  });
});
