import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { VmPage } from '../../../renderer/src/pages/VmPage';
import { FakeLightdock } from '../fake-lightdock';
import { renderWithHost } from '../render-with-host';

afterEach(() => {
  cleanup();
  delete window.lightdock;
});

/** The value shown next to a label in one of the page's description lists. */
function fact(listName: string, label: string): string {
  const list = screen.getByLabelText(listName, { selector: 'dl' });
  const term = within(list).getByText(label, { selector: 'dt' });
  return term.nextElementSibling?.textContent ?? '';
}

function runningHost(): FakeLightdock {
  return new FakeLightdock([
    { name: 'Ubuntu-24.04', state: 'Running', version: 2, isDefault: true },
    { name: 'docker-desktop', state: 'Stopped', version: 2, isDefault: false },
    { name: 'Debian', state: 'Stopped', version: 1, isDefault: false },
  ]);
}

async function renderPage(host = runningHost()): Promise<FakeLightdock> {
  renderWithHost(<VmPage />, host);
  await screen.findByRole('heading', { name: 'Overview' });
  return host;
}

describe('VmPage', { timeout: 20_000 }, () => {
  it('shows state, uptime, kernel, memory, processors and network of a running VM', async () => {
    await renderPage();
    expect(fact('VM overview', 'State')).toBe('Running');
    expect(fact('VM overview', 'Uptime')).toMatch(/^1 min 3\d s$/);
    expect(fact('VM overview', 'Processors')).toBe('8');
    expect(fact('VM overview', 'WSL 2 distros running')).toBe('1');
    expect(fact('VM overview', 'Idle timeout')).toBe('After 1 min with no distro running');
    expect(fact('Kernel', 'Version')).toBe('6.6.87.2-microsoft-standard-WSL2');
    expect(fact('Memory figures', 'Host RAM')).toBe('32 GiB');
    expect(fact('Memory figures', 'Limit')).toBe('8 GiB');
    expect(fact('Memory figures', 'Assigned')).toBe('2 GiB (25% of the limit)');
    expect(fact('Memory figures', 'Used')).toBe('768 MiB');
    expect(fact('Memory figures', 'Page cache')).toBe('256 MiB');
    expect(fact('Memory figures', 'Swap')).toBe('0 B used of 2 GiB');
    expect(fact('Network', 'VM IP')).toBe('172.22.46.118/20');
    expect(fact('Network', 'Host address')).toBe('172.22.32.1');
    expect(fact('Network', 'Mode')).toMatch(/^NAT/);
    expect(screen.getByRole('meter', { name: 'Memory assigned to the VM, of its limit' }).getAttribute('aria-valuetext')).toBe('2 GiB of 8 GiB (25%)');
    expect(screen.getByRole('img', { name: /^Memory: 768 MiB used, 256 MiB page cache, 2 GiB assigned of a 8 GiB limit$/ })).toBeTruthy();
  });

  it('links each WSL 2 distro to its detail page with its live state', async () => {
    await renderPage();
    const list = screen.getByRole('list', { name: 'WSL 2 distros' });
    expect(within(list).getByRole('link', { name: 'Ubuntu-24.04' }).getAttribute('href')).toBe('#/distro/Ubuntu-24.04');
    expect(within(list).queryByText('Debian')).toBeNull();
  });

  it('follows vm:changed and distros:changed as distros start and stop, without refetching', async () => {
    const host = await renderPage();
    const infoCalls = host.callsTo('vm:info').length;
    await act(async () => {
      await host.invoke('distros:start', { name: 'docker-desktop' });
    });
    expect(fact('VM overview', 'WSL 2 distros running')).toBe('2');
    expect(fact('Memory figures', 'Used')).toBe('1.25 GiB');
    const item = within(screen.getByRole('list', { name: 'WSL 2 distros' })).getByText('docker-desktop').closest('li');
    expect(item?.textContent).toContain('Running');
    await act(async () => {
      await host.invoke('distros:terminate', { name: 'docker-desktop' });
      await host.invoke('distros:terminate', { name: 'Ubuntu-24.04' });
    });
    expect(fact('VM overview', 'WSL 2 distros running')).toBe('0');
    expect(fact('VM overview', 'Idle timeout')).toMatch(/^Shuts down in (59 s|1 min 00 s) \(no distro running\)$/);
    expect(host.callsTo('vm:info')).toHaveLength(infoCalls);
  });

  it('shows a stopped VM as such, with Shut down disabled', async () => {
    await renderPage(new FakeLightdock());
    expect(fact('VM overview', 'State')).toBe('Stopped');
    expect(fact('VM overview', 'Uptime')).toBe('—');
    expect(fact('Kernel', 'Version')).toBe('Unknown until the VM runs');
    expect(fact('Network', 'VM IP')).toBe('None while stopped');
    expect(screen.getByText(/The VM is stopped, so it uses no memory/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Shut down WSL' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('restarts WSL through vm:restart and shows the VM Running', async () => {
    const host = await renderPage(new FakeLightdock());
    const release = host.hold('vm:restart');
    fireEvent.click(screen.getByRole('button', { name: 'Restart WSL' }));
    expect(((await screen.findByRole('button', { name: 'Restarting WSL…' })) as HTMLButtonElement).disabled).toBe(true);
    await act(async () => release());
    await waitFor(() => expect(fact('VM overview', 'State')).toBe('Running'));
    expect(host.callsTo('vm:restart')).toEqual([{}]);
  });

  it('shuts WSL down through wsl:shutdown and shows the VM Stopped', async () => {
    const host = await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Shut down WSL' }));
    await waitFor(() => expect(fact('VM overview', 'State')).toBe('Stopped'));
    expect(host.callsTo('wsl:shutdown')).toEqual([{}]);
  });

  it('reports a failed action with its sentence and code', async () => {
    const host = new FakeLightdock();
    host.failWith('vm:restart', { code: 'UNAVAILABLE', message: 'Virtualization is turned off in the firmware.' });
    await renderPage(host);
    fireEvent.click(screen.getByRole('button', { name: 'Restart WSL' }));
    const message = await screen.findByText('Virtualization is turned off in the firmware. (UNAVAILABLE)');
    expect(message.closest('[role="alert"]')).not.toBeNull();
    expect(fact('VM overview', 'State')).toBe('Stopped');
  });

  it('shows a loading state, then a load error with Retry', async () => {
    const host = new FakeLightdock();
    host.failWith('vm:info', { code: 'UNAVAILABLE', message: 'WSL is not installed.' });
    const release = host.hold('vm:info');
    renderWithHost(<VmPage />, host);
    expect(screen.getByRole('status', { name: 'Loading the VM' })).toBeTruthy();
    await act(async () => release());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not read the WSL VM: WSL is not installed. (UNAVAILABLE)');
    host.recover('vm:info');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'Overview' })).toBeTruthy();
  });

  it('gives every control an accessible name', async () => {
    await renderPage();
    expect(screen.getAllByRole('button').length).toBe(screen.getAllByRole('button', { name: /\S/ }).length);
    expect(screen.getAllByRole('link').length).toBe(screen.getAllByRole('link', { name: /\S/ }).length);
  });
});
