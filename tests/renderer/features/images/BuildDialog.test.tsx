import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { BuildDialog } from '../../../../renderer/src/features/images/BuildDialog';
import { FakeLightdock } from '../../fake-lightdock';
import { renderWithHost } from '../../render-with-host';

afterEach(() => {
  cleanup();
  delete window.lightdock;
});

function openDialog(host = new FakeLightdock()): { host: FakeLightdock; dialog: HTMLElement; onClose: () => void } {
  const onClose = vi.fn();
  renderWithHost(<BuildDialog onClose={onClose} />, host);
  return { host, onClose, dialog: screen.getByRole('dialog', { name: 'Build an image' }) };
}

function type(dialog: HTMLElement, name: string, value: string): void {
  fireEvent.change(within(dialog).getByRole('textbox', { name }), { target: { value } });
}

function field(dialog: HTMLElement, name: string): HTMLElement {
  return within(dialog).getByRole('textbox', { name });
}

describe('BuildDialog', () => {
  it('shows each field problem next to its field and sends nothing', () => {
    const { host, dialog } = openDialog();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Build' }));
    expect(within(dialog).getByText('Enter the folder that holds the Dockerfile.')).toBeTruthy();
    type(dialog, 'Context folder', 'projects/app');
    type(dialog, 'Dockerfile', '../Dockerfile');
    type(dialog, 'Tag', 'Team/App');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add a build argument' }));
    type(dialog, 'Argument 1 name', '1BAD');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Build' }));
    expect(field(dialog, 'Context folder').getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByText("Enter the folder's full path (starting with / or a drive letter).")).toBeTruthy();
    expect(within(dialog).getByText('The Dockerfile must be a path inside the context folder.')).toBeTruthy();
    expect(within(dialog).getByText('A repository name is lowercase (name[:tag][@digest]).')).toBeTruthy();
    expect(within(dialog).getByText('A build argument name is letters, digits and "_".')).toBeTruthy();
    expect(host.callsTo('images:build')).toEqual([]);
  });

  it('adds and removes build-argument rows, refuses a name twice, and sends the request the form stands for', async () => {
    const { host, dialog } = openDialog();
    type(dialog, 'Context folder', '/home/me/app');
    type(dialog, 'Tag', 'team/app:dev');
    const add = within(dialog).getByRole('button', { name: 'Add a build argument' });
    fireEvent.click(add);
    fireEvent.click(add);
    fireEvent.click(add);
    type(dialog, 'Argument 1 name', 'VERSION');
    type(dialog, 'Argument 1 value', '1.2.3');
    type(dialog, 'Argument 2 name', 'DROPPED');
    type(dialog, 'Argument 3 name', 'VERSION');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove argument 2' }));
    expect(within(dialog).queryByRole('textbox', { name: 'Argument 3 name' })).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Build' }));
    expect(within(dialog).getByText('VERSION is already set above.')).toBeTruthy();
    type(dialog, 'Argument 2 name', 'FLAVOUR');
    type(dialog, 'Argument 2 value', 'slim and small');
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Do not use the build cache' }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Pull newer base images' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Build' }));
    await within(dialog).findByRole('group', { name: 'Build team/app:dev' });
    expect(host.callsTo('images:build')).toEqual([
      {
        contextPath: '/home/me/app',
        dockerfile: 'Dockerfile',
        tag: 'team/app:dev',
        buildArgs: [
          { name: 'VERSION', value: '1.2.3' },
          { name: 'FLAVOUR', value: 'slim and small' },
        ],
        noCache: true,
        pull: true,
      },
    ]);
  });

  it('shows the host refusing the build under the context folder', async () => {
    const host = new FakeLightdock();
    host.failWith('images:build', { code: 'NOT_FOUND', message: 'There is no Dockerfile in /home/me/empty.' });
    const { dialog } = openDialog(host);
    type(dialog, 'Context folder', '/home/me/empty');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Build' }));
    expect(await within(dialog).findByText('Could not start the build: There is no Dockerfile in /home/me/empty. (NOT_FOUND)')).toBeTruthy();
    expect(field(dialog, 'Context folder').getAttribute('aria-invalid')).toBe('true');
  });

  it('picks the folder with the native picker where the host has one', async () => {
    const host = new FakeLightdock();
    host.info = { ...host.info, canPickPaths: true };
    host.pickedPath = '/home/me/picked';
    const { dialog } = openDialog(host);
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Browse for Context folder' }));
    await waitFor(() => expect((field(dialog, 'Context folder') as HTMLInputElement).value).toBe('/home/me/picked'));
    expect(host.callsTo('dialog:pick-path')).toEqual([{ purpose: 'folder', title: 'Context folder' }]);
  });

  it('shows the build log as it arrives, then the built image with a link to it', async () => {
    const { host, dialog, onClose } = openDialog();
    type(dialog, 'Context folder', '/home/me/app');
    type(dialog, 'Tag', 'team/app:dev');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Build' }));
    const view = await within(dialog).findByRole('group', { name: 'Build team/app:dev' });
    const id = host.jobs.latestId() ?? '';
    act(() => host.jobs.progress(id, { message: 'Step 1/2 : FROM busybox:1.36', lines: ['Step 1/2 : FROM busybox:1.36', ' ---> 3f57d9401f8d'] }));
    act(() => host.jobs.progress(id, { message: 'Step 2/2 : RUN echo hi', lines: ['Step 2/2 : RUN echo hi', 'hi'] }));
    const log = within(view).getByRole('log', { name: 'Build log' });
    await waitFor(() => expect(log.textContent).toContain('Step 2/2 : RUN echo hi'));
    expect(within(view).getByRole('status').textContent).toBe('Step 2/2 : RUN echo hi');
    expect(within(view).getByRole('progressbar', { name: 'Build team/app:dev progress' }).getAttribute('aria-valuenow')).toBe('50');
    expect(log.textContent).toContain(' ---> 3f57d9401f8d');
    expect(log.textContent).toContain('hi');
    const built = 'sha256:9b1e2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9';
    act(() => host.jobs.finish(id, 'succeeded', 'Successfully built 9b1e2c3d4e5f', built));
    const link = await within(dialog).findByRole('link', { name: 'team/app:dev (9b1e2c3d4e5f)' });
    expect(link.getAttribute('href')).toBe(`#/image/${encodeURIComponent(built)}`);
    fireEvent.click(link);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('shows a failed build with its error and keeps the log', async () => {
    const { host, dialog } = openDialog();
    type(dialog, 'Context folder', '/home/me/app');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Build' }));
    const view = await within(dialog).findByRole('group', { name: 'Build /home/me/app' });
    const id = host.jobs.latestId() ?? '';
    act(() => host.jobs.progress(id, { lines: ['Step 1/1 : RUN false'] }));
    act(() => host.jobs.finish(id, 'failed', "The command '/bin/sh -c false' returned a non-zero code: 1"));
    expect(await within(view).findByText('Failed')).toBeTruthy();
    expect(within(view).getByRole('alert').textContent).toContain('returned a non-zero code: 1');
    expect(within(view).getByRole('log', { name: 'Build log' }).textContent).toContain('Step 1/1 : RUN false');
    expect(within(dialog).queryByRole('link')).toBeNull();
  });
});
