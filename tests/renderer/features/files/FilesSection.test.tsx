import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FilesSection } from '../../../../renderer/src/features/files/FilesSection';
import { SEEDED_CONTAINERS } from '../../fake-engine';
import { FakeLightdock } from '../../fake-lightdock';
import { renderWithHost } from '../../render-with-host';

afterEach(() => {
  cleanup();
  delete window.lightdock;
});

const CROSSING = 'Windows drive C: — crosses the 9p boundary';

function section(): HTMLElement {
  return screen.getByRole('region', { name: 'Files' });
}

describe('FilesSection', { timeout: 20_000 }, () => {
  it('shows one distro: its /mnt/c working directory flagged, the advice, and Measure (then loads again, keeping the cost)', async () => {
    const { host } = renderWithHost(<FilesSection filter={{ distro: 'Ubuntu-24.04' }} name="Ubuntu-24.04" />);
    const table = await screen.findByRole('table', { name: 'Directories of Ubuntu-24.04' });
    expect(within(table).getByText(CROSSING)).toBeTruthy();
    expect(within(section()).getByText('1 directory on a Windows drive')).toBeTruthy();
    expect(within(section()).getByLabelText('Commands to move /mnt/c/Users/alex/web').textContent).toContain('cd /home/dev/projects/web');
    fireEvent.click(within(section()).getByRole('button', { name: 'Measure the boundary in Ubuntu-24.04' }));
    expect(await within(section()).findByText('Windows drive is 84× slower')).toBeTruthy();
    await waitFor(() => expect(host.callsTo('files:report')).toEqual([{ distro: 'Ubuntu-24.04' }, { distro: 'Ubuntu-24.04' }]));
    expect(within(section()).getByText('Windows drive is 84× slower')).toBeTruthy();
  });

  it('says positively when nothing of a distro is on a Windows drive', async () => {
    renderWithHost(<FilesSection filter={{ distro: 'Debian' }} name="Debian" />);
    expect((await screen.findByRole('alert', { name: 'Summary' })).textContent).toContain('Nothing on Windows drives');
    expect(within(screen.getByRole('table', { name: 'Directories of Debian' })).queryByText(CROSSING)).toBeNull();
  });

  it('shows one container by id: a volume not flagged', async () => {
    const id = SEEDED_CONTAINERS.find((container) => container.name === 'shop-db-1')?.id ?? '';
    const { host } = renderWithHost(<FilesSection filter={{ container: id }} name="shop-db-1" />);
    const table = await screen.findByRole('table', { name: 'Directories of shop-db-1' });
    expect(within(table).getByText('Docker volume')).toBeTruthy();
    expect(within(table).queryByText(CROSSING)).toBeNull();
    expect(within(section()).queryByRole('button', { name: /^Measure/ })).toBeNull();
    expect(host.callsTo('files:report')).toEqual([{ container: id }]);
  });

  it('loads, fails with Retry, and loads again', async () => {
    const host = new FakeLightdock();
    const release = host.hold('files:report');
    renderWithHost(<FilesSection filter={{ container: 'shop-web-1' }} name="shop-web-1" />, host);
    expect(screen.getByRole('status', { name: 'Loading the directories of shop-web-1' })).toBeTruthy();
    host.failWith('files:report', { code: 'UNAVAILABLE', message: 'The engine is not answering.' });
    release();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not read the directories of shop-web-1: The engine is not answering. (UNAVAILABLE)');
    host.recover('files:report');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    const table = await screen.findByRole('table', { name: 'Directories of shop-web-1' });
    expect(within(table).getByText(CROSSING)).toBeTruthy();
  });

  it('loads again when its refresh key changes (the distro started or stopped)', async () => {
    const { host, rerender } = renderWithHost(<FilesSection filter={{ distro: 'Debian' }} name="Debian" refreshKey="Running" />);
    await screen.findByRole('table', { name: 'Directories of Debian' });
    rerender(<FilesSection filter={{ distro: 'Debian' }} name="Debian" refreshKey="Stopped" />);
    await waitFor(() => expect(host.callsTo('files:report')).toHaveLength(2));
    expect(screen.getByRole('table', { name: 'Directories of Debian' })).toBeTruthy();
  });

  it('says a stopped distro shows its directories while it runs, without claiming anything about them', async () => {
    renderWithHost(<FilesSection filter={{ distro: 'docker-desktop' }} name="docker-desktop" />);
    expect(await screen.findByText('Working directories and what crossing the boundary costs show while the distro runs.')).toBeTruthy();
    expect(screen.queryByRole('alert', { name: 'Summary' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Measure/ })).toBeNull();
  });
});
