import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { IMAGES_PART_LOADS, ImagesPage } from '../../../renderer/src/pages/ImagesPage';
import { pageOf } from '../../../renderer/src/pages/page-registry';
import { FakeLightdock } from '../fake-lightdock';
import { renderWithHost } from '../render-with-host';

// DataGrid renders slowly in jsdom on a busy machine: give async queries more time than the 1 s default.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  delete window.lightdock;
});

async function renderPage(host = new FakeLightdock()): Promise<FakeLightdock> {
  renderWithHost(<ImagesPage />, host);
  await screen.findByRole('table', { name: 'Images' });
  return host;
}

function row(text: string): HTMLElement {
  const found = within(screen.getByRole('table', { name: 'Images' })).getByText(text).closest<HTMLElement>('tr');
  if (found === null) throw new Error(`no row for ${text}`);
  return found;
}

describe('ImagesPage', { timeout: 30_000 }, () => {
  it('lists images with tags, short id, size and users', async () => {
    await renderPage();
    expect(within(row('postgres:16')).getByText('420 MiB')).toBeTruthy();
    expect(within(row('postgres:16')).getByText('bbbb2222')).toBeTruthy();
    expect(within(row('postgres:16')).getByText('1 container')).toBeTruthy();
    expect(within(row('<none> (dangling)')).getByText('0 containers')).toBeTruthy();
  });

  it('asks before removing an image in use, offers force, and removes it', async () => {
    const host = await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Remove postgres:16' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove postgres:16?' });
    expect(dialog.textContent).toMatch(/A container uses this image/);
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Force the removal' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove image' }));
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Images' })).queryByText('postgres:16')).toBeNull());
    expect(host.callsTo('images:remove')).toEqual([{ id: 'sha256:bbbb2222', force: true }]);
    expect((await screen.findByRole('alert')).textContent).toContain('Removed postgres:16.');
  });

  it('shows what prune removes before it runs, then what it removed', async () => {
    const host = await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Prune images…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Prune unused images?' });
    const list = within(dialog).getByRole('list', { name: 'Images to prune' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['cccc333312 MiB']);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Prune images' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Deleted 1 image and reclaimed 12 MiB.');
    expect(host.callsTo('images:prune')).toEqual([{}]);
    await waitFor(() => expect(screen.queryByText('<none> (dangling)')).toBeNull());
  });

  it('cancelling prune prunes nothing', async () => {
    const host = await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Prune images…' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(host.callsTo('images:prune')).toEqual([]);
  });

  it('shows progress while prune runs and the error when it fails', async () => {
    const host = await renderPage();
    host.failWith('images:prune', { code: 'CONFLICT', message: 'A prune operation is already running.' });
    const release = host.hold('images:prune');
    fireEvent.click(screen.getByRole('button', { name: 'Prune images…' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Prune images' }));
    await waitFor(() => expect((within(dialog).getByRole('button', { name: 'Prune images' }) as HTMLButtonElement).disabled).toBe(true));
    await act(async () => release());
    expect((await screen.findByRole('alert')).textContent).toContain('A prune operation is already running. (CONFLICT)');
  });

  it('once the idle preload has loaded its parts, Remove and Prune open their dialogs in the click\'s own render', async () => {
    expect(await pageOf('images').partLoads?.()).toBe(IMAGES_PART_LOADS);
    for (const load of IMAGES_PART_LOADS) await load();
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Remove postgres:16' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Remove postgres:16?' })).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Prune images…' }));
    expect(within(screen.getByRole('dialog', { name: 'Prune unused images?' })).getByRole('list', { name: 'Images to prune' })).toBeTruthy();
  });

  it('links each image to its page', async () => {
    await renderPage();
    expect(within(row('postgres:16')).getByRole('link', { name: 'postgres:16' }).getAttribute('href')).toBe('#/image/sha256%3Abbbb2222');
    expect(within(row('<none> (dangling)')).getByRole('link', { name: '<none> (dangling)' }).getAttribute('href')).toBe('#/image/sha256%3Acccc3333');
  });

  it('pulls from the toolbar, lists the job, reopens it after closing, and refetches the list when it succeeds', async () => {
    const host = await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Pull an image…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Pull an image' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Image reference' }), { target: { value: 'busybox:1.36' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Pull' }));
    await within(dialog).findByRole('group', { name: 'Pull busybox:1.36' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const id = host.jobs.latestId() ?? '';
    act(() => host.jobs.progress(id, { message: 'Downloading', progress: 0.5, layers: [{ id: 'abcdef0123456789', status: 'Downloading', current: 1, total: 2, done: false }] }));
    const jobs = await screen.findByRole('list', { name: 'Jobs' });
    expect(await within(jobs).findByRole('listitem', { name: 'Pull busybox:1.36: Running' })).toBeTruthy();
    fireEvent.click(within(jobs).getByRole('button', { name: 'Show Pull busybox:1.36' }));
    const reopened = await screen.findByRole('dialog', { name: 'Pull an image' });
    expect(await within(reopened).findByRole('listitem', { name: 'Layer abcdef012345: Downloading 1 B of 2 B' })).toBeTruthy();
    const listsBefore = host.callsTo('images:list').length;
    act(() => {
      host.engine.images = [...host.engine.images, { id: 'sha256:dddd4444', tags: ['busybox:1.36'], sizeBytes: 4_261_574, created: 1_700_000_000, containers: 0, dangling: false }];
      host.jobs.finish(id, 'succeeded', 'Downloaded newer image for busybox:1.36');
    });
    expect(await within(reopened).findByText('Done')).toBeTruthy();
    await waitFor(() => expect(host.callsTo('images:list').length).toBe(listsBefore + 1));
    fireEvent.click(within(reopened).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await within(screen.getByRole('table', { name: 'Images' })).findByText('busybox:1.36')).toBeTruthy();
    expect(within(jobs).getByRole('listitem', { name: 'Pull busybox:1.36: Done' })).toBeTruthy();
  });

  it('does not refetch the list when a pull fails or a push succeeds', async () => {
    const host = await renderPage();
    const listsBefore = host.callsTo('images:list').length;
    const pull = host.jobs.start('pull', 'nope:1', 'Pull nope:1');
    const push = host.jobs.start('push', '127.0.0.1:5000/x:1', 'Push 127.0.0.1:5000/x:1');
    act(() => {
      host.jobs.progress(pull.id, { message: 'Pulling' });
      host.jobs.progress(push.id, { message: 'Pushing' });
    });
    const jobs = await screen.findByRole('list', { name: 'Jobs' });
    await within(jobs).findByRole('listitem', { name: 'Push 127.0.0.1:5000/x:1: Running' });
    act(() => {
      host.jobs.finish(pull.id, 'failed', 'manifest unknown');
      host.jobs.finish(push.id, 'succeeded', 'Pushed.');
    });
    await within(jobs).findByRole('listitem', { name: 'Pull nope:1: Failed' });
    await within(jobs).findByRole('listitem', { name: 'Push 127.0.0.1:5000/x:1: Done' });
    expect(host.callsTo('images:list').length).toBe(listsBefore);
  });

  it('lists jobs that were already running when the page opened', async () => {
    const host = new FakeLightdock();
    host.jobs.start('build', '/home/me/app', 'Build team/app:dev');
    host.jobs.start('compose', 'shop', 'Compose up shop');
    await renderPage(host);
    const jobs = await screen.findByRole('list', { name: 'Jobs' });
    expect(within(jobs).getAllByRole('listitem').map((item) => item.getAttribute('aria-label'))).toEqual(['Build team/app:dev: Running']);
    fireEvent.click(within(jobs).getByRole('button', { name: 'Show Build team/app:dev' }));
    const dialog = await screen.findByRole('dialog', { name: 'Build an image' });
    expect(within(dialog).getByRole('log', { name: 'Build log' })).toBeTruthy();
    act(() => host.jobs.finish('job-1', 'succeeded', 'Built team/app:dev.', 'sha256:eeee5555'));
    expect((await within(dialog).findByRole('link', { name: 'eeee5555' })).getAttribute('href')).toBe('#/image/sha256%3Aeeee5555');
  });

  it('builds from the toolbar and refetches the list when the build succeeds', async () => {
    const host = await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Build an image…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Build an image' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Context folder' }), { target: { value: '/home/me/app' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Build' }));
    await within(dialog).findByRole('group', { name: 'Build /home/me/app' });
    const listsBefore = host.callsTo('images:list').length;
    act(() => host.jobs.finish(host.jobs.latestId() ?? '', 'succeeded', 'Built.', 'sha256:eeee5555'));
    expect(await within(dialog).findByRole('link', { name: 'eeee5555' })).toBeTruthy();
    await waitFor(() => expect(host.callsTo('images:list').length).toBe(listsBefore + 1));
  });

  it('tags an image from its row and says so', async () => {
    const host = await renderPage();
    fireEvent.click(within(row('postgres:16')).getByRole('button', { name: 'Tag postgres:16…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Tag postgres:16' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'New tag' }), { target: { value: '127.0.0.1:5000/db:16' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tag' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Tagged postgres:16 as 127.0.0.1:5000/db:16.');
    expect(host.callsTo('images:tag')).toEqual([{ source: 'sha256:bbbb2222', target: '127.0.0.1:5000/db:16' }]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('pushes an image from its row; a dangling one cannot be pushed', async () => {
    const host = await renderPage();
    expect((within(row('<none> (dangling)')).getByRole('button', { name: 'Push cccc3333' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(row('nginx:1.27-alpine')).getByRole('button', { name: 'Push nginx:1.27-alpine' }));
    const dialog = await screen.findByRole('dialog', { name: 'Push an image', description: /^Push nginx:1\.27-alpine to Docker Hub\?/ });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Push' }));
    await within(dialog).findByRole('group', { name: 'Push nginx:1.27-alpine' });
    expect(host.callsTo('images:push')).toEqual([{ reference: 'nginx:1.27-alpine' }]);
  });

  it('opens the run dialog with the row image', async () => {
    await renderPage();
    fireEvent.click(within(row('postgres:16')).getByRole('button', { name: 'Run a container from postgres:16' }));
    const dialog = await screen.findByRole('dialog', { name: /Run a container/ });
    expect((within(dialog).getByRole('combobox', { name: /Image/ }) as HTMLInputElement).value).toBe('postgres:16');
  });

  it('shows the empty and loading states', async () => {
    const host = new FakeLightdock();
    host.engine.images = [];
    const release = host.hold('images:list');
    renderWithHost(<ImagesPage />, host);
    expect(await screen.findByRole('status', { name: 'Loading images' })).toBeTruthy();
    await act(async () => release());
    expect(await screen.findByText('No images')).toBeTruthy();
  });
});
