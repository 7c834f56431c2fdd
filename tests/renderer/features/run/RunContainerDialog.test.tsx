import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { RunContainerButton } from '../../../../renderer/src/features/run/RunContainerButton';
import { RunContainerDialog } from '../../../../renderer/src/features/run/RunContainerDialog';
import { FakeLightdock } from '../../fake-lightdock';
import { renderWithHost } from '../../render-with-host';
import { pretendWindowWidth } from '../../window-width';

let restoreWidth: (() => void) | undefined;

afterEach(() => {
  cleanup();
  delete window.lightdock;
  restoreWidth?.();
  restoreWidth = undefined;
  vi.unstubAllGlobals();
  window.location.hash = '';
});

function renderDialog(initialImage: string | null = 'nginx:1.27-alpine', host = new FakeLightdock()): { host: FakeLightdock; onClose: ReturnType<typeof vi.fn> } {
  const onClose = vi.fn();
  if (initialImage === null) {
    renderWithHost(<RunContainerDialog onClose={onClose} />, host);
    return { host, onClose };
  }
  renderWithHost(<RunContainerDialog initialImage={initialImage} onClose={onClose} />, host);
  return { host, onClose };
}

function dialog(): HTMLElement {
  return screen.getByRole('dialog', { name: 'Run a container' });
}

function field(name: string): HTMLInputElement {
  return within(dialog()).getByRole('textbox', { name }) as HTMLInputElement;
}

function type(name: string, value: string): void {
  fireEvent.change(field(name), { target: { value } });
}

function runButton(name = 'Run'): HTMLButtonElement {
  return within(dialog()).getByRole('button', { name }) as HTMLButtonElement;
}

function preview(): HTMLElement {
  return within(dialog()).getByRole('region', { name: 'Isolation preview' });
}

/** The "This container" cell of a namespace's row in the preview's Namespaces table. */
function sharingOf(kind: string): string {
  const table = within(preview()).getByRole('table', { name: 'Namespaces' });
  const row = within(table)
    .getAllByRole('row')
    .find((candidate) => within(candidate).queryByRole('rowheader', { name: kind }) !== null);
  if (row === undefined) throw new Error(`no ${kind} row`);
  return within(row).getAllByRole('cell')[1]?.textContent ?? '';
}

async function commandLine(text: string): Promise<void> {
  await waitFor(() => expect(within(preview()).getByLabelText('docker run command').textContent).toBe(text));
}

async function choose(selectName: string, option: string): Promise<void> {
  fireEvent.mouseDown(within(dialog()).getByRole('combobox', { name: selectName }));
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

describe('Run a container', { timeout: 30_000 }, () => {
  it('previews the isolation of the image as it is: every namespace its own but the user one, no limits, and the docker run line', async () => {
    const { host } = renderDialog();
    await commandLine('docker run -d nginx:1.27-alpine');
    expect((within(dialog()).getByRole('combobox', { name: 'Image' }) as HTMLInputElement).value).toBe('nginx:1.27-alpine');
    expect(document.activeElement).toBe(field('Name'));
    for (const kind of ['pid', 'net', 'ipc', 'uts', 'mnt', 'cgroup']) expect(sharingOf(kind)).toBe('Isolated');
    expect(sharingOf('user')).toBe('Shared with the host');
    expect(within(preview()).getAllByText('no limit')).toHaveLength(3);
    expect(host.callsTo('containers:plan').at(-1)).toMatchObject({ spec: { image: 'nginx:1.27-alpine', start: true, ports: [] } });
    expect(runButton().disabled).toBe(false);
  });

  it('changes the preview’s namespace rows, limits and line as the form changes', async () => {
    renderDialog();
    await commandLine('docker run -d nginx:1.27-alpine');
    await choose('Process IDs (PID)', 'The host’s (sees every process)');
    await waitFor(() => expect(sharingOf('pid')).toBe('Shared with the host'));
    await choose('Network', 'Another container’s…');
    await choose('Join the network of', 'shop-web-1');
    await waitFor(() => expect(sharingOf('net')).toBe('Shared with shop-web-1'));
    type('Memory limit', '64m');
    type('Memory + swap', '128m');
    type('CPUs', '0.5');
    type('Process limit', '100');
    await commandLine('docker run -d --network container:shop-web-1 --pid host --memory 64m --memory-swap 128m --cpus 0.5 --pids-limit 100 nginx:1.27-alpine');
    const limits = within(preview());
    expect(limits.getByText('limit 64 MiB')).toBeTruthy();
    expect(limits.getByText('limit 0.5 cores')).toBeTruthy();
    expect(limits.getByText('limit 100')).toBeTruthy();
    expect(limits.getByText(/Memory \+ swap: 128 MiB\./)).toBeTruthy();
  });

  it('publishes on 127.0.0.1 by default and quotes the line so a shell reads it back', async () => {
    renderDialog();
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Add port' }));
    expect(field('Host IP 1').value).toBe('127.0.0.1');
    type('Host port 1', '8081');
    type('Container port 1', '80');
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Add variable' }));
    type('Variable 1', "GREETING=it's a test");
    type('Command', `sh -c "echo hi; sleep 60"`);
    await commandLine(`docker run -d -p 127.0.0.1:8081:80 -e 'GREETING=it'\\''s a test' nginx:1.27-alpine sh -c 'echo hi; sleep 60'`);
  });

  it('mounts volumes and host folders read-only when asked, and joins a user network from the engine’s list', async () => {
    renderDialog();
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Add volume' }));
    type('Source 1', 'relative/dir');
    type('Target 1', '/data');
    expect(await within(dialog()).findByText(/"relative\/dir" is a relative path/)).toBeTruthy();
    type('Source 1', '/srv/site');
    fireEvent.click(within(dialog()).getByRole('checkbox', { name: 'Read-only 1' }));
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Add volume' }));
    type('Source 2', 'cache');
    type('Target 2', '/var/cache/nginx');
    await choose('Network', 'Its own, on shop_default');
    await commandLine('docker run -d --network shop_default -v /srv/site:/data:ro -v cache:/var/cache/nginx nginx:1.27-alpine');
    expect(sharingOf('net')).toBe('Isolated');
  });

  it('copies the docker run line', async () => {
    const writeText = vi.fn((text: string) => Promise.resolve(void text));
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    renderDialog();
    type('Name', 'web-copy');
    await commandLine('docker run -d --name web-copy nginx:1.27-alpine');
    fireEvent.click(within(preview()).getByRole('button', { name: 'Copy the docker run command' }));
    expect(await within(preview()).findByText('Copied')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith('docker run -d --name web-copy nginx:1.27-alpine');
  });

  it('shows a malformed size, port or variable next to its field at once, asks the host nothing for it, and disables Run', async () => {
    const { host } = renderDialog();
    await commandLine('docker run -d nginx:1.27-alpine');
    const plans = host.callsTo('containers:plan').length;
    type('Memory limit', '64x');
    expect(field('Memory limit').getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog()).getByText(/"64x" is not a size/)).toBeTruthy();
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Add port' }));
    type('Container port 1', '80/xyz');
    expect(field('Container port 1').getAttribute('aria-invalid')).toBe('true');
    expect(field('Host port 1').getAttribute('aria-describedby')).toBeTruthy();
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Add variable' }));
    type('Variable 1', 'NOEQUALS');
    expect(within(dialog()).getByText('"NOEQUALS" has no "=": write NAME=value.')).toBeTruthy();
    expect(runButton().disabled).toBe(true);
    expect(within(preview()).getByText('Showing the last valid form: fix the marked fields to update it.')).toBeTruthy();
    expect(host.callsTo('containers:plan')).toHaveLength(plans);
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Remove variable 1' }));
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Remove port 1' }));
    type('Memory limit', '64m');
    await waitFor(() => expect(runButton().disabled).toBe(false));
    expect(within(dialog()).queryByText(/is not a size/)).toBeNull();
  });

  it('shows the host’s problems next to their fields: a port already published, a name in use, an image it does not have', async () => {
    renderDialog();
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Add port' }));
    type('Host port 1', '8080');
    type('Container port 1', '80');
    expect(await within(dialog()).findByText('Host port 8080 is already published by container shop-web-1.')).toBeTruthy();
    expect(field('Host port 1').getAttribute('aria-invalid')).toBe('true');
    expect(runButton().disabled).toBe(true);
    expect(within(dialog()).getByText('One problem stops the run: see the fields in red.')).toBeTruthy();
    type('Name', 'shop-web-1');
    expect(await within(dialog()).findByText(/The name "shop-web-1" is already in use/)).toBeTruthy();
    expect(within(dialog()).getByText('2 problems stop the run: see the fields in red.')).toBeTruthy();
    type('Host port 1', '8081');
    type('Name', 'web-2');
    await waitFor(() => expect(runButton().disabled).toBe(false));
    fireEvent.change(within(dialog()).getByRole('combobox', { name: 'Image' }), { target: { value: 'redis:7' } });
    expect(await within(dialog()).findByText('No such image: redis:7. Pull it first; a run does not pull.')).toBeTruthy();
    expect(runButton().disabled).toBe(true);
  });

  it('runs: sends the spec, shows progress, closes and opens the new container’s page', async () => {
    const host = new FakeLightdock();
    const { onClose } = renderDialog('nginx:1.27-alpine', host);
    type('Name', 'web-test');
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Add port' }));
    type('Host port 1', '8081');
    type('Container port 1', '80');
    await commandLine('docker run -d --name web-test -p 127.0.0.1:8081:80 nginx:1.27-alpine');
    const release = host.hold('containers:run');
    fireEvent.click(runButton());
    expect(await within(dialog()).findByRole('progressbar', { name: 'Creating and starting the container' })).toBeTruthy();
    expect(runButton().disabled).toBe(true);
    expect((within(dialog()).getByRole('button', { name: 'Cancel' }) as HTMLButtonElement).disabled).toBe(true);
    release();
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const created = host.run.created[0];
    expect(created?.name).toBe('web-test');
    expect(window.location.hash).toBe(`#/container/${created?.id ?? ''}`);
    expect(host.callsTo('containers:run')).toEqual([
      { spec: expect.objectContaining({ name: 'web-test', ports: [{ hostIp: '127.0.0.1', hostPort: 8081, containerPort: 80, protocol: 'tcp' }], start: true }) },
    ]);
  });

  it('creates without starting when asked: the button and the line say create', async () => {
    const host = new FakeLightdock();
    const { onClose } = renderDialog('postgres:16', host);
    fireEvent.click(within(dialog()).getByRole('checkbox', { name: 'Create only (don’t start)' }));
    await commandLine('docker create postgres:16');
    fireEvent.click(runButton('Create'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(host.run.created[0]?.state).toBe('created');
  });

  it('shows a problem the host only warns about as a note that does not stop the run', async () => {
    renderDialog();
    fireEvent.click(within(dialog()).getByRole('checkbox', { name: 'Create only (don’t start)' }));
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Add port' }));
    type('Host port 1', '8080');
    type('Container port 1', '80');
    expect(await within(dialog()).findByText('Note: Host port 8080 is already published by container shop-web-1. Starting this one will fail while it runs.')).toBeTruthy();
    expect(field('Host port 1').getAttribute('aria-invalid')).toBe('false');
    expect(runButton('Create').disabled).toBe(false);
  });

  it('keeps the dialog open with the engine’s problem next to its field when the run fails, creating nothing', async () => {
    const host = new FakeLightdock();
    const { onClose } = renderDialog('nginx:1.27-alpine', host);
    type('Name', 'late-clash');
    await commandLine('docker run -d --name late-clash nginx:1.27-alpine');
    host.failWith('containers:run', {
      code: 'CONFLICT',
      message: 'Conflict. The container name "/late-clash" is already in use.',
      details: { problems: [{ field: 'name', message: 'The name "late-clash" was taken a moment ago.', blocking: true }] },
    });
    fireEvent.click(runButton());
    expect(await within(dialog()).findByText('The name "late-clash" was taken a moment ago.')).toBeTruthy();
    expect(field('Name').getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog()).getByText('Nothing was created: see the fields in red.')).toBeTruthy();
    expect(runButton().disabled).toBe(true);
    expect(onClose).not.toHaveBeenCalled();
    expect(host.run.created).toEqual([]);
    type('Name', 'late-clash-2');
    await waitFor(() => expect(runButton().disabled).toBe(false));
    expect(within(dialog()).queryByText('The name "late-clash" was taken a moment ago.')).toBeNull();
  });

  it('says why when the run fails without field problems', async () => {
    const host = new FakeLightdock();
    host.failWith('containers:run', { code: 'UNAVAILABLE', message: 'The engine is not connected.' });
    renderDialog('nginx:1.27-alpine', host);
    await commandLine('docker run -d nginx:1.27-alpine');
    fireEvent.click(runButton());
    expect(await within(dialog()).findByText('Nothing was created: The engine is not connected. (UNAVAILABLE)')).toBeTruthy();
    expect(runButton().disabled).toBe(false);
  });

  it('starts empty from the Containers page: no preview and Run disabled until an image is chosen from the engine’s list', async () => {
    renderDialog(null);
    expect(within(preview()).getByText(/Choose an image/)).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog()).getByRole('combobox', { name: 'Image' }));
    expect(runButton().disabled).toBe(true);
    const image = within(dialog()).getByRole('combobox', { name: 'Image' });
    fireEvent.mouseDown(image);
    fireEvent.change(image, { target: { value: 'post' } });
    fireEvent.click(await screen.findByRole('option', { name: 'postgres:16' }));
    await commandLine('docker run -d postgres:16');
    expect(runButton().disabled).toBe(false);
  });

  it('asks for max retries only with the on-failure policy, and puts them in the line', async () => {
    renderDialog();
    expect(within(dialog()).queryByRole('textbox', { name: 'Maximum retries' })).toBeNull();
    await choose('Restart', 'On failure');
    type('Maximum retries', '5');
    await commandLine('docker run -d --restart on-failure:5 nginx:1.27-alpine');
  });

  it('fills a small window: the dialog takes the whole screen', async () => {
    restoreWidth = pretendWindowWidth(500);
    renderDialog();
    await commandLine('docker run -d nginx:1.27-alpine');
    expect(dialog().className).toContain('MuiDialog-paperFullScreen');
  });

  it('opens from the Run button with the row’s image and closes on Cancel without running anything', async () => {
    const host = new FakeLightdock();
    renderWithHost(<RunContainerButton image="postgres:16" />, host);
    fireEvent.click(screen.getByRole('button', { name: 'Run a container from postgres:16' }));
    await commandLine('docker run -d postgres:16');
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(host.callsTo('containers:run')).toEqual([]);
  });
});
