import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { VolumesPage } from '../../../renderer/src/pages/VolumesPage';
import { FakeLightdock } from '../fake-lightdock';
import { renderWithHost } from '../render-with-host';

// DataGrid renders slowly in jsdom on a busy machine: give async queries more time than the 1 s default.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  delete window.lightdock;
});

async function renderPage(host = new FakeLightdock()): Promise<FakeLightdock> {
  renderWithHost(<VolumesPage />, host);
  await screen.findByRole('table', { name: 'Volumes' });
  return host;
}

describe('VolumesPage', { timeout: 20_000 }, () => {
  it('lists volumes with what uses them, and the networks', async () => {
    await renderPage();
    const volumes = screen.getByRole('table', { name: 'Volumes' });
    expect(within(volumes).getByText('shop-db-1')).toBeTruthy();
    expect(within(volumes).getByText('unused')).toBeTruthy();
    const networks = await screen.findByRole('table', { name: 'Networks' });
    expect(within(networks).getByText('shop_default')).toBeTruthy();
    expect(within(networks).getByText('172.18.0.0/16')).toBeTruthy();
  });

  it('asks before removing a volume and says its data is lost', async () => {
    const host = await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Remove old-cache' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove old-cache?' });
    expect(dialog.textContent).toMatch(/every file in it/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove volume' }));
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Volumes' })).queryByText('old-cache')).toBeNull());
    expect(host.callsTo('volumes:remove')).toEqual([{ name: 'old-cache' }]);
  });

  it('warns that a volume in use cannot go', async () => {
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Remove shop_db-data' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove shop_db-data?' });
    expect(dialog.textContent).toMatch(/shop-db-1 uses it/);
  });

  it('lists the unused volumes before pruning and reports the result', async () => {
    const host = await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Prune volumes…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Prune unused volumes?' });
    const list = within(dialog).getByRole('list', { name: 'Volumes to prune' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(within(list).getByText('old-cache')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Prune volumes' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Deleted 1 volume and reclaimed 3 MiB.');
    expect(host.callsTo('volumes:prune')).toEqual([{}]);
  });

  it('shows the engine-down state instead of the lists', async () => {
    const host = new FakeLightdock();
    host.engine.status = { ...host.engine.status, kind: 'docker', state: 'unreachable', message: 'Docker Desktop is not running.' };
    renderWithHost(<VolumesPage />, host);
    expect((await screen.findByRole('alert')).textContent).toContain('Docker Desktop is not running.');
    expect(host.callsTo('volumes:list')).toEqual([]);
  });
});
