import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { operationsStore } from '../../../../renderer/src/features/operations/operations-store';
import { DistrosPage } from '../../../../renderer/src/pages/DistrosPage';
import { FakeLightdock } from '../../fake-lightdock';
import { renderWithHost } from '../../render-with-host';

afterEach(() => {
  cleanup();
  delete window.lightdock;
  for (const operation of operationsStore.get()) operationsStore.dismiss(operation.id);
});

async function renderPage(host = new FakeLightdock()): Promise<FakeLightdock> {
  renderWithHost(<DistrosPage />, host);
  await screen.findByRole('table', { name: 'Distros' });
  return host;
}

function grid(): HTMLElement {
  return screen.getByRole('table', { name: 'Distros' });
}

describe('Install and import on the Distros page', { timeout: 20_000 }, () => {
  it('links each distro name to its detail page', async () => {
    await renderPage();
    expect(within(grid()).getByRole('link', { name: 'Debian' }).getAttribute('href')).toBe('#/distro/Debian');
  });

  it('installs a distro from the online list, with installed ones disabled, and lists it when done', async () => {
    const host = await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Install distro' }));
    const dialog = await screen.findByRole('dialog', { name: 'Install a distro' });
    const choices = await within(dialog).findByRole('radiogroup', { name: 'Online distros' });
    expect((within(choices).getByRole('radio', { name: 'Debian GNU/Linux (Debian), installed' }) as HTMLInputElement).disabled).toBe(true);
    const install = within(dialog).getByRole('button', { name: 'Install' }) as HTMLButtonElement;
    expect(install.disabled).toBe(true);
    fireEvent.click(within(choices).getByRole('radio', { name: 'Kali Linux Rolling (kali-linux)' }));
    fireEvent.click(install);
    await waitFor(() => expect(within(grid()).getByRole('link', { name: 'kali-linux' })).toBeTruthy());
    expect(host.callsTo('distros:install')).toEqual([{ name: 'kali-linux' }]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((await screen.findByRole('link', { name: 'Open kali-linux' })).getAttribute('href')).toBe('#/distro/kali-linux');
    expect(within(screen.getByRole('region', { name: 'Operations' })).getByText('Installed kali-linux')).toBeTruthy();
  });

  it('keeps the install dialog open with the host error when installing fails', async () => {
    const host = new FakeLightdock();
    host.failWith('distros:install', { code: 'UNAVAILABLE', message: 'The Microsoft Store cannot be reached.' });
    await renderPage(host);
    fireEvent.click(screen.getByRole('button', { name: 'Install distro' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(await within(dialog).findByRole('radio', { name: 'Ubuntu (Ubuntu)' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Install' }));
    expect(await within(dialog).findByText('The Microsoft Store cannot be reached. (UNAVAILABLE)')).toBeTruthy();
    expect((within(dialog).getByRole('button', { name: 'Install' }) as HTMLButtonElement).disabled).toBe(false);
    expect(host.distros.map((distro) => distro.name)).not.toContain('Ubuntu');
  });

  it('shows an error with Retry when the online list cannot be read', async () => {
    const host = new FakeLightdock();
    host.failWith('distros:list-online', { code: 'TIMEOUT', message: 'wsl --list --online timed out.' });
    await renderPage(host);
    fireEvent.click(screen.getByRole('button', { name: 'Install distro' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText(/wsl --list --online timed out\. \(TIMEOUT\)/)).toBeTruthy();
    host.recover('distros:list-online');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Retry' }));
    expect(await within(dialog).findByRole('radiogroup', { name: 'Online distros' })).toBeTruthy();
  });

  it('imports a tar with a WSL version, after refusing a taken name and relative paths', async () => {
    const host = await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Import distro' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import a distro' });
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    const folder = within(dialog).getByRole('textbox', { name: 'Install folder' });
    const file = within(dialog).getByRole('textbox', { name: 'File to import' });
    const submit = within(dialog).getByRole('button', { name: 'Import' }) as HTMLButtonElement;
    fireEvent.change(name, { target: { value: 'debian' } });
    fireEvent.blur(name);
    expect(within(dialog).getByText('A distro named debian already exists.')).toBeTruthy();
    fireEvent.change(name, { target: { value: 'Work Box' } });
    expect(within(dialog).getByText(/may contain only letters/)).toBeTruthy();
    fireEvent.change(name, { target: { value: 'Work' } });
    fireEvent.change(folder, { target: { value: 'wsl\\work' } });
    fireEvent.change(file, { target: { value: 'C:\\backups\\work.tar' } });
    expect(submit.disabled).toBe(true);
    fireEvent.change(folder, { target: { value: 'C:\\WSL\\Work' } });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'WSL 1' }));
    fireEvent.click(submit);
    await waitFor(() => expect(within(grid()).getByRole('link', { name: 'Work' })).toBeTruthy());
    expect(host.callsTo('distros:import')).toEqual([
      { name: 'Work', installDir: 'C:\\WSL\\Work', filePath: 'C:\\backups\\work.tar', format: 'tar', version: 1 },
    ]);
  });

  it('imports a .vhdx as a VHDX, without a version', async () => {
    const host = await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Import distro' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Name' }), { target: { value: 'Disk' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Install folder' }), { target: { value: '/srv/wsl/disk' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'File to import' }), { target: { value: '/srv/backups/disk.VHDX' } });
    expect(within(dialog).queryByRole('radiogroup')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(host.callsTo('distros:import')).toHaveLength(1));
    expect(host.callsTo('distros:import')[0]).toEqual({ name: 'Disk', installDir: '/srv/wsl/disk', filePath: '/srv/backups/disk.VHDX', format: 'vhdx' });
  });
});
