import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ContainerFilesBrowser } from '../../../../renderer/src/features/container-files/ContainerFilesBrowser';
import { FakeLightdock } from '../../fake-lightdock';
import { FAKE_USR_LIB_ENTRIES } from '../../fake-container-files';
import { renderWithHost } from '../../render-with-host';

configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  delete window.lightdock;
});

function renderBrowser(host = new FakeLightdock()): FakeLightdock {
  renderWithHost(<ContainerFilesBrowser id="shop-web-1" name="shop-web-1" />, host);
  return host;
}

const rows = (path: string): HTMLElement[] => within(screen.getByRole('table', { name: `Entries of ${path}` })).getAllByRole('row').slice(1);

describe('ContainerFilesBrowser', { timeout: 40_000 }, () => {
  it('lists the root folders first, opens /etc by click and by the path field, and back by the breadcrumb', async () => {
    const host = renderBrowser();
    await screen.findByRole('table', { name: 'Entries of /' });
    expect(rows('/').map((row) => row.textContent)).toEqual([
      expect.stringContaining('bin'),
      expect.stringContaining('etc'),
      expect.stringContaining('tmp'),
      expect.stringContaining('usr'),
      expect.stringContaining('.dockerenv'),
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Open folder etc' }));
    const etc = await screen.findByRole('table', { name: 'Entries of /etc' });
    expect(within(etc).getByText('→ /proc/mounts')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open /' }));
    await screen.findByRole('table', { name: 'Entries of /' });

    fireEvent.change(screen.getByRole('textbox', { name: 'Path inside the container' }), { target: { value: '/usr//lib/' } });
    fireEvent.click(screen.getByRole('button', { name: 'Go to path' }));
    await screen.findByRole('table', { name: 'Entries of /usr/lib' });
    expect(host.callsTo('container-files:list')).toContainEqual({ id: 'shop-web-1', path: '/usr/lib' });
  });

  it('refuses a typed path that climbs, without a request', async () => {
    const host = renderBrowser();
    await screen.findByRole('table', { name: 'Entries of /' });
    const before = host.callsTo('container-files:list').length;
    fireEvent.change(screen.getByRole('textbox', { name: 'Path inside the container' }), { target: { value: '/etc/../root' } });
    fireEvent.click(screen.getByRole('button', { name: 'Go to path' }));
    expect(await screen.findByText('A path inside the container cannot climb with "..".')).toBeTruthy();
    expect(host.callsTo('container-files:list')).toHaveLength(before);
  });

  it('loads a large folder page by page with Load more', async () => {
    renderBrowser();
    await screen.findByRole('table', { name: 'Entries of /' });
    fireEvent.click(screen.getByRole('button', { name: 'Open folder usr' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Open folder lib' }));
    await screen.findByRole('table', { name: 'Entries of /usr/lib' });
    expect(rows('/usr/lib')).toHaveLength(200);
    expect(screen.getByRole('status', { name: '' }).textContent ?? '').toContain('200 entries shown, more to load');
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(rows('/usr/lib')).toHaveLength(FAKE_USR_LIB_ENTRIES));
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('shows a text file, a binary notice, a truncated notice, and an empty folder', async () => {
    renderBrowser();
    fireEvent.click(await screen.findByRole('button', { name: 'Open folder etc' }));
    fireEvent.click(await screen.findByRole('button', { name: 'View file os-release' }));
    expect((await screen.findByLabelText('Contents of /etc/os-release')).textContent).toContain('PRETTY_NAME="Alpine Linux v3.20"');
    fireEvent.click(screen.getByRole('button', { name: 'View file big.log' }));
    expect(await screen.findByText(/Only the start of this file is shown/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open /' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Open folder bin' }));
    fireEvent.click(await screen.findByRole('button', { name: 'View file busybox' }));
    expect(await screen.findByText('Binary file — download it instead.')).toBeTruthy();
    expect(screen.queryByLabelText('Contents of /bin/busybox')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Open /' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Open folder tmp' }));
    expect(await screen.findByText('This folder is empty.')).toBeTruthy();
  });

  it('says what failed for a missing folder and retries', async () => {
    const host = renderBrowser();
    await screen.findByRole('table', { name: 'Entries of /' });
    fireEvent.change(screen.getByRole('textbox', { name: 'Path inside the container' }), { target: { value: '/nope' } });
    fireEvent.click(screen.getByRole('button', { name: 'Go to path' }));
    expect(await screen.findByText('No such file or folder in shop-web-1: /nope (NOT_FOUND)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(host.callsTo('container-files:list').filter((r) => (r as { path: string }).path === '/nope')).toHaveLength(2));
  });

  it('downloads the folder to a typed path, refusing an existing file with the host sentence', async () => {
    const host = renderBrowser();
    fireEvent.click(await screen.findByRole('button', { name: 'Open folder etc' }));
    await screen.findByRole('table', { name: 'Entries of /etc' });
    fireEvent.click(screen.getByRole('button', { name: 'Download folder /etc as a tar' }));
    const dialog = await screen.findByRole('dialog', { name: 'Download /etc as a tar' });
    const save = within(dialog).getByRole('button', { name: 'Save' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Save as' }), { target: { value: '/home/dev/taken.tar' } });
    fireEvent.click(save);
    expect(await within(dialog).findByText(/already exists; Lightdock never overwrites a file/)).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Save as' }), { target: { value: '/home/dev/etc.tar' } });
    fireEvent.click(save);
    expect(await screen.findByText('Saved /home/dev/etc.tar (10 KiB).')).toBeTruthy();
    expect(host.containerFiles.downloads).toEqual([{ id: 'shop-web-1', path: '/etc', filePath: '/home/dev/etc.tar' }]);
  });

  it('uploads a file into the current folder and lists it', async () => {
    renderBrowser();
    fireEvent.click(await screen.findByRole('button', { name: 'Open folder tmp' }));
    await screen.findByText('This folder is empty.');
    fireEvent.click(screen.getByRole('button', { name: 'Upload a file into /tmp' }));
    const dialog = await screen.findByRole('dialog', { name: 'Upload a file into /tmp' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'File to upload' }), { target: { value: '/home/dev/notes.txt' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Upload' }));
    expect(await screen.findByText('Uploaded /tmp/notes.txt (6 B).')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'View file notes.txt' })).toBeTruthy();
  });
});
