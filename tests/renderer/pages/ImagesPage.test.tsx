import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ImagesPage } from '../../../renderer/src/pages/ImagesPage';
import { FakeLightdock } from '../fake-lightdock';
import { renderWithHost } from '../render-with-host';

// DataGrid renders slowly in jsdom on a busy machine: give async queries more time than the 1 s default.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  delete window.lightdock;
});

async function renderPage(host = new FakeLightdock()): Promise<FakeLightdock> {
  renderWithHost(<ImagesPage />, host);
  await screen.findByRole('grid', { name: 'Images' });
  return host;
}

function row(text: string): HTMLElement {
  const found = within(screen.getByRole('grid', { name: 'Images' })).getByText(text).closest<HTMLElement>('[role="row"]');
  if (found === null) throw new Error(`no row for ${text}`);
  return found;
}

describe('ImagesPage', { timeout: 20_000 }, () => {
  it('lists images with tags, short id, size and users', async () => {
    await renderPage();
    expect(within(row('postgres:16')).getByText('420 MiB')).toBeTruthy();
    expect(within(row('postgres:16')).getByText('bbbb2222')).toBeTruthy();
    expect(within(row('postgres:16')).getByText('1 container')).toBeTruthy();
    expect(within(row('<none> (dangling)')).getByText('0 containers')).toBeTruthy();
  });

  it('asks before removing an image in use, offers force, and removes it', async () => {
    const host = await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Remove postgres:16' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove postgres:16?' });
    expect(dialog.textContent).toMatch(/A container uses this image/);
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Force the removal' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove image' }));
    await waitFor(() => expect(within(screen.getByRole('grid', { name: 'Images' })).queryByText('postgres:16')).toBeNull());
    expect(host.callsTo('images:remove')).toEqual([{ id: 'sha256:bbbb2222', force: true }]);
    expect((await screen.findByRole('alert')).textContent).toContain('Removed postgres:16.');
  });

  it('shows what prune removes before it runs, then what it removed', async () => {
    const host = await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Prune images…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Prune unused images?' });
    const list = within(dialog).getByRole('list', { name: 'Images to prune' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['cccc333312 MiB']);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Prune images' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Deleted 1 image and reclaimed 12 MiB.');
    expect(host.callsTo('images:prune')).toEqual([{}]);
    await waitFor(() => expect(screen.queryByText('<none> (dangling)')).toBeNull());
  });

  it('cancelling prune prunes nothing', async () => {
    const host = await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Prune images…' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(host.callsTo('images:prune')).toEqual([]);
  });

  it('shows progress while prune runs and the error when it fails', async () => {
    const host = await renderPage();
    host.failWith('images:prune', { code: 'CONFLICT', message: 'A prune operation is already running.' });
    const release = host.hold('images:prune');
    fireEvent.click(screen.getByRole('button', { name: 'Prune images…' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Prune images' }));
    await waitFor(() => expect((within(dialog).getByRole('button', { name: 'Prune images' }) as HTMLButtonElement).disabled).toBe(true));
    await act(async () => release());
    expect((await screen.findByRole('alert')).textContent).toContain('A prune operation is already running. (CONFLICT)');
  });

  it('shows the empty and loading states', async () => {
    const host = new FakeLightdock();
    host.engine.images = [];
    const release = host.hold('images:list');
    renderWithHost(<ImagesPage />, host);
    expect(await screen.findByRole('status', { name: 'Loading images' })).toBeTruthy();
    await act(async () => release());
    expect(await screen.findByText('No images')).toBeTruthy();
  });
});
