import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { prefetchCompose } from '../../../../renderer/src/features/compose/useCompose';
import { prefetchContainers } from '../../../../renderer/src/features/containers/useContainers';
import { ContainersPage } from '../../../../renderer/src/pages/ContainersPage';
import { FakeLightdock } from '../../fake-lightdock';
import { SHOP_PROJECT } from '../../fake-compose';
import { renderWithHost } from '../../render-with-host';

configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  delete window.lightdock;
});

function table(): HTMLElement {
  return screen.getByRole('table', { name: 'Containers' });
}

function projectRow(project: string): HTMLElement {
  const box = within(table()).getByRole('checkbox', { name: `Select project ${project}` });
  const row = box.closest<HTMLElement>('tr');
  if (row === null) throw new Error(`no row for ${project}`);
  return row;
}

async function renderPage(host = new FakeLightdock()): Promise<FakeLightdock> {
  renderWithHost(<ContainersPage />, host);
  await screen.findByRole('table', { name: 'Containers' });
  return host;
}

async function openMenu(project: string): Promise<void> {
  fireEvent.click(await within(table()).findByRole('button', { name: `Project actions ${project}` }));
  await screen.findByRole('menu');
}

describe('Compose on the Containers page', { timeout: 20_000 }, () => {
  it('shows a project row’s working directory, its config files in the tooltip, and names every action after the project', async () => {
    await renderPage();
    await waitFor(() => expect(projectRow('shop').textContent).toContain('/home/dev/shop'));
    const summary = within(projectRow('shop')).getByText(/Compose project · 3 containers · 3 running/);
    expect(summary.getAttribute('title')).toBe('Working directory: /home/dev/shop\nConfig files: /home/dev/shop/compose.yaml, /home/dev/shop/compose.override.yaml');
    await openMenu('shop');
    for (const name of ['Up shop', 'Down shop', 'Restart shop', 'Pull shop', 'Logs shop']) {
      expect(screen.getByRole('menuitem', { name }).getAttribute('aria-disabled')).not.toBe('true');
    }
  });

  it('reads the projects once with the containers list, again when a Compose container changes state, not for another container', async () => {
    const host = await renderPage();
    await waitFor(() => expect(projectRow('shop').textContent).toContain('/home/dev/shop'));
    expect(host.callsTo('compose:projects')).toHaveLength(1);
    expect(host.callsTo('compose:cli')).toHaveLength(1);
    await act(() => window.lightdock?.invoke('containers:act', { ids: [host.engine.idOf('monitor')], action: 'stop' }));
    await act(() => window.lightdock?.invoke('containers:act', { ids: [host.engine.idOf('shop-web-1')], action: 'stop' }));
    await waitFor(() => expect(host.callsTo('compose:projects')).toHaveLength(2));
    expect(host.callsTo('compose:cli')).toHaveLength(1);
  });

  it('opens with the projects a prefetch read, without reading them again', async () => {
    const host = new FakeLightdock();
    window.lightdock = host;
    prefetchContainers();
    prefetchCompose();
    await waitFor(() => expect(host.callsTo('compose:projects')).toHaveLength(1));
    await renderPage(host);
    await waitFor(() => expect(projectRow('shop').textContent).toContain('/home/dev/shop'));
    expect(host.callsTo('compose:projects')).toHaveLength(1);
    expect(host.callsTo('containers:list')).toHaveLength(1);
  });

  it('asks before Down, runs it as a job with its output and Cancel, and keeps a row to bring the project up again', async () => {
    const host = await renderPage();
    await openMenu('shop');
    fireEvent.click(screen.getByRole('menuitem', { name: 'Down shop' }));
    const dialog = await screen.findByRole('dialog', { name: 'Compose down shop' });
    expect(dialog.textContent).toContain('removes every container of shop');
    expect(host.compose.calls).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Down' }));
    await within(dialog).findByRole('button', { name: 'Cancel' });
    expect(host.compose.calls).toEqual([{ channel: 'compose:act', project: 'shop', action: 'down' }]);
    const jobId = host.jobs.latestId() ?? '';
    act(() => host.jobs.progress(jobId, { lines: ['Stopping shop_web_1 ... done', 'Removing shop_web_1 ... done'] }));
    await within(dialog).findByText('Removing shop_web_1 ... done');
    expect(within(dialog).getByRole('log', { name: 'Compose output' })).toBeTruthy();

    host.compose.projects = [{ ...SHOP_PROJECT, containers: 0, running: 0 }];
    host.engine.containers = host.engine.containers.filter((container) => container.composeProject !== 'shop');
    act(() => host.emit('containers:changed', host.engine.containers));
    act(() => host.jobs.finish(jobId, 'succeeded', 'shop is down.'));
    await within(dialog).findByText('Done');
    expect(within(dialog).queryByRole('button', { name: 'Cancel' })).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));

    await waitFor(() => expect(projectRow('shop').textContent).toContain('Compose project · down, no containers · /home/dev/shop'));
    await openMenu('shop');
    expect(screen.getByRole('menuitem', { name: 'Down shop' }).getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(screen.getByRole('menuitem', { name: 'Up shop' }));
    await screen.findByRole('dialog', { name: 'Compose up shop' });
    await waitFor(() => expect(host.compose.calls.at(-1)).toEqual({ channel: 'compose:act', project: 'shop', action: 'up' }));
  });

  it('changes nothing when Down is cancelled', async () => {
    const host = await renderPage();
    await openMenu('shop');
    fireEvent.click(screen.getByRole('menuitem', { name: 'Down shop' }));
    const dialog = await screen.findByRole('dialog', { name: 'Compose down shop' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(host.compose.calls).toEqual([]);
  });

  it('follows Logs at once and stops following when closed', async () => {
    const host = await renderPage();
    await openMenu('shop');
    fireEvent.click(screen.getByRole('menuitem', { name: 'Logs shop' }));
    const dialog = await screen.findByRole('dialog', { name: 'Compose logs shop' });
    await waitFor(() => expect(host.compose.calls).toEqual([{ channel: 'compose:act', project: 'shop', action: 'logs' }]));
    const jobId = host.jobs.latestId() ?? '';
    act(() => host.jobs.progress(jobId, { lines: ['web-1  | GET / 200'] }));
    await within(dialog).findByText('web-1 | GET / 200');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const detail = host.jobs.answer('jobs:get', { jobId });
    expect(detail?.ok === true ? (detail.value as { job: { state: string } }).job.state : 'missing').toBe('cancelled');
  });

  it('shows why a project cannot be acted on and disables its actions', async () => {
    const host = new FakeLightdock();
    host.compose.projects = [{ ...SHOP_PROJECT, actionable: false, reason: 'Its folder /home/dev/shop is not on this machine.' }];
    await renderPage(host);
    await openMenu('shop');
    await waitFor(() => expect(screen.getByRole('menuitem', { name: 'Up shop' }).getAttribute('aria-disabled')).toBe('true'));
    expect(screen.getByRole('note').textContent).toBe('Its folder /home/dev/shop is not on this machine.');
  });

  it('says how to install Compose when there is no CLI, with the actions and Open a compose file… disabled', async () => {
    const host = new FakeLightdock();
    const hint = 'Install Docker Compose: with Docker Engine, `sudo apt install docker-compose-plugin` (gives `docker compose`) or `docker-compose`; Docker Desktop includes it.';
    host.compose.cli = { available: false, command: [], version: null, hint, simulated: false };
    host.compose.projects = [{ ...SHOP_PROJECT, actionable: false, reason: hint }];
    await renderPage(host);
    const alert = await screen.findByText(/No Docker Compose found/);
    expect(alert.closest('[role="alert"]')?.textContent).toContain('sudo apt install docker-compose-plugin');
    expect((screen.getByRole('button', { name: 'Open a compose file…' }) as HTMLButtonElement).disabled).toBe(true);
    await openMenu('shop');
    for (const name of ['Up shop', 'Down shop', 'Logs shop']) expect(screen.getByRole('menuitem', { name }).getAttribute('aria-disabled')).toBe('true');
  });

  it('opens a compose file: checks the path, then brings it up as a job', async () => {
    const host = await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Open a compose file…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Open a compose file' });
    const field = within(dialog).getByRole('textbox', { name: 'Compose file' });
    fireEvent.change(field, { target: { value: 'shop/compose.yaml' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Up' }));
    await within(dialog).findByText('Give the full path (it starts with / or a drive letter).');
    fireEvent.change(field, { target: { value: '/home/dev/blog/notes.txt' } });
    await within(dialog).findByText(/A Compose file is named \*\.yml or \*\.yaml/);
    expect(host.compose.calls).toEqual([]);

    fireEvent.change(field, { target: { value: '/home/dev/blog/compose.yaml' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Up' }));
    const jobDialog = await screen.findByRole('dialog', { name: 'Compose up /home/dev/blog/compose.yaml' });
    await waitFor(() => expect(host.compose.calls).toEqual([{ channel: 'compose:up-file', file: '/home/dev/blog/compose.yaml' }]));
    act(() => host.jobs.finish(host.jobs.latestId() ?? '', 'failed', 'Compose failed: service "web" has neither an image nor a build context'));
    await within(jobDialog).findByText('Compose failed: service "web" has neither an image nor a build context', { selector: '.MuiAlert-message' });
  });

  it('says so when Compose refuses to start', async () => {
    const host = await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Open a compose file…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Open a compose file' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Compose file' }), { target: { value: '/home/dev/missing/compose.yaml' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Up' }));
    const failed = await screen.findByRole('dialog', { name: 'Compose up /home/dev/missing/compose.yaml' });
    await within(failed).findByText(/Compose could not start: .*No such file/);
    expect(host.compose.calls).toEqual([]);
  });
});
