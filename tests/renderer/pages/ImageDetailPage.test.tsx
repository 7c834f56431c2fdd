import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ImageDetailPage } from '../../../renderer/src/pages/ImageDetailPage';
import { FakeLightdock } from '../fake-lightdock';
import { LONG_RUN_COMMAND } from '../fake-images-actions';
import { renderWithHost } from '../render-with-host';

afterEach(() => {
  cleanup();
  delete window.lightdock;
  window.location.hash = '';
});

async function renderPage(param: string | null, host = new FakeLightdock()): Promise<FakeLightdock> {
  renderWithHost(<ImageDetailPage param={param} />, host);
  return host;
}

/** The value shown for one label of the image's facts. */
function fact(label: string): string {
  const term = screen.getAllByRole('term').find((element) => element.textContent === label);
  if (term === undefined) throw new Error(`no fact ${label}`);
  return term.nextElementSibling?.textContent ?? '';
}

describe('ImageDetailPage', () => {
  it('shows the breadcrumbs, the heading and the facts', async () => {
    await renderPage('sha256:aaaa1111');
    expect(await screen.findByRole('heading', { level: 2, name: 'nginx:1.27-alpine' })).toBeTruthy();
    expect(screen.getAllByRole('term')[0]?.closest('dl')?.getAttribute('aria-label')).toBe('Image facts');
    const trail = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(within(trail).getByRole('link', { name: 'Images' }).getAttribute('href')).toBe('#/images');
    expect(within(trail).getByText('nginx:1.27-alpine').getAttribute('aria-current')).toBe('page');
    expect(fact('ID')).toContain('sha256:aaaa1111');
    expect(fact('Size')).toBe('48 MiB');
    expect(fact('Platform')).toBe('linux/amd64');
    expect(fact('Command')).toBe('nginx -g "daemon off;"');
    expect(fact('Entrypoint')).toBe('/docker-entrypoint.sh');
    expect(fact('Environment')).toContain('NGINX_VERSION=1.27.3');
    expect(fact('Exposed ports')).toBe('80/tcp');
    expect(fact('Working directory')).toBe('/ (the default)');
    expect(fact('User')).toBe('root (the default)');
  });

  it('lists the layers newest first with their commands and sizes, dims empty ones and expands a long command', async () => {
    await renderPage('nginx:1.27-alpine');
    const table = await screen.findByRole('table', { name: 'Layers' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((tableRow) => within(tableRow).getAllByRole('cell')[1]?.textContent)).toEqual(['0 B (metadata)', '0 B (metadata)', '30 MiB', '8 MiB']);
    expect(within(rows[0] as HTMLElement).getByText('CMD ["nginx" "-g" "daemon off;"]')).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText('nginx:1.27-alpine')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('EXPOSE 80')).toBeTruthy();
    const command = within(rows[2] as HTMLElement).getByText(/^RUN set -x && apk add/);
    expect(command.getAttribute('title')).toBe(LONG_RUN_COMMAND);
    expect(command.textContent?.endsWith('…')).toBe(true);
    const more = within(rows[2] as HTMLElement).getByRole('button', { name: 'Show all of the command of layer 3' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(command.textContent).toBe(`RUN ${LONG_RUN_COMMAND.slice('/bin/sh -c '.length)}`);
    expect(within(rows[2] as HTMLElement).getByRole('button', { name: 'Shorten the command of layer 3' }).getAttribute('aria-expanded')).toBe('true');
    const dimmed = getComputedStyle(within(rows[1] as HTMLElement).getByText('EXPOSE 80')).color;
    const plain = getComputedStyle(within(rows[3] as HTMLElement).getByText('ADD file:abc in /')).color;
    expect(dimmed).not.toBe(plain);
  });

  it('lists the containers using it, each linking to its page', async () => {
    const host = await renderPage('sha256:aaaa1111');
    const list = await screen.findByRole('list', { name: 'Containers using this image' });
    const link = within(list).getByRole('link', { name: 'shop-web-1' });
    expect(link.getAttribute('href')).toBe(`#/container/${host.engine.idOf('shop-web-1')}`);
    expect(within(list).getByText('running')).toBeTruthy();
  });

  it('says when nothing uses the image and it has no history', async () => {
    await renderPage('sha256:cccc3333');
    expect(await screen.findByText('No container uses this image.')).toBeTruthy();
    expect(screen.getByText('The engine recorded no history for this image.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'cccc3333' })).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Push…' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('says clearly when there is no such image, with a way back', async () => {
    await renderPage('nosuch:1');
    const alert = await screen.findByText(/There is no image nosuch:1 on this engine/);
    expect(within(alert).getByRole('link', { name: 'Back to Images' }).getAttribute('href')).toBe('#/images');
    expect(screen.getByRole('heading', { level: 2, name: 'nosuch:1' })).toBeTruthy();
  });

  it('does not ask the host about an address that is no image reference', async () => {
    const host = await renderPage('..%2Fetc');
    expect(await screen.findByText(/There is no image \.\.%2Fetc on this engine/)).toBeTruthy();
    expect(host.callsTo('images:inspect')).toEqual([]);
  });

  it('shows loading, then an error with Retry that recovers', async () => {
    const host = new FakeLightdock();
    host.failWith('images:inspect', { code: 'TIMEOUT', message: 'The engine did not answer in time.' });
    const release = host.hold('images:inspect');
    await renderPage('sha256:aaaa1111', host);
    expect(await screen.findByRole('status', { name: 'Loading the image' })).toBeTruthy();
    await act(async () => release());
    expect((await screen.findByRole('alert')).textContent).toContain('Could not load this image: The engine did not answer in time. (TIMEOUT)');
    host.recover('images:inspect');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'nginx:1.27-alpine' })).toBeTruthy();
  });

  it('tags the image and shows the new tag', async () => {
    const host = await renderPage('sha256:bbbb2222');
    fireEvent.click(await screen.findByRole('button', { name: 'Tag…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Tag postgres:16' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'New tag' }), { target: { value: '127.0.0.1:5000/db:16' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tag' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Tagged postgres:16 as 127.0.0.1:5000/db:16.');
    await waitFor(() => expect(fact('Tags')).toBe('postgres:16127.0.0.1:5000/db:16'));
    expect(host.callsTo('images:tag')).toEqual([{ source: 'sha256:bbbb2222', target: '127.0.0.1:5000/db:16' }]);
  });

  it('pushes the image with progress', async () => {
    const host = await renderPage('sha256:bbbb2222');
    fireEvent.click(await screen.findByRole('button', { name: 'Push…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Push an image' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Push' }));
    expect(await within(dialog).findByRole('group', { name: 'Push postgres:16' })).toBeTruthy();
    expect(host.callsTo('images:push')).toEqual([{ reference: 'postgres:16' }]);
  });

  it('removes the image (forced, as a container uses it) and goes back to Images', async () => {
    const host = await renderPage('sha256:aaaa1111');
    fireEvent.click(await screen.findByRole('button', { name: 'Remove…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove nginx:1.27-alpine?' });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Force the removal' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove image' }));
    await waitFor(() => expect(window.location.hash).toBe('#/images'));
    expect(host.callsTo('images:remove')).toEqual([{ id: 'sha256:aaaa1111', force: true }]);
  });

  it('opens the run dialog with this image', async () => {
    await renderPage('sha256:bbbb2222');
    fireEvent.click(await screen.findByRole('button', { name: 'Run a container from postgres:16' }));
    expect(await screen.findByRole('dialog', { name: /Run a container/ })).toBeTruthy();
  });
});
