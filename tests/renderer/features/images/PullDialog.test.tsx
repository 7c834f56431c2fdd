import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { PullDialog } from '../../../../renderer/src/features/images/PullDialog';
import { FakeLightdock } from '../../fake-lightdock';
import { renderWithHost } from '../../render-with-host';

afterEach(() => {
  cleanup();
  delete window.lightdock;
});

const MIB = 1024 * 1024;

function openDialog(host = new FakeLightdock(), onClose = vi.fn()): { host: FakeLightdock; onClose: () => void; dialog: HTMLElement } {
  renderWithHost(<PullDialog onClose={onClose} />, host);
  return { host, onClose, dialog: screen.getByRole('dialog', { name: 'Pull an image' }) };
}

function pull(dialog: HTMLElement, reference: string): void {
  fireEvent.change(within(dialog).getByRole('textbox', { name: 'Image reference' }), { target: { value: reference } });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Pull' }));
}

describe('PullDialog', () => {
  it('refuses a reference that is not one, under the field, and sends nothing', () => {
    const { host, dialog } = openDialog();
    pull(dialog, 'Busybox:1.36');
    const field = within(dialog).getByRole('textbox', { name: 'Image reference' });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByText('A repository name is lowercase (name[:tag][@digest]).')).toBeTruthy();
    pull(dialog, 'busy box');
    expect(within(dialog).getByText('An image reference has no spaces (name[:tag][@digest]).')).toBeTruthy();
    pull(dialog, '');
    expect(within(dialog).getByText(/Enter an image reference/)).toBeTruthy();
    expect(host.callsTo('images:pull')).toEqual([]);
  });

  it('shows the host refusing to start the pull next to the field', async () => {
    const host = new FakeLightdock();
    host.failWith('images:pull', { code: 'UNAVAILABLE', message: 'The engine is not connected.' });
    const { dialog } = openDialog(host);
    pull(dialog, 'busybox:1.36');
    expect(await within(dialog).findByText('Could not start the pull: The engine is not connected. (UNAVAILABLE)')).toBeTruthy();
    expect(within(dialog).getByRole('textbox', { name: 'Image reference' }).getAttribute('aria-invalid')).toBe('true');
  });

  it('shows each layer with its bytes and the overall progress as the pull goes, then Done', async () => {
    const { host, dialog } = openDialog();
    pull(dialog, '127.0.0.1:5000/team/app:1');
    const view = await within(dialog).findByRole('group', { name: 'Pull 127.0.0.1:5000/team/app:1' });
    expect(host.callsTo('images:pull')).toEqual([{ reference: '127.0.0.1:5000/team/app:1' }]);
    const id = host.jobs.latestId() ?? '';
    act(() =>
      host.jobs.progress(id, {
        message: 'Downloading',
        progress: 0.25,
        layers: [
          { id: 'a1b2c3d4e5f6a7b8', status: 'Downloading', current: 5 * MIB, total: 20 * MIB, done: false },
          { id: 'ffee00112233', status: 'Pull complete', current: null, total: null, done: true },
        ],
      }),
    );
    const layers = await within(view).findByRole('list', { name: 'Layers' });
    expect(within(layers).getAllByRole('listitem').map((item) => item.getAttribute('aria-label'))).toEqual([
      'Layer a1b2c3d4e5f6: Downloading 5 MiB of 20 MiB',
      'Layer ffee00112233: Pull complete',
    ]);
    expect(within(view).getByText('1 of 2 layers complete')).toBeTruthy();
    expect(within(view).getByRole('progressbar', { name: 'Pull 127.0.0.1:5000/team/app:1 progress' }).getAttribute('aria-valuenow')).toBe('25');
    act(() => host.jobs.finish(id, 'succeeded', 'Downloaded newer image for 127.0.0.1:5000/team/app:1', 'sha256:ffff6666'));
    expect(await within(view).findByText('Done')).toBeTruthy();
    expect(within(dialog).getByRole('link', { name: 'Open 127.0.0.1:5000/team/app:1' }).getAttribute('href')).toBe('#/image/sha256%3Affff6666');
    expect(within(view).getByRole('status').textContent).toBe('Downloaded newer image for 127.0.0.1:5000/team/app:1');
    expect(within(view).queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('cancels a running pull', async () => {
    const { host, dialog } = openDialog();
    pull(dialog, 'busybox:1.36');
    const view = await within(dialog).findByRole('group', { name: 'Pull busybox:1.36' });
    fireEvent.click(within(view).getByRole('button', { name: 'Cancel' }));
    expect(await within(view).findByText('Cancelled')).toBeTruthy();
    expect(host.callsTo('jobs:cancel')).toEqual([{ jobId: host.jobs.latestId() }]);
    expect(within(view).queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('shows why a cancel failed', async () => {
    const host = new FakeLightdock();
    host.failWith('jobs:cancel', { code: 'CONFLICT', message: 'The job has already ended.' });
    const { dialog } = openDialog(host);
    pull(dialog, 'busybox:1.36');
    const view = await within(dialog).findByRole('group', { name: 'Pull busybox:1.36' });
    fireEvent.click(within(view).getByRole('button', { name: 'Cancel' }));
    expect(await within(view).findByText('Could not cancel: The job has already ended. (CONFLICT)')).toBeTruthy();
  });

  it('shows a failed pull with the engine error', async () => {
    const { host, dialog } = openDialog();
    pull(dialog, 'nosuch/image:1');
    const view = await within(dialog).findByRole('group', { name: 'Pull nosuch/image:1' });
    act(() => host.jobs.finish(host.jobs.latestId() ?? '', 'failed', 'pull access denied for nosuch/image'));
    expect(await within(view).findByText('Failed')).toBeTruthy();
    expect(within(view).getByRole('alert').textContent).toContain('pull access denied for nosuch/image');
  });

  it('closes while the pull runs, leaving it running', async () => {
    const { host, dialog, onClose } = openDialog();
    pull(dialog, 'busybox:1.36');
    await within(dialog).findByRole('group', { name: 'Pull busybox:1.36' });
    expect(within(dialog).getByText(/Closing keeps it running/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(host.callsTo('jobs:cancel')).toEqual([]);
  });
});
