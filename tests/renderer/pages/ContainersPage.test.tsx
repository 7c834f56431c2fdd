import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ContainersPage } from '../../../renderer/src/pages/ContainersPage';
import { CONTAINER_STATES } from '../../../shared/model/container-states';
import { FakeLightdock } from '../fake-lightdock';
import { renderWithHost } from '../render-with-host';

// MUI renders slowly in jsdom on a busy machine: give async queries more time than the 1 s default.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  delete window.lightdock;
});

function table(): HTMLElement {
  return screen.getByRole('table', { name: 'Containers' });
}

function rowOf(control: HTMLElement, what: string): HTMLElement {
  const found = control.closest<HTMLElement>('tr');
  if (found === null) throw new Error(`no row for ${what}`);
  return found;
}

function row(name: string): HTMLElement {
  return rowOf(within(table()).getByRole('link', { name: `Open ${name}` }), name);
}

function projectRow(project: string): HTMLElement {
  return rowOf(within(table()).getByRole('checkbox', { name: `Select project ${project}` }), project);
}

function rowNames(): string[] {
  return within(table())
    .queryAllByRole('link', { name: /^Open [^h]/ })
    .map((link) => link.textContent ?? '');
}

async function renderPage(host = new FakeLightdock()): Promise<FakeLightdock> {
  renderWithHost(<ContainersPage />, host);
  await screen.findByRole('table', { name: 'Containers' });
  return host;
}

function select(name: string): void {
  fireEvent.click(within(row(name)).getByRole('checkbox'));
}

describe('ContainersPage', { timeout: 20_000 }, () => {
  it('lists every container grouped by Compose project, with state, image and a link to its detail page', async () => {
    const host = await renderPage();
    expect(rowNames()).toEqual(['shop-api-1', 'shop-db-1', 'shop-web-1', 'monitor', 'redis', 'sidecar']);
    expect(projectRow('shop').textContent).toContain('Compose project · 3 containers · 3 running');
    expect(projectRow('shop').nextElementSibling?.textContent).toContain('shop-api-1');
    expect(row('shop-web-1').getAttribute('data-depth')).toBe('1');
    expect(row('redis').getAttribute('data-depth')).toBe('0');
    expect(within(row('shop-web-1')).getByText('nginx:1.27-alpine')).toBeTruthy();
    expect(within(row('redis')).getByText('exited')).toBeTruthy();
    expect(within(row('redis')).getByRole('link', { name: 'Open redis' }).getAttribute('href')).toBe(
      `#/container/${host.engine.idOf('redis')}`,
    );
  });

  it('links a published port to 127.0.0.1 in a new, opener-free window, once for IPv4 and IPv6', async () => {
    await renderPage();
    const links = within(row('shop-web-1')).getAllByRole('link', { name: /127\.0\.0\.1/ });
    expect(links).toHaveLength(1);
    const [link] = links;
    expect(link?.getAttribute('href')).toBe('http://127.0.0.1:8080/');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link?.textContent).toBe('8080→80/tcp');
    expect(within(row('shop-api-1')).getByText('3000/tcp')).toBeTruthy();
    expect(within(row('shop-api-1')).queryByRole('link', { name: /127\.0\.0\.1/ })).toBeNull();
  });

  it('watches stats for the running rows on screen only, shows the samples, and stops on unmount', async () => {
    const host = new FakeLightdock();
    renderWithHost(<ContainersPage />, host);
    await screen.findByRole('table', { name: 'Containers' });
    await waitFor(() => expect(host.callsTo('stats:watch')).toHaveLength(1));
    const running = ['shop-web-1', 'shop-api-1', 'shop-db-1', 'monitor', 'sidecar'].map((name) => host.engine.idOf(name));
    expect(new Set((host.callsTo('stats:watch')[0] as { ids: string[] }).ids)).toEqual(new Set(running));
    act(() => host.emit('stats:sampled', { subscriptionId: 'stats-1', samples: [host.engine.sample('shop-web-1', 12.5, 64)] }));
    expect(within(row('shop-web-1')).getByText('12.5%')).toBeTruthy();
    expect(within(row('shop-web-1')).getByText('64 MiB')).toBeTruthy();
    act(() => host.emit('stats:sampled', { subscriptionId: 'stats-1', samples: [host.engine.sample('shop-api-1', 2.5, 16)] }));
    expect(within(projectRow('shop')).getByText('15.0%')).toBeTruthy();
    expect(within(projectRow('shop')).getByText('80 MiB')).toBeTruthy();
    act(() => host.emit('stats:sampled', { subscriptionId: 'stats-99', samples: [host.engine.sample('shop-db-1', 99, 99)] }));
    expect(within(row('shop-db-1')).queryByText('99.0%')).toBeNull();

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search containers' }), { target: { value: 'shop-db' } });
    await waitFor(() => expect(host.callsTo('stats:watch')).toHaveLength(2));
    expect(host.callsTo('stats:watch')[1]).toEqual({ ids: [host.engine.idOf('shop-db-1')] });
    expect(host.callsTo('stats:stop')).toEqual([{ subscriptionId: 'stats-1' }]);
    cleanup();
    expect(host.callsTo('stats:stop')).toEqual([{ subscriptionId: 'stats-1' }, { subscriptionId: 'stats-2' }]);
  });

  it('gives every control an accessible name', async () => {
    await renderPage();
    for (const role of ['button', 'checkbox', 'link', 'searchbox', 'combobox'] as const) {
      expect(screen.getAllByRole(role).length).toBe(screen.getAllByRole(role, { name: /\S/ }).length);
    }
  });

  it('collapses and expands a Compose project', async () => {
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Collapse project shop' }));
    expect(rowNames()).toEqual(['monitor', 'redis', 'sidecar']);
    expect(screen.getByRole('button', { name: 'Expand project shop' }).getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: 'Expand project shop' }));
    expect(rowNames()).toEqual(['shop-api-1', 'shop-db-1', 'shop-web-1', 'monitor', 'redis', 'sidecar']);
  });

  it('sorts each level by a column, descending on a second click, and back to the grouped order on a third', async () => {
    await renderPage();
    const header = (): HTMLElement => within(table()).getByRole('button', { name: 'Name' });
    fireEvent.click(header());
    expect(rowNames()).toEqual(['monitor', 'redis', 'shop-api-1', 'shop-db-1', 'shop-web-1', 'sidecar']);
    fireEvent.click(header());
    expect(rowNames()).toEqual(['sidecar', 'shop-web-1', 'shop-db-1', 'shop-api-1', 'redis', 'monitor']);
    expect(header().closest('th')?.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(header());
    expect(rowNames()).toEqual(['shop-api-1', 'shop-db-1', 'shop-web-1', 'monitor', 'redis', 'sidecar']);
  });

  it('selects a whole project from its row, and everything from the header', async () => {
    await renderPage();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select project shop' }));
    const bar = screen.getByRole('toolbar', { name: 'Bulk actions' });
    expect(within(bar).getByText('3 selected')).toBeTruthy();
    fireEvent.click(within(row('shop-db-1')).getByRole('checkbox'));
    const shop = screen.getByRole('checkbox', { name: 'Select project shop' }) as HTMLInputElement;
    expect(shop.checked).toBe(false);
    expect(shop.indeterminate).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all containers' }));
    expect(within(bar).getByText('6 selected')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all containers' }));
    expect(within(bar).getByText('Select containers to act on several at once.')).toBeTruthy();
  });

  it('offers a Project select instead of chips when there are more than six projects', async () => {
    const host = new FakeLightdock();
    const template = host.engine.containers[0];
    if (template === undefined) throw new Error('no seeded container');
    host.engine.containers = Array.from({ length: 8 }, (_, index) => ({ ...template, id: `${index}`.repeat(64).slice(0, 64), name: `app-${index}`, composeProject: `p${index}` }));
    await renderPage(host);
    expect(screen.queryByRole('group', { name: 'Compose projects' })).toBeNull();
    const project = screen.getByRole('combobox', { name: 'Project' });
    expect(within(project).getAllByRole('option').map((option) => option.textContent)).toEqual(['All projects', ...Array.from({ length: 8 }, (_, index) => `p${index} (1)`)]);
    fireEvent.change(project, { target: { value: 'p7' } });
    expect(rowNames()).toEqual(['app-7']);
    expect((project as HTMLSelectElement).selectedOptions[0]?.textContent).toBe('p7 (1)');
  });

  it('filters by text, state and Compose project, and can clear the filters', async () => {
    await renderPage();
    fireEvent.click(within(screen.getByRole('group', { name: 'Compose projects' })).getByRole('button', { name: 'shop (3)' }));
    expect(rowNames()).toEqual(['shop-api-1', 'shop-db-1', 'shop-web-1']);
    expect(screen.getByRole('button', { name: 'shop (3)' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'All projects' }));
    const state = screen.getByRole('combobox', { name: 'State' }) as HTMLSelectElement;
    expect(within(state).getAllByRole('option').map((option) => option.textContent)).toEqual(['All states', ...CONTAINER_STATES]);
    expect(state.value).toBe('all');
    fireEvent.change(state, { target: { value: 'exited' } });
    expect(rowNames()).toEqual(['redis']);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search containers' }), { target: { value: 'nothing-like-this' } });
    expect(screen.getByText('No container matches these filters')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(rowNames()).toHaveLength(6);
    expect(state.value).toBe('all');
  });

  it('runs a bulk action on the selected containers and applies the pushed list', async () => {
    const host = await renderPage();
    select('shop-web-1');
    select('redis');
    const bar = screen.getByRole('toolbar', { name: 'Bulk actions' });
    expect(within(bar).getByText('2 selected')).toBeTruthy();
    expect((within(bar).getByRole('button', { name: 'Pause selected' }) as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(within(bar).getByRole('button', { name: 'Stop selected' }));
    await waitFor(() => expect(within(row('shop-web-1')).getByText('exited')).toBeTruthy());
    expect(host.callsTo('containers:act')).toEqual([{ ids: [host.engine.idOf('shop-web-1')], action: 'stop' }]);
    expect((await screen.findByRole('alert')).textContent).toContain('Stopped shop-web-1.');
  });

  it('asks before removing, says what is lost, and removes with force when one is running', async () => {
    const host = await renderPage();
    const ids = [host.engine.idOf('shop-web-1'), host.engine.idOf('redis')];
    select('shop-web-1');
    select('redis');
    fireEvent.click(screen.getByRole('button', { name: 'Remove selected' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove 2 containers?' });
    expect(dialog.textContent).toMatch(/writable layer/);
    expect(dialog.textContent).toMatch(/One of them is still running/);
    expect(within(within(dialog).getByRole('list', { name: 'Containers to remove' })).getAllByRole('listitem')).toHaveLength(2);
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /anonymous volumes/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove 2 containers' }));
    await waitFor(() => expect(rowNames()).toEqual(['shop-api-1', 'shop-db-1', 'monitor', 'sidecar']));
    expect(host.callsTo('containers:act')).toEqual([
      { ids, action: 'remove', force: true, removeVolumes: true },
    ]);
  });

  it('cancelling the remove dialog removes nothing', async () => {
    const host = await renderPage();
    select('redis');
    fireEvent.click(screen.getByRole('button', { name: 'Remove selected' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove this container?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(host.callsTo('containers:act')).toEqual([]);
  });

  it('reports per-container failures of a bulk action by name, with the code', async () => {
    const host = new FakeLightdock();
    host.engine.refuse.add('shop-db-1');
    await renderPage(host);
    select('shop-web-1');
    select('shop-db-1');
    fireEvent.click(screen.getByRole('button', { name: 'Restart selected' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Restarted shop-web-1.');
    expect(alert.textContent).toContain('Restart shop-db-1: shop-db-1 refused to restart. (CONFLICT)');
  });

  it('starts one container from its row', async () => {
    const host = await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Start redis' }));
    await waitFor(() => expect(within(row('redis')).getByText('running')).toBeTruthy());
    expect(host.callsTo('containers:act')).toEqual([{ ids: [host.engine.idOf('redis')], action: 'start' }]);
  });

  it("offers a row's other actions in its menu, and asks before removing from there", async () => {
    const host = await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'More actions for shop-db-1' }));
    const menu = await screen.findByRole('menu', { name: 'Actions for shop-db-1' });
    expect(within(menu).getByRole('menuitem', { name: 'Unpause' }).getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Pause' }));
    await waitFor(() => expect(within(row('shop-db-1')).getByText('paused')).toBeTruthy());
    expect(host.callsTo('containers:act')).toEqual([{ ids: [host.engine.idOf('shop-db-1')], action: 'pause' }]);

    const redis = host.engine.idOf('redis');
    fireEvent.click(screen.getByRole('button', { name: 'More actions for redis' }));
    fireEvent.click(within(await screen.findByRole('menu', { name: 'Actions for redis' })).getByRole('menuitem', { name: 'Remove…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove this container?' });
    fireEvent.click(within(dialog).getByRole('button', { name: /^Remove/ }));
    await waitFor(() => expect(rowNames()).not.toContain('redis'));
    expect(host.callsTo('containers:act').at(-1)).toMatchObject({ ids: [redis], action: 'remove' });
  });

  it('applies a containers:changed push without fetching again', async () => {
    const host = await renderPage();
    const calls = host.callsTo('containers:list').length;
    act(() => host.emit('containers:changed', host.engine.containers.filter((entry) => entry.name !== 'monitor')));
    expect(rowNames()).not.toContain('monitor');
    expect(host.callsTo('containers:list')).toHaveLength(calls);
  });

  it('shows an empty state when the engine has no container', async () => {
    const host = new FakeLightdock();
    host.engine.containers = [];
    renderWithHost(<ContainersPage />, host);
    expect(await screen.findByText('No containers yet')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows a loading state until the list arrives', async () => {
    const host = new FakeLightdock();
    const release = host.hold('containers:list');
    renderWithHost(<ContainersPage />, host);
    expect(await screen.findByRole('status', { name: 'Loading containers' })).toBeTruthy();
    await act(async () => release());
    expect(await screen.findByRole('table', { name: 'Containers' })).toBeTruthy();
  });

  it('says the engine is unreachable, with its message, and shows the list once it connects', async () => {
    const host = new FakeLightdock();
    host.engine.status = { ...host.engine.status, kind: 'docker', state: 'unreachable', message: 'Cannot connect to /var/run/docker.sock.' };
    renderWithHost(<ContainersPage />, host);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The Docker engine is unreachable');
    expect(alert.textContent).toContain('Cannot connect to /var/run/docker.sock.');
    expect(host.callsTo('containers:list')).toEqual([]);
    act(() => host.emit('engine:status-changed', { ...host.engine.status, state: 'reconnecting', message: 'Retrying in 2 s.' }));
    expect(screen.getByRole('alert').textContent).toContain('Reconnecting to the Docker engine…');
    act(() => host.emit('engine:status-changed', { ...host.engine.status, state: 'connected', message: null }));
    expect(await screen.findByRole('table', { name: 'Containers' })).toBeTruthy();
  });

  it('shows a load error with Retry', async () => {
    const host = new FakeLightdock();
    host.failWith('containers:list', { code: 'UNAVAILABLE', message: 'The engine stopped answering.' });
    renderWithHost(<ContainersPage />, host);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The engine stopped answering. (UNAVAILABLE)');
    host.recover('containers:list');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('table', { name: 'Containers' })).toBeTruthy();
  });
});
