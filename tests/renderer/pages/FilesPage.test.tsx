import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FilesPage } from '../../../renderer/src/pages/FilesPage';
import { FakeLightdock } from '../fake-lightdock';
import { renderWithHost } from '../render-with-host';

afterEach(() => {
  cleanup();
  delete window.lightdock;
  vi.unstubAllGlobals();
});

const CROSSING = 'Windows drive C: — crosses the 9p boundary';

async function renderPage(host = new FakeLightdock()): Promise<FakeLightdock> {
  renderWithHost(<FilesPage />, host);
  await screen.findByRole('table', { name: 'Directories of Ubuntu-24.04' });
  return host;
}

function row(table: string, path: string): HTMLElement {
  const cell = within(screen.getByRole('table', { name: table })).getByText(path);
  const found = cell.closest('tr');
  if (found === null) throw new Error(`No row for ${path}`);
  return found;
}

function card(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

describe('FilesPage', { timeout: 20_000 }, () => {
  it('shows a loading state until the report arrives', async () => {
    const host = new FakeLightdock();
    const release = host.hold('files:report');
    renderWithHost(<FilesPage />, host);
    expect(await screen.findByRole('status', { name: 'Loading the directories' })).toBeTruthy();
    release();
    expect(await screen.findByText('3 directories on Windows drives')).toBeTruthy();
    expect(screen.queryByRole('status', { name: 'Loading the directories' })).toBeNull();
  });

  it('says what failed and loads again on Retry', async () => {
    const host = new FakeLightdock();
    host.failWith('files:report', { code: 'UNAVAILABLE', message: 'WSL is not answering.' });
    renderWithHost(<FilesPage />, host);
    expect((await screen.findByRole('alert')).textContent).toContain('Could not read the directories: WSL is not answering. (UNAVAILABLE)');
    host.recover('files:report');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('table', { name: 'Directories of Ubuntu-24.04' })).toBeTruthy();
    expect(host.callsTo('files:report')).toEqual([{}, {}]);
  });

  it('flags a /mnt/c working directory with the 9p warning and gives the commands that move it', async () => {
    await renderPage();
    expect(screen.getByRole('alert', { name: 'Summary' }).textContent).toContain('3 directories on Windows drives');
    const web = row('Directories of Ubuntu-24.04', '/mnt/c/Users/alex/web');
    expect(within(web).getByText(CROSSING)).toBeTruthy();
    expect(within(web).getByText('node, npm')).toBeTruthy();
    expect(within(row('Directories of Ubuntu-24.04', '/home/dev/projects/api')).queryByText(CROSSING)).toBeNull();
    const ubuntu = card('Ubuntu-24.04');
    expect(within(ubuntu).getByText('1 directory on a Windows drive')).toBeTruthy();
    const commands = within(ubuntu).getByLabelText('Commands to move /mnt/c/Users/alex/web');
    expect(commands.textContent).toBe('mkdir -p /home/dev/projects/web\ncp -a /mnt/c/Users/alex/web/. /home/dev/projects/web/\ncd /home/dev/projects/web');
    expect(within(ubuntu).getByRole('button', { name: 'Copy commands to move /mnt/c/Users/alex/web' })).toBeTruthy();
    expect(within(ubuntu).getByRole('region', { name: 'How to move /mnt/c/Users/alex/web' }).textContent).toContain('Move /mnt/c/Users/alex/web into Ubuntu-24.04’s own filesystem');
  });

  it('flags a container bind mount from C: but not a volume or tmpfs', async () => {
    await renderPage();
    const site = row('Directories of shop-web-1', '/usr/share/nginx/html');
    expect(within(site).getByText(CROSSING)).toBeTruthy();
    expect(within(site).getByText('/mnt/c/Users/alex/shop/site')).toBeTruthy();
    const data = row('Directories of shop-db-1', '/var/lib/postgresql/data');
    expect(within(data).getByText('Docker volume')).toBeTruthy();
    expect(within(data).queryByText(CROSSING)).toBeNull();
    expect(within(card('shop-db-1')).getByText('Nothing on a Windows drive')).toBeTruthy();
    expect(within(card('shop-db-1')).queryByRole('button', { name: /Copy commands/ })).toBeNull();
    expect(within(row('Directories of shop-api-1', '/tmp')).queryByText(CROSSING)).toBeNull();
  });

  it('measures a running distro and shows the figures labelled modelled, with the method', async () => {
    const host = await renderPage();
    const ubuntu = card('Ubuntu-24.04');
    expect(within(ubuntu).getByText(/not known yet/)).toBeTruthy();
    expect(within(card('docker-desktop')).queryByRole('button', { name: /^Measure/ })).toBeNull();
    fireEvent.click(within(ubuntu).getByRole('button', { name: 'Measure the boundary in Ubuntu-24.04' }));
    expect(await within(ubuntu).findByText('Windows drive is 84× slower')).toBeTruthy();
    const modelled = within(ubuntu).getByText('modelled');
    expect(modelled.closest('[title]')?.getAttribute('title')).toContain('Modelled by the simulated host');
    const throughput = within(ubuntu).getByLabelText('Throughput in Ubuntu-24.04', { selector: 'dl' });
    expect(throughput.textContent).toContain('read 42.5 MB/s');
    expect(throughput.textContent).toContain('write 11 MB/s');
    expect(throughput.textContent).toContain('read 1,850 MB/s');
    expect(host.callsTo('files:measure')).toEqual([{ name: 'Ubuntu-24.04' }]);
  });

  it('shows progress while measuring, and Cancel stops waiting for the answer', async () => {
    const host = await renderPage();
    const release = host.hold('files:measure');
    const debian = card('Debian');
    fireEvent.click(within(debian).getByRole('button', { name: 'Measure the boundary in Debian' }));
    expect(await within(debian).findByRole('progressbar', { name: 'Measuring Debian' })).toBeTruthy();
    expect(within(debian).queryByRole('button', { name: 'Measure the boundary in Debian' })).toBeNull();
    fireEvent.click(within(debian).getByRole('button', { name: 'Cancel measuring Debian' }));
    expect(within(debian).queryByRole('progressbar')).toBeNull();
    release();
    await waitFor(() => expect(host.files.subjects.find((subject) => subject.id === 'Debian')?.cost).not.toBeNull());
    expect(within(debian).getByRole('button', { name: 'Measure the boundary in Debian' })).toBeTruthy();
    expect(within(debian).queryByText(/slower/)).toBeNull();
  });

  it('shows why a measurement failed', async () => {
    const host = await renderPage();
    host.failWith('files:measure', { code: 'TIMEOUT', message: 'The probe did not answer in time.' });
    fireEvent.click(screen.getByRole('button', { name: 'Measure the boundary in Debian' }));
    const alert = await within(card('Debian')).findByRole('alert');
    expect(alert.textContent).toContain('Could not measure Debian: The probe did not answer in time. (TIMEOUT)');
  });

  it('copies the commands to the clipboard', async () => {
    const writeText = vi.fn((text: string) => Promise.resolve(void text));
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Copy commands to move /app' }));
    expect(await within(card('shop-api-1')).findByText('Copied')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith('mkdir -p /home/dev/projects/shop/api\ncp -a /mnt/c/Users/alex/shop/api/. /home/dev/projects/shop/api/\ncd /home/dev/projects/shop/api');
  });

  it('shows only what crosses the boundary when asked', async () => {
    await renderPage();
    fireEvent.click(screen.getByRole('switch', { name: 'Only show what crosses the boundary' }));
    expect(screen.queryByRole('region', { name: 'Debian' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'shop-db-1' })).toBeNull();
    expect(within(screen.getByRole('table', { name: 'Directories of shop-api-1' })).queryByText('/tmp')).toBeNull();
    expect(within(screen.getByRole('table', { name: 'Directories of Ubuntu-24.04' })).queryByText('/home/dev/projects/api')).toBeNull();
    expect(screen.getByRole('table', { name: 'Directories of shop-web-1' })).toBeTruthy();
  });

  it('says so positively when nothing is on a Windows drive', async () => {
    const host = new FakeLightdock();
    host.files.subjects = host.files.subjects.filter((subject) => subject.entries.every((entry) => !entry.crossesBoundary));
    renderWithHost(<FilesPage />, host);
    const summary = await screen.findByRole('alert', { name: 'Summary' });
    expect(summary.textContent).toContain('Nothing on Windows drives');
    fireEvent.click(screen.getByRole('switch', { name: 'Only show what crosses the boundary' }));
    expect(screen.getByText(/Nothing crosses the boundary/)).toBeTruthy();
  });

  it('says when there are no distros or containers at all', async () => {
    const host = new FakeLightdock();
    host.files.subjects = [];
    renderWithHost(<FilesPage />, host);
    expect(await screen.findByText('No distros or containers')).toBeTruthy();
  });

  it('lists what crosses the boundary first', async () => {
    await renderPage();
    const headings = screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
    expect(headings.slice(0, 3)).toEqual(['Ubuntu-24.04', 'shop-web-1', 'shop-api-1']);
  });

  it('says there is nothing to check yet when nothing runs and nothing is listed', async () => {
    const host = new FakeLightdock();
    host.files.subjects = host.files.subjects.filter((subject) => !subject.running);
    renderWithHost(<FilesPage />, host);
    expect((await screen.findByRole('alert', { name: 'Summary' })).textContent).toContain('Nothing to check yet');
    expect(screen.getByRole('region', { name: 'docker-desktop' })).toBeTruthy();
  });
});
