import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { PushDialog } from '../../../../renderer/src/features/images/PushDialog';
import { TagDialog } from '../../../../renderer/src/features/images/TagDialog';
import { FakeLightdock } from '../../fake-lightdock';
import { renderWithHost } from '../../render-with-host';

afterEach(() => {
  cleanup();
  delete window.lightdock;
});

const MIB = 1024 * 1024;

describe('TagDialog', () => {
  function openTag(host = new FakeLightdock()): { host: FakeLightdock; dialog: HTMLElement; onTagged: (target: string) => void } {
    const onTagged = vi.fn();
    renderWithHost(<TagDialog imageId="sha256:aaaa1111" name="nginx:1.27-alpine" onTagged={onTagged} onClose={vi.fn()} />, host);
    return { host, onTagged, dialog: screen.getByRole('dialog', { name: 'Tag nginx:1.27-alpine' }) };
  }

  function tag(dialog: HTMLElement, target: string): void {
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'New tag' }), { target: { value: target } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tag' }));
  }

  it('refuses a target that is not a reference, under the field', () => {
    const { host, dialog } = openTag();
    tag(dialog, 'web server:1');
    expect(within(dialog).getByRole('textbox', { name: 'New tag' }).getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByText('An image reference has no spaces (name[:tag][@digest]).')).toBeTruthy();
    expect(host.callsTo('images:tag')).toEqual([]);
  });

  it('tags the image by its id and reports the new reference', async () => {
    const { host, dialog, onTagged } = openTag();
    tag(dialog, ' 127.0.0.1:5000/web:1 ');
    await waitFor(() => expect(onTagged).toHaveBeenCalledWith('127.0.0.1:5000/web:1'));
    expect(host.callsTo('images:tag')).toEqual([{ source: 'sha256:aaaa1111', target: '127.0.0.1:5000/web:1' }]);
    expect(host.imageActions.find('127.0.0.1:5000/web:1')?.id).toBe('sha256:aaaa1111');
  });

  it("shows the engine's refusal under the field", async () => {
    const host = new FakeLightdock();
    host.failWith('images:tag', { code: 'NOT_FOUND', message: 'No such image: sha256:aaaa1111' });
    const { dialog, onTagged } = openTag(host);
    tag(dialog, 'web:1');
    expect(await within(dialog).findByText('Could not tag it: No such image: sha256:aaaa1111 (NOT_FOUND)')).toBeTruthy();
    expect(onTagged).not.toHaveBeenCalled();
  });
});

describe('PushDialog', () => {
  it('says where a registry tag goes, pushes it and shows its layers, then the digest', async () => {
    const host = new FakeLightdock();
    renderWithHost(<PushDialog tags={['web:1', '127.0.0.1:5000/web:1']} onClose={vi.fn()} />, host);
    const dialog = screen.getByRole('dialog', { name: 'Push an image', description: /^Push 127\.0\.0\.1:5000\/web:1 to 127\.0\.0\.1:5000\?/ });
    expect(within(dialog).queryByText(/docker login/)).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Push' }));
    const view = await within(dialog).findByRole('group', { name: 'Push 127.0.0.1:5000/web:1' });
    expect(host.callsTo('images:push')).toEqual([{ reference: '127.0.0.1:5000/web:1' }]);
    const id = host.jobs.latestId() ?? '';
    act(() =>
      host.jobs.progress(id, {
        progress: 0.5,
        layers: [{ id: '0123456789abcdef', status: 'Pushing', current: 2 * MIB, total: 4 * MIB, done: false }],
      }),
    );
    expect(await within(view).findByRole('listitem', { name: 'Layer 0123456789ab: Pushing 2 MiB of 4 MiB' })).toBeTruthy();
    const digest = 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
    act(() => host.jobs.finish(id, 'succeeded', 'Pushed.', digest));
    expect(await within(dialog).findByText(digest)).toBeTruthy();
  });

  it('explains that a tag without a registry goes to Docker Hub after docker login, and still pushes it', async () => {
    const host = new FakeLightdock();
    renderWithHost(<PushDialog tags={['team/web:1']} onClose={vi.fn()} />, host);
    const dialog = screen.getByRole('dialog', { name: 'Push an image', description: /^Push team\/web:1 to Docker Hub\?/ });
    expect(within(dialog).getByText(/run docker login first/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Push' }));
    await within(dialog).findByRole('group', { name: 'Push team/web:1' });
    expect(host.callsTo('images:push')).toEqual([{ reference: 'team/web:1' }]);
  });

  it('shows why the push could not start', async () => {
    const host = new FakeLightdock();
    host.failWith('images:push', { code: 'UNAVAILABLE', message: 'The engine is not connected.' });
    renderWithHost(<PushDialog tags={['127.0.0.1:5000/web:1']} onClose={vi.fn()} />, host);
    const dialog = screen.getByRole('dialog', { name: 'Push an image' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Push' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Could not start the push: The engine is not connected. (UNAVAILABLE)');
  });
});
