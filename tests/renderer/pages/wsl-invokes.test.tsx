// How many requests the WSL pages send to open and per action: each uses what an action returns and what a push
// carries, and asks again only for what neither carries (a distro's detail after its state changed, once).
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { operationsStore } from '../../../renderer/src/features/operations/operations-store';
import { DistroDetailPage } from '../../../renderer/src/pages/DistroDetailPage';
import { DistrosPage } from '../../../renderer/src/pages/DistrosPage';
import { VmPage } from '../../../renderer/src/pages/VmPage';
import { FakeLightdock } from '../fake-lightdock';
import { renderWithHost } from '../render-with-host';

let visibility: DocumentVisibilityState = 'visible';
Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });

function setVisibility(state: DocumentVisibilityState): void {
  visibility = state;
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

afterEach(() => {
  cleanup();
  delete window.lightdock;
  visibility = 'visible';
  for (const operation of operationsStore.get()) operationsStore.dismiss(operation.id);
});

/** The WSL requests (distros:*, vm:*, wsl:*) sent since `mark` calls were recorded, in order. */
function wslCalls(host: FakeLightdock, mark = 0): string[] {
  return host.calls
    .slice(mark)
    .map((call) => call.channel)
    .filter((channel) => /^(distros|vm|wsl):/.test(channel));
}

function button(name: string | RegExp): HTMLButtonElement {
  return screen.getByRole('button', { name }) as HTMLButtonElement;
}

function fact(listName: string, label: string): string {
  const list = screen.getByLabelText(listName, { selector: 'dl' });
  return within(list).getByText(label, { selector: 'dt' }).nextElementSibling?.textContent ?? '';
}

function detailHost(): FakeLightdock {
  return new FakeLightdock([
    { name: 'Ubuntu-24.04', state: 'Running', version: 2, isDefault: true },
    { name: 'docker-desktop', state: 'Stopped', version: 2, isDefault: false },
    { name: 'Debian', state: 'Stopped', version: 1, isDefault: false },
  ]);
}

describe('Distros page requests', { timeout: 20_000 }, () => {
  async function open(): Promise<FakeLightdock> {
    const { host } = renderWithHost(<DistrosPage />);
    await screen.findByRole('table', { name: 'Distros' });
    await screen.findByRole('button', { name: 'Start Ubuntu-24.04' });
    return host;
  }

  it('opens with one distros:list and nothing else of WSL', async () => {
    const host = await open();
    expect(wslCalls(host)).toEqual(['distros:list']);
  });

  it.each([
    { action: 'start', click: 'Start Ubuntu-24.04', then: 'Terminate Ubuntu-24.04' },
    { action: 'terminate', click: 'Terminate Debian', then: 'Start Debian' },
    { action: 'set-default', click: 'Set Debian as default', then: 'Set Ubuntu-24.04 as default' },
  ])('$action sends only distros:$action and shows the row it returns', async ({ action, click, then }) => {
    const host = await open();
    const mark = host.calls.length;
    fireEvent.click(button(click));
    await waitFor(() => expect(button(then).disabled).toBe(false));
    expect(wslCalls(host, mark)).toEqual([`distros:${action}`]);
  });

  it('shuts WSL down with wsl:shutdown alone and shows every distro stopped', async () => {
    const host = await open();
    const mark = host.calls.length;
    fireEvent.click(button('Shut down WSL'));
    await waitFor(() => expect(button('Start Debian').disabled).toBe(false));
    expect(button('Terminate Debian').disabled).toBe(true);
    expect(wslCalls(host, mark)).toEqual(['wsl:shutdown']);
  });
});

describe('Distro detail page requests', { timeout: 20_000 }, () => {
  async function open(name: string): Promise<FakeLightdock> {
    const { host } = renderWithHost(<DistroDetailPage param={name} />, detailHost());
    await screen.findByRole('toolbar', { name: `Actions for ${name}` });
    return host;
  }

  it('opens with one distros:show', async () => {
    const host = await open('docker-desktop');
    expect(wslCalls(host)).toEqual(['distros:show']);
  });

  it('start asks for the detail once more, though both the push and the answer report the change', async () => {
    const host = await open('docker-desktop');
    const mark = host.calls.length;
    fireEvent.click(button('Start'));
    expect(await screen.findByText('docker-desktop started.')).toBeTruthy();
    await waitFor(() => expect(fact('Distro details', 'IP address')).toBe('172.22.46.118'));
    expect(wslCalls(host, mark)).toEqual(['distros:start', 'distros:show']);
    // The same row pushed again (another window's action, a poll) changes nothing and asks for nothing.
    act(() => host.emit('distros:changed', host.distros.map((distro) => ({ ...distro }))));
    expect(wslCalls(host, mark)).toEqual(['distros:start', 'distros:show']);
  });

  it('terminate asks for the detail once more and shows the stopped distro', async () => {
    const host = await open('Ubuntu-24.04');
    const mark = host.calls.length;
    fireEvent.click(button('Terminate'));
    await waitFor(() => expect(fact('Distro details', 'IP address')).toBe('Shown while the distro runs'));
    expect(await screen.findByText('Ubuntu-24.04 terminated.')).toBeTruthy();
    expect(wslCalls(host, mark)).toEqual(['distros:terminate', 'distros:show']);
  });

  it('set as default applies the returned row without asking for the detail', async () => {
    const host = await open('docker-desktop');
    const mark = host.calls.length;
    fireEvent.click(button('Set as default'));
    expect(await screen.findByText('docker-desktop is now the default distro.')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('Default', { selector: '.MuiChip-label' })).toBeTruthy());
    expect(button('Set as default').disabled).toBe(true);
    expect(wslCalls(host, mark)).toEqual(['distros:set-default']);
  });

  it('compact and sparse apply the returned disk without asking for the detail', async () => {
    const host = await open('docker-desktop');
    const mark = host.calls.length;
    fireEvent.click(button('Compact disk'));
    await waitFor(() => expect(fact('Disk figures', 'File on the host')).toBe('27 GiB'));
    fireEvent.click(screen.getByRole('switch', { name: /Sparse/ }));
    await waitFor(() => expect((screen.getByRole('switch', { name: /Sparse/ }) as HTMLInputElement).checked).toBe(true));
    expect(wslCalls(host, mark)).toEqual(['distros:compact', 'distros:set-sparse']);
  });

  it('a change of another distro asks for nothing; a change of its own row asks once', async () => {
    const host = await open('docker-desktop');
    const mark = host.calls.length;
    await act(async () => {
      await host.invoke('distros:start', { name: 'Debian' });
    });
    expect(wslCalls(host, mark)).toEqual(['distros:start']);
    await act(async () => {
      await host.invoke('distros:start', { name: 'docker-desktop' });
    });
    await waitFor(() => expect(fact('Distro details', 'IP address')).toBe('172.22.46.118'));
    expect(wslCalls(host, mark)).toEqual(['distros:start', 'distros:start', 'distros:show']);
  });
});

describe('VM page requests and its vm:watch', { timeout: 20_000 }, () => {
  function runningHost(): FakeLightdock {
    return detailHost();
  }

  async function open(host = runningHost()): Promise<{ host: FakeLightdock; unmount: () => void }> {
    const { unmount } = renderWithHost(<VmPage />, host);
    await screen.findByRole('heading', { name: 'Overview' });
    await waitFor(() => expect(host.wsl.vmWatches.size).toBe(1));
    return { host, unmount };
  }

  it('opens with one vm:watch, one vm:info and one distros:list, and unwatches on unmount', async () => {
    const { host, unmount } = await open();
    expect([...wslCalls(host)].sort()).toEqual(['distros:list', 'vm:info', 'vm:watch']);
    const [watched] = [...host.wsl.vmWatches];
    unmount();
    await waitFor(() => expect(host.wsl.vmWatches.size).toBe(0));
    expect(host.callsTo('vm:unwatch')).toEqual([{ subscriptionId: watched }]);
  });

  it('releases the watch while the window is hidden and takes it again when shown', async () => {
    const { host } = await open();
    setVisibility('hidden');
    await waitFor(() => expect(host.wsl.vmWatches.size).toBe(0));
    setVisibility('visible');
    await waitFor(() => expect(host.wsl.vmWatches.size).toBe(1));
    expect(host.callsTo('vm:watch')).toHaveLength(2);
    expect(host.callsTo('vm:unwatch')).toHaveLength(1);
    expect(host.callsTo('vm:info')).toHaveLength(1);
  });

  it('does not take a watch while opened hidden', async () => {
    visibility = 'hidden';
    const host = runningHost();
    renderWithHost(<VmPage />, host);
    await screen.findByRole('heading', { name: 'Overview' });
    expect(host.callsTo('vm:watch')).toEqual([]);
  });

  it('keeps the live figures when a push without them (live: false) arrives, and takes its state', async () => {
    const { host } = await open();
    expect(fact('Memory figures', 'Used')).toBe('768 MiB');
    const unprobed = { ...host.wsl.vmInfo(), live: false, runningDistros: 2, bootTime: null, uptimeSeconds: null };
    act(() => host.emit('vm:changed', { ...unprobed, memory: { ...unprobed.memory, assignedBytes: 0, usedBytes: 0, pageCacheBytes: 0 } }));
    expect(fact('VM overview', 'WSL 2 distros running')).toBe('2');
    expect(fact('Memory figures', 'Used')).toBe('768 MiB');
    expect(fact('VM overview', 'Uptime')).not.toBe('—');
  });

  it('shuts down with wsl:shutdown alone and shows the VM stopped', async () => {
    const { host } = await open();
    const mark = host.calls.length;
    fireEvent.click(button('Shut down WSL'));
    await waitFor(() => expect(fact('VM overview', 'State')).toBe('Stopped'));
    expect(wslCalls(host, mark)).toEqual(['wsl:shutdown']);
  });

  it('says the figures may be out of date when the watch fails, and Retry watches again', async () => {
    const host = runningHost();
    host.failWith('vm:watch', { code: 'UNAVAILABLE', message: 'The host is shutting down.' });
    renderWithHost(<VmPage />, host);
    const alert = await screen.findByText(/These figures may be out of date: The host is shutting down\. \(UNAVAILABLE\)/);
    host.recover('vm:watch');
    fireEvent.click(within(alert.closest('[role="alert"]') as HTMLElement).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(host.wsl.vmWatches.size).toBe(1));
    await waitFor(() => expect(screen.queryByText(/These figures may be out of date/)).toBeNull());
  });
});
