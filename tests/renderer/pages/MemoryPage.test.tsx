import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryPage } from '../../../renderer/src/pages/MemoryPage';
import { FakeLightdock } from '../fake-lightdock';
import { renderWithHost } from '../render-with-host';
import { pretendWindowWidth } from '../window-width';

const MIB = 1024 ** 2;

afterEach(() => {
  cleanup();
  delete window.lightdock;
});

/** A host whose WSL VM runs (Ubuntu-24.04 is a running WSL 2 distro), so a changed setting needs a restart. */
function runningHost(): FakeLightdock {
  return new FakeLightdock([
    { name: 'Ubuntu-24.04', state: 'Running', version: 2, isDefault: true },
    { name: 'docker-desktop', state: 'Running', version: 2, isDefault: false },
  ]);
}

async function renderPage(host = new FakeLightdock()): Promise<FakeLightdock> {
  renderWithHost(<MemoryPage />, host);
  await screen.findByRole('treegrid', { name: 'Memory breakdown table' });
  return host;
}

/** The breakdown table's row whose part is `label`. */
function row(label: string): HTMLElement {
  const table = screen.getByRole('treegrid', { name: 'Memory breakdown table' });
  const header = within(table).getAllByRole('rowheader').find((cell) => cell.textContent?.startsWith(label) === true);
  const found = header?.closest<HTMLElement>('tr');
  if (found === undefined || found === null) throw new Error(`no row for ${label}`);
  return found;
}

/** The nearest row above `element` one level up the tree. */
function parentRow(element: HTMLElement): HTMLElement | null {
  const level = Number(element.getAttribute('aria-level'));
  let previous = element.previousElementSibling as HTMLElement | null;
  while (previous !== null && Number(previous.getAttribute('aria-level')) !== level - 1) previous = previous.previousElementSibling as HTMLElement | null;
  return previous;
}

describe('MemoryPage', { timeout: 20_000 }, () => {
  it('shows a loading state until the breakdown arrives', async () => {
    const host = new FakeLightdock();
    const release = host.hold('memory:report');
    renderWithHost(<MemoryPage />, host);
    expect(screen.getByRole('status', { name: 'Loading the memory breakdown' })).toBeTruthy();
    release();
    expect(await screen.findByRole('heading', { name: 'From the host down' })).toBeTruthy();
    expect(screen.queryByRole('status', { name: 'Loading the memory breakdown' })).toBeNull();
  });

  it('says what failed and loads again on Retry', async () => {
    const host = new FakeLightdock();
    host.failWith('memory:report', { code: 'UNAVAILABLE', message: 'The WSL host does not answer.' });
    renderWithHost(<MemoryPage />, host);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not read the memory breakdown: The WSL host does not answer. (UNAVAILABLE)');
    host.recover('memory:report');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('treegrid', { name: 'Memory breakdown table' })).toBeTruthy();
  });

  it('breaks the host down to the VM, its distros and each container under its distro, with the placement and the simulated label', async () => {
    await renderPage();
    expect(row('Windows host').getAttribute('aria-level')).toBe('1');
    expect(within(row('WSL 2 VM (vmmem)')).getByText('6 GiB')).toBeTruthy();
    expect(within(row('WSL 2 VM (vmmem)')).getByText('8 GiB (75% used)')).toBeTruthy();
    const db = row('shop-db-1');
    expect(db.getAttribute('aria-level')).toBe('4');
    expect(parentRow(db)?.querySelector('th')?.textContent).toMatch(/^docker-desktop/);
    expect(within(db).getByText('900 MiB')).toBeTruthy();
    expect(within(db).getByText('1 GiB (88% used)')).toBeTruthy();
    expect(within(db).getByText('44%')).toBeTruthy();
    expect(screen.getByText('The engine runs in the docker-desktop WSL distro, inside the WSL 2 VM (simulated).')).toBeTruthy();
    expect(screen.getByText('Simulated figures')).toBeTruthy();
    expect(screen.getByRole('img', { name: /^Memory breakdown\. Windows host 32 GiB: Other programs 14 GiB, WSL 2 VM \(vmmem\) 6 GiB, Free 12 GiB;/ })).toBeTruthy();
  });

  it('collapses a parent row and shows it again', async () => {
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Collapse docker-desktop' }));
    expect(row('docker-desktop').getAttribute('aria-expanded')).toBe('false');
    expect(() => row('shop-db-1')).toThrow();
    fireEvent.click(screen.getByRole('button', { name: 'Expand docker-desktop' }));
    expect(row('shop-db-1')).toBeTruthy();
  });

  it('shows every root: an engine on the Linux machine itself is a second machine with its containers', async () => {
    const host = new FakeLightdock();
    host.memory.state.engineOnLinuxHost = true;
    await renderPage(host);
    const linux = row('This Linux machine');
    expect(linux.getAttribute('aria-level')).toBe('1');
    const db = row('shop-db-1');
    expect(db.getAttribute('aria-level')).toBe('2');
    expect(parentRow(db)).toBe(linux);
    expect(screen.getByText('The engine runs directly on this Linux machine, outside any VM.')).toBeTruthy();
  });

  it('labels an estimated figure, and its tooltip says how it was reached', async () => {
    await renderPage();
    expect(within(row('shop-web-1')).queryByText('estimated')).toBeNull();
    const chip = within(row('cache')).getByText('estimated');
    fireEvent.mouseOver(chip);
    expect((await screen.findByRole('tooltip')).textContent).toBe('The engine gave no cgroup reading; this is the last figure docker stats showed.');
  });

  it('lists the warnings by severity', async () => {
    await renderPage();
    const list = screen.getByRole('list', { name: 'Memory warnings' });
    const alerts = within(list).getAllByRole('alert');
    expect(alerts.map((alert) => alert.querySelector('.MuiAlertTitle-root')?.textContent)).toEqual(['cache ran out of memory', 'shop-db-1 is near its memory limit']);
    expect(alerts[0]?.className).toContain('Error');
    expect(alerts[1]?.className).toContain('Warning');
  });

  it('watches memory while open: a pushed sample updates the breakdown and the history', async () => {
    const host = await renderPage();
    await waitFor(() => expect(host.memory.watching.size).toBe(1));
    expect(await screen.findByText('30 of 600 samples kept.')).toBeTruthy();
    const newest = screen.getByRole('list', { name: 'Containers: newest figures' });
    expect(within(newest).getByText('shop-db-1: 900 MiB')).toBeTruthy();
    act(() => {
      host.memory.pushSample((state) => {
        const db = state.containers.find((container) => container.name === 'shop-db-1');
        if (db !== undefined) db.bytes = 1000 * MIB;
      });
    });
    expect(within(screen.getByRole('list', { name: 'Containers: newest figures' })).getByText('shop-db-1: 1000 MiB')).toBeTruthy();
    expect(screen.getByText('31 of 600 samples kept.')).toBeTruthy();
    expect(within(row('shop-db-1')).getByText('1000 MiB')).toBeTruthy();
    expect(host.callsTo('memory:report')).toHaveLength(1);
  });

  it('switches the history to 1 min for 24 h', async () => {
    const host = await renderPage();
    await screen.findByText('30 of 600 samples kept.');
    fireEvent.click(screen.getByRole('button', { name: '1 min for 24 h' }));
    expect(await screen.findByText('90 of 1440 samples kept.')).toBeTruthy();
    expect(host.callsTo('memory:history')).toEqual([{ resolution: '1s' }, { resolution: '1m' }]);
    expect(screen.getByRole('button', { name: '1 min for 24 h' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('stops watching when the page closes', async () => {
    const host = new FakeLightdock();
    const { unmount } = renderWithHost(<MemoryPage />, host);
    await waitFor(() => expect(host.memory.watching.size).toBe(1));
    unmount();
    await waitFor(() => expect(host.callsTo('memory:unwatch')).toEqual([{ subscriptionId: 'memory-1' }]));
    expect(host.memory.watching.size).toBe(0);
    expect(host.listenerCount('memory:sampled')).toBe(0);
  });

  it('reclaims page cache with progress, then shows the figures before and after', async () => {
    const host = await renderPage();
    const release = host.hold('memory:reclaim');
    fireEvent.click(screen.getByRole('button', { name: 'Reclaim page cache' }));
    const running = await screen.findByRole('button', { name: 'Reclaiming page cache…' });
    expect((running as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Stop heaviest containers' }) as HTMLButtonElement).disabled).toBe(true);
    release();
    const result = await screen.findByRole('alert', { name: 'Reclaim result' });
    expect(within(result).getByText('VM page cache 1.25 GiB → 0 B')).toBeTruthy();
    expect(within(result).getByText('VM assigned (vmmem) 6 GiB → 4.75 GiB')).toBeTruthy();
    expect(within(result).getByText('Host RAM used 20 GiB → 18.8 GiB')).toBeTruthy();
    expect(within(row('Page cache')).getByText('0 B')).toBeTruthy();
  });

  it('shows a failed reclaim', async () => {
    const host = await renderPage();
    host.failWith('memory:reclaim', { code: 'UNAVAILABLE', message: 'The probe did not answer.' });
    fireEvent.click(screen.getByRole('button', { name: 'Reclaim page cache' }));
    expect(await screen.findByText('The action failed: The probe did not answer. (UNAVAILABLE)')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Reclaim page cache' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('stops the containers chosen from the heaviest, after a confirmation, and shows the figures before and after', async () => {
    const host = await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Stop heaviest containers' }));
    const dialog = await screen.findByRole('dialog', { name: 'Stop heaviest containers' });
    const boxes = within(dialog).getAllByRole('checkbox');
    expect(boxes.map((box) => box.closest('label')?.textContent)).toEqual([
      'shop-db-1 · 900 MiB (88% of its 1 GiB limit)',
      'shop-web-1 · 700 MiB (34% of its 2 GiB limit)',
      'worker · 256 MiB (no limit)',
      'cache · 128 MiB (50% of its 256 MiB limit)',
    ]);
    expect((within(dialog).getByRole('button', { name: 'Stop containers' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /^shop-db-1/ }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /^worker/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Stop 2 (1.13 GiB)' }));
    const result = await screen.findByRole('alert', { name: 'Stop result' });
    expect(host.callsTo('memory:stop-containers')).toEqual([{ ids: ['shop-db-1', 'worker'] }]);
    expect(within(result).getByText('Stopped shop-db-1, worker')).toBeTruthy();
    expect(within(result).getByText('Containers 1.94 GiB → 828 MiB')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(() => row('shop-db-1')).toThrow();
    expect(row('shop-web-1')).toBeTruthy();
  });

  it('keeps the stop dialog open with the host error', async () => {
    const host = await renderPage();
    host.failWith('memory:stop-containers', { code: 'CONFLICT', message: 'shop-db-1 is being removed.' });
    fireEvent.click(screen.getByRole('button', { name: 'Stop heaviest containers' }));
    const dialog = await screen.findByRole('dialog', { name: 'Stop heaviest containers' });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /^shop-db-1/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Stop 1 (900 MiB)' }));
    expect(await within(dialog).findByText('Could not stop them: shop-db-1 is being removed. (CONFLICT)')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('sets autoMemoryReclaim in .wslconfig and offers the restart', async () => {
    const host = await renderPage(runningHost());
    fireEvent.mouseDown(await screen.findByRole('combobox', { name: 'Automatic memory reclaim' }));
    fireEvent.click(await screen.findByRole('option', { name: 'gradual' }));
    await waitFor(() => expect(host.callsTo('wslconfig:set')).toEqual([{ key: 'experimental.autoMemoryReclaim', value: 'gradual' }]));
    expect(await screen.findByText('Automatic memory reclaim: default (dropCache) → gradual')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Restart WSL now' }));
    await waitFor(() => expect(host.callsTo('vm:restart')).toHaveLength(1));
    expect(await screen.findByText('The VM runs with it now.')).toBeTruthy();
  });

  it('changes the memory limit, showing the current and the new value, and refuses a size WSL would not read', async () => {
    const host = await renderPage(runningHost());
    const field = (await screen.findByRole('textbox', { name: 'Memory limit' })) as HTMLInputElement;
    expect(field.value).toBe('8GB');
    fireEvent.change(field, { target: { value: '12gb' } });
    expect(screen.getByText(/A size is a whole number/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Set limit' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(field, { target: { value: '12GB' } });
    expect(screen.getByText('8GB → 12GB')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Set limit' }));
    await waitFor(() => expect(host.callsTo('wslconfig:set')).toEqual([{ key: 'wsl2.memory', value: '12GB' }]));
    expect(await screen.findByText('Memory limit: 8GB → 12GB')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Restart WSL now' })).toBeTruthy();
  });

  it('says a change applies at the next boot when the VM is not running', async () => {
    const host = await renderPage();
    fireEvent.mouseDown(await screen.findByRole('combobox', { name: 'Automatic memory reclaim' }));
    fireEvent.click(await screen.findByRole('option', { name: 'disabled' }));
    expect(await screen.findByText('Automatic memory reclaim: default (dropCache) → disabled')).toBeTruthy();
    expect(screen.getByText('The VM is not running; it uses this when it next boots.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Restart WSL now' })).toBeNull();
    expect(host.callsTo('wslconfig:set')).toEqual([{ key: 'experimental.autoMemoryReclaim', value: 'disabled' }]);
  });

  it('says when the VM is not running and nothing can be reclaimed or stopped', async () => {
    const host = new FakeLightdock();
    host.memory.stopVm();
    await renderPage(host);
    expect(screen.getByText(/The WSL VM is not running, so it holds no memory from the host/)).toBeTruthy();
    expect(screen.getByText(/No container is running\./)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Reclaim page cache' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Stop heaviest containers' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('No memory warnings.')).toBeTruthy();
    expect(() => row('WSL 2 VM (vmmem)')).toThrow();
  });

  it('says when the figures do not follow the host live', async () => {
    const host = new FakeLightdock();
    host.failWith('memory:watch', { code: 'UNAVAILABLE', message: 'The sampler is not running.' });
    await renderPage(host);
    expect(await screen.findByText('The figures are not following the host live: The sampler is not running. (UNAVAILABLE)')).toBeTruthy();
    expect(row('shop-db-1')).toBeTruthy();
  });

  it('leaves the limit column out on a narrow window and keeps the figures', async () => {
    const restore = pretendWindowWidth(560);
    try {
      await renderPage();
      const table = screen.getByRole('treegrid', { name: 'Memory breakdown table' });
      expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Part', 'Memory', 'Of parent']);
      expect(within(row('shop-db-1')).getByText('900 MiB')).toBeTruthy();
    } finally {
      restore();
    }
  });

  it('gives every control an accessible name', async () => {
    await renderPage();
    await screen.findByRole('combobox', { name: 'Automatic memory reclaim' });
    for (const role of ['button', 'textbox', 'combobox'] as const) {
      expect(screen.getAllByRole(role).length).toBe(screen.getAllByRole(role, { name: /\S/ }).length);
    }
  });
});
