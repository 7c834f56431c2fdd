import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DistrosPage } from '../../../renderer/src/pages/DistrosPage';
import { FakeLightdock } from '../fake-lightdock';
import { renderWithHost } from '../render-with-host';

afterEach(() => {
  cleanup();
  delete window.lightdock;
});

function row(name: string): HTMLElement {
  const cell = within(screen.getByRole('table', { name: 'Distros' })).getByText(name);
  const found = cell.closest<HTMLElement>('tr');
  if (found === null) throw new Error(`no row for ${name}`);
  return found;
}

async function renderPage(host?: FakeLightdock): Promise<FakeLightdock> {
  const result = renderWithHost(<DistrosPage />, host);
  await screen.findByRole('table', { name: 'Distros' });
  return result.host;
}

describe('DistrosPage', () => {
  it('lists every distro with its state, version and default flag as text', async () => {
    await renderPage();
    expect(within(row('Ubuntu-24.04')).getByText('Stopped')).toBeTruthy();
    expect(within(row('Ubuntu-24.04')).getByText('WSL 2')).toBeTruthy();
    expect(within(row('Ubuntu-24.04')).getByText('Default')).toBeTruthy();
    expect(within(row('Debian')).getByText('Running')).toBeTruthy();
    expect(within(row('Debian')).getByText('WSL 1')).toBeTruthy();
    expect(within(row('Debian')).queryByText('Default')).toBeNull();
    expect(within(row('docker-desktop')).getByText('Stopped')).toBeTruthy();
  });

  it('enables only the actions that apply to each row', async () => {
    await renderPage();
    const disabled = (label: string): boolean => (screen.getByRole('button', { name: label }) as HTMLButtonElement).disabled;
    expect(disabled('Start Ubuntu-24.04')).toBe(false);
    expect(disabled('Terminate Ubuntu-24.04')).toBe(true);
    expect(disabled('Set Ubuntu-24.04 as default')).toBe(true);
    expect(disabled('Start Debian')).toBe(true);
    expect(disabled('Terminate Debian')).toBe(false);
    expect(disabled('Set Debian as default')).toBe(false);
  });

  it('starts a distro through distros:start and shows it Running', async () => {
    const host = await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Start Ubuntu-24.04' }));
    await waitFor(() => expect(within(row('Ubuntu-24.04')).getByText('Running')).toBeTruthy());
    expect(host.callsTo('distros:start')).toEqual([{ name: 'Ubuntu-24.04' }]);
    expect((screen.getByRole('button', { name: 'Terminate Ubuntu-24.04' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows progress and locks the row while an action runs', async () => {
    const host = await renderPage();
    const release = host.hold('distros:terminate');
    fireEvent.click(screen.getByRole('button', { name: 'Terminate Debian' }));
    const spinner = await screen.findByRole('progressbar', { name: 'Terminating Debian…' });
    expect(within(row('Debian')).getByRole('progressbar')).toBe(spinner);
    expect((screen.getByRole('button', { name: 'Set Debian as default' }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () => release());
    await waitFor(() => expect(screen.queryByRole('progressbar', { name: 'Terminating Debian…' })).toBeNull());
    expect(within(row('Debian')).getByText('Stopped')).toBeTruthy();
  });

  it('applies a distros:changed push without fetching the list again', async () => {
    const host = await renderPage();
    const listCalls = host.callsTo('distros:list').length;
    act(() =>
      host.emit('distros:changed', [
        { name: 'Ubuntu-24.04', state: 'Running', version: 2, isDefault: false },
        { name: 'Alpine', state: 'Installing', version: 2, isDefault: true },
      ]),
    );
    expect(within(row('Ubuntu-24.04')).getByText('Running')).toBeTruthy();
    expect(within(row('Alpine')).getByText('Installing')).toBeTruthy();
    expect(within(row('Alpine')).getByText('Default')).toBeTruthy();
    expect(screen.queryByText('Debian')).toBeNull();
    expect(host.callsTo('distros:list')).toHaveLength(listCalls);
  });

  it('moves the default flag when Set as default succeeds', async () => {
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Set Debian as default' }));
    await waitFor(() => expect(within(row('Debian')).getByText('Default')).toBeTruthy());
    expect(within(row('Ubuntu-24.04')).queryByText('Default')).toBeNull();
  });

  it('shuts WSL down and shows every distro Stopped', async () => {
    const host = await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Shut down WSL' }));
    await waitFor(() => expect(within(row('Debian')).getByText('Stopped')).toBeTruthy());
    expect(host.callsTo('wsl:shutdown')).toEqual([{}]);
  });

  it('reports a failed action with its sentence and code', async () => {
    const host = new FakeLightdock();
    host.failWith('distros:start', { code: 'CONFLICT', message: 'Ubuntu-24.04 is being converted.' });
    await renderPage(host);
    fireEvent.click(screen.getByRole('button', { name: 'Start Ubuntu-24.04' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Ubuntu-24.04 is being converted. (CONFLICT)');
    expect(within(row('Ubuntu-24.04')).getByText('Stopped')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Start Ubuntu-24.04' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows an empty state when no distro is installed', async () => {
    renderWithHost(<DistrosPage />, new FakeLightdock([]));
    expect(await screen.findByText('No distros installed')).toBeTruthy();
    expect(screen.getByText(/wsl --install/)).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Distros' })).toBeNull();
    expect((screen.getByRole('button', { name: 'Shut down WSL' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows a loading state until the list arrives', async () => {
    const host = new FakeLightdock();
    const release = host.hold('distros:list');
    renderWithHost(<DistrosPage />, host);
    expect(screen.getByRole('status', { name: 'Loading distros' })).toBeTruthy();
    await act(async () => release());
    expect(await screen.findByRole('table', { name: 'Distros' })).toBeTruthy();
    expect(screen.queryByRole('status', { name: 'Loading distros' })).toBeNull();
  });

  it('shows a load error with a Retry button that fetches again', async () => {
    const host = new FakeLightdock();
    host.failWith('distros:list', { code: 'UNAVAILABLE', message: 'WSL is not installed.' });
    renderWithHost(<DistrosPage />, host);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('WSL is not installed. (UNAVAILABLE)');
    host.recover('distros:list');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('table', { name: 'Distros' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(host.callsTo('distros:list')).toHaveLength(2);
  });
});
