import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { operationsStore } from '../../../renderer/src/features/operations/operations-store';
import { DistroDetailPage } from '../../../renderer/src/pages/DistroDetailPage';
import { FakeLightdock } from '../fake-lightdock';
import { renderWithHost } from '../render-with-host';

afterEach(() => {
  cleanup();
  delete window.lightdock;
  for (const operation of operationsStore.get()) operationsStore.dismiss(operation.id);
});

function fact(listName: string, label: string): string {
  const list = screen.getByLabelText(listName, { selector: 'dl' });
  return within(list).getByText(label, { selector: 'dt' }).nextElementSibling?.textContent ?? '';
}

function button(name: string | RegExp): HTMLButtonElement {
  return screen.getByRole('button', { name }) as HTMLButtonElement;
}

function host(): FakeLightdock {
  return new FakeLightdock([
    { name: 'Ubuntu-24.04', state: 'Running', version: 2, isDefault: true },
    { name: 'docker-desktop', state: 'Stopped', version: 2, isDefault: false },
    { name: 'Debian', state: 'Stopped', version: 1, isDefault: false },
  ]);
}

async function renderPage(name: string | null, fake = host()): Promise<FakeLightdock> {
  renderWithHost(<DistroDetailPage param={name} />, fake);
  if (name !== null) await screen.findByRole('toolbar', { name: `Actions for ${name}` });
  return fake;
}

describe('DistroDetailPage', { timeout: 20_000 }, () => {
  it('shows a running distro: OS, user, IP, disk figures and mounts', async () => {
    await renderPage('Ubuntu-24.04');
    expect(screen.getByRole('heading', { name: 'Ubuntu-24.04' })).toBeTruthy();
    expect(fact('Distro details', 'OS')).toBe('Ubuntu-24.04 GNU/Linux');
    expect(fact('Distro details', 'Default user')).toBe('dev');
    expect(fact('Distro details', 'IP address')).toBe('172.22.46.118');
    expect(fact('Distro details', 'systemd')).toBe('Enabled');
    expect(fact('Disk figures', 'Used inside')).toBe('23 GiB');
    expect(fact('Disk figures', 'File on the host')).toBe('24 GiB');
    expect(fact('Disk figures', 'Maximum size')).toBe('1 TiB (2% reached)');
    expect(fact('Disk figures', 'Compacting returns')).toBe('About 1 GiB');
    const mounts = screen.getByRole('table', { name: 'Mounts' });
    expect(within(mounts).getByText('/mnt/c')).toBeTruthy();
    expect(within(mounts).getByText('9p')).toBeTruthy();
    expect(button('Start').disabled).toBe(true);
    expect(button('Terminate').disabled).toBe(false);
    expect(button('Set as default').disabled).toBe(true);
    expect(button('Compact disk').disabled).toBe(true);
    expect(screen.getByText(/Terminate Ubuntu-24.04 to compact its disk/)).toBeTruthy();
  });

  it('links back to the Distros page', async () => {
    await renderPage('Debian');
    expect(within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByRole('link', { name: 'Distros' }).getAttribute('href')).toBe('#/distros');
  });

  it('says what a stopped distro and a WSL 1 distro cannot show', async () => {
    await renderPage('Debian');
    expect(fact('Distro details', 'IP address')).toBe('Shown while the distro runs');
    expect(screen.getByText('Mounts are shown while the distro runs.')).toBeTruthy();
    expect(screen.getByText(/A WSL 1 distro keeps its files in a folder on Windows/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Compact disk' })).toBeNull();
  });

  it('starts the distro and refetches its detail when distros:changed reports the change', async () => {
    const fake = await renderPage('docker-desktop');
    fireEvent.click(button('Start'));
    await waitFor(() => expect(fact('Distro details', 'IP address')).toBe('172.22.46.118'));
    expect(fake.callsTo('distros:start')).toEqual([{ name: 'docker-desktop' }]);
    expect(button('Terminate').disabled).toBe(false);
  });

  it('follows a change made elsewhere (the CLI, another window)', async () => {
    const fake = await renderPage('docker-desktop');
    await act(async () => {
      await fake.invoke('distros:start', { name: 'docker-desktop' });
    });
    await waitFor(() => expect(fact('Distro details', 'OS')).toBe('docker-desktop GNU/Linux'));
    expect(within(screen.getByRole('table', { name: 'Mounts' })).getByText('/mnt/c')).toBeTruthy();
  });

  it('exports to the typed file, picking the format from the extension, and refuses a relative path', async () => {
    const fake = await renderPage('docker-desktop');
    fireEvent.click(button('Export…'));
    const dialog = await screen.findByRole('dialog', { name: 'Export docker-desktop' });
    const field = within(dialog).getByRole('textbox', { name: 'Export file' });
    fireEvent.change(field, { target: { value: 'backups/dd.tar' } });
    fireEvent.blur(field);
    expect(within(dialog).getByText(/The path must be absolute/)).toBeTruthy();
    expect((within(dialog).getByRole('button', { name: 'Export' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(field, { target: { value: 'D:\\backups\\dd.vhdx' } });
    expect((within(dialog).getByRole('radio', { name: 'VHDX disk' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsTo('distros:export')).toEqual([{ name: 'docker-desktop', filePath: 'D:\\backups\\dd.vhdx', format: 'vhdx' }]);
    expect(within(await screen.findByRole('region', { name: 'Operations' })).getByText('Exported docker-desktop')).toBeTruthy();
  });

  it('offers only tar for a WSL 1 distro', async () => {
    await renderPage('Debian');
    fireEvent.click(button('Export…'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Export file' }), { target: { value: 'C:\\b\\debian.vhdx' } });
    expect((within(dialog).getByRole('radio', { name: 'VHDX disk' }) as HTMLInputElement).disabled).toBe(true);
    expect((within(dialog).getByRole('radio', { name: 'tar archive' }) as HTMLInputElement).checked).toBe(true);
  });

  it('shows the host error in the export dialog and keeps it open', async () => {
    const fake = host();
    fake.failWith('distros:export', { code: 'CONFLICT', message: 'D:\\dd.tar already exists.' });
    await renderPage('docker-desktop', fake);
    fireEvent.click(button('Export…'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Export file' }), { target: { value: 'D:\\dd.tar' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export' }));
    expect(await within(dialog).findByText('D:\\dd.tar already exists. (CONFLICT)')).toBeTruthy();
    expect((within(dialog).getByRole('button', { name: 'Export' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('unregisters only after the exact name is typed, then says the distro is gone', async () => {
    const fake = await renderPage('docker-desktop');
    fireEvent.click(button('Unregister…'));
    const dialog = await screen.findByRole('dialog', { name: 'Unregister docker-desktop?' });
    expect(within(dialog).getByText(/deletes docker-desktop and its disk .*ext4\.vhdx \(28 GiB, 27 GiB of data\)/)).toBeTruthy();
    const confirm = within(dialog).getByRole('button', { name: 'Unregister' }) as HTMLButtonElement;
    const field = within(dialog).getByRole('textbox', { name: 'Type docker-desktop to confirm' });
    fireEvent.change(field, { target: { value: 'Docker-Desktop' } });
    expect(confirm.disabled).toBe(true);
    fireEvent.change(field, { target: { value: 'docker-desktop' } });
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    expect(await screen.findByText('docker-desktop is no longer installed')).toBeTruthy();
    expect(fake.callsTo('distros:unregister')).toEqual([{ name: 'docker-desktop', confirm: 'docker-desktop' }]);
    expect(fake.distros.map((distro) => distro.name)).not.toContain('docker-desktop');
  });

  it('compacts a stopped distro, showing progress while it runs and the smaller file after', async () => {
    const fake = await renderPage('docker-desktop');
    const release = fake.hold('distros:compact');
    fireEvent.click(button('Compact disk'));
    act(() =>
      fake.emit('operations:progressed', { id: 'op-9', kind: 'compact', target: 'docker-desktop', state: 'running', progress: 0.4, message: 'Zeroing free blocks' }),
    );
    const bars = await screen.findAllByRole('progressbar', { name: 'Compacting docker-desktop' });
    expect(bars[0]?.getAttribute('aria-valuenow')).toBe('40');
    expect(screen.getAllByText('Zeroing free blocks').length).toBeGreaterThan(0);
    expect(button('Start').disabled).toBe(true);
    await act(async () => release());
    await waitFor(() => expect(fact('Disk figures', 'File on the host')).toBe('27 GiB'));
    expect(fact('Disk figures', 'Compacting returns')).toBe('Nothing');
  });

  it('turns the sparse setting on', async () => {
    const fake = await renderPage('docker-desktop');
    const toggle = screen.getByRole('switch', { name: /Sparse/ }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    await waitFor(() => expect((screen.getByRole('switch', { name: /Sparse/ }) as HTMLInputElement).checked).toBe(true));
    expect(await screen.findByText('The disk of docker-desktop is now sparse.')).toBeTruthy();
    expect(fake.callsTo('distros:set-sparse')).toEqual([{ name: 'docker-desktop', sparse: true }]);
  });

  it('converts to the other WSL version after confirming', async () => {
    const fake = await renderPage('docker-desktop');
    fireEvent.click(button('Convert to WSL 1…'));
    const dialog = await screen.findByRole('dialog', { name: 'Convert docker-desktop to WSL 1?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Convert to WSL 1' }));
    await waitFor(() => expect(screen.getByText('WSL 1', { selector: '.MuiChip-label' })).toBeTruthy());
    expect(fake.callsTo('distros:set-version')).toEqual([{ name: 'docker-desktop', version: 1 }]);
  });

  it('reports a failed action with its sentence and code and keeps the distro as it was', async () => {
    const fake = host();
    fake.failWith('distros:set-default', { code: 'CONFLICT', message: 'Debian is being converted.' });
    await renderPage('Debian', fake);
    fireEvent.click(button('Set as default'));
    expect(await screen.findByText('Debian is being converted. (CONFLICT)')).toBeTruthy();
    expect(button('Set as default').disabled).toBe(false);
  });

  it('says when no distro has the name, when none was given, and while loading', async () => {
    const fake = host();
    const release = fake.hold('distros:show');
    renderWithHost(<DistroDetailPage param="Fedora" />, fake);
    expect(screen.getByRole('status', { name: 'Loading Fedora' })).toBeTruthy();
    await act(async () => release());
    expect(await screen.findByText('No distro named Fedora')).toBeTruthy();
    cleanup();
    await renderPage(null);
    expect(screen.getByText('No distro chosen')).toBeTruthy();
  });

  it('shows a load error with Retry', async () => {
    const fake = host();
    fake.failWith('distros:show', { code: 'TIMEOUT', message: 'wsl.exe did not answer in 30 s.' });
    renderWithHost(<DistroDetailPage param="Debian" />, fake);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('wsl.exe did not answer in 30 s. (TIMEOUT)');
    fake.recover('distros:show');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('toolbar', { name: 'Actions for Debian' })).toBeTruthy();
  });

  it('gives every control an accessible name', async () => {
    await renderPage('Ubuntu-24.04');
    expect(screen.getAllByRole('button').length).toBe(screen.getAllByRole('button', { name: /\S/ }).length);
    expect(screen.getAllByRole('switch').length).toBe(screen.getAllByRole('switch', { name: /\S/ }).length);
  });

  it('has a Files section that flags the /mnt/c working directory and gives the commands that move it', async () => {
    const fake = await renderPage('Ubuntu-24.04');
    const files = screen.getByRole('region', { name: 'Files' });
    const table = await within(files).findByRole('table', { name: 'Directories of Ubuntu-24.04' });
    expect(within(table).getByText('Windows drive C: — crosses the 9p boundary')).toBeTruthy();
    expect(within(files).getByLabelText('Commands to move /mnt/c/Users/alex/web').textContent).toContain('mkdir -p /home/dev/projects/web');
    expect(within(files).getByRole('button', { name: 'Copy commands to move /mnt/c/Users/alex/web' })).toBeTruthy();
    expect(fake.callsTo('files:report')).toEqual([{ distro: 'Ubuntu-24.04' }]);
  });
});
