import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { SettingsPage } from '../../../../renderer/src/pages/SettingsPage';
import { FakeLightdock } from '../../fake-lightdock';
import { renderWithHost } from '../../render-with-host';

afterEach(() => {
  cleanup();
  delete window.lightdock;
});

/** The contexts table, also while a modal dialog hides the page from the accessibility tree. */
function contextsTable(): HTMLElement {
  return screen.getByRole('table', { name: 'Docker contexts', hidden: true });
}

function contextRow(name: string): HTMLElement {
  const row = within(contextsTable()).getByText(name, { exact: true }).closest<HTMLElement>('tr');
  if (row === null) throw new Error(`no row for ${name}`);
  return row;
}

function type(label: string, value: string): void {
  fireEvent.change(screen.getByRole('textbox', { name: label }), { target: { value } });
}

async function openCreateDialog(): Promise<HTMLElement> {
  fireEvent.click(await screen.findByRole('button', { name: 'Create context' }));
  return screen.findByRole('dialog', { name: 'Create Docker context' });
}

describe('Settings → Docker engine', { timeout: 20_000 }, () => {
  it('lists the Docker contexts with the current one marked, and says which engine is in use', async () => {
    renderWithHost(<SettingsPage />);
    await screen.findByRole('table', { name: 'Docker contexts' });
    expect(screen.getByRole('heading', { name: 'Docker engine' })).toBeTruthy();
    expect(within(contextRow('default')).getByText('Current')).toBeTruthy();
    expect(within(contextRow('build-box')).getByText('ssh://dev@build-box')).toBeTruthy();
    expect(within(contextRow('build-box')).getByText('Team build server')).toBeTruthy();
    expect(screen.getByText(/Lightdock uses its simulated engine/)).toBeTruthy();
  });

  it('probes every context: connected with its version, unreachable with the sentence written out', async () => {
    const host = new FakeLightdock();
    renderWithHost(<SettingsPage />, host);
    await screen.findByRole('table', { name: 'Docker contexts' });
    expect(await within(contextRow('default')).findByText('Connected · Docker 27.5.1')).toBeTruthy();
    expect(await within(contextRow('build-box')).findByText('Unreachable')).toBeTruthy();
    expect(within(contextRow('build-box')).getByText(/ssh could not reach build-box \(Connection refused\)/)).toBeTruthy();
    expect(host.callsTo('engine:probe-context')).toEqual([{ name: 'default' }, { name: 'build-box' }]);
  });

  it('shows a spinner per row while probing, at most four probes at once', async () => {
    const host = new FakeLightdock();
    for (const name of ['a1', 'a2', 'a3', 'a4', 'a5']) host.engine.contexts.push({ name, endpoint: `tcp://127.0.0.1:1${name.slice(1)}`, description: null, current: false });
    const release = host.hold('engine:probe-context');
    renderWithHost(<SettingsPage />, host);
    expect(await screen.findByRole('progressbar', { name: 'Checking build-box…' })).toBeTruthy();
    expect(screen.getAllByRole('progressbar', { name: /^Checking / })).toHaveLength(7);
    expect(host.callsTo('engine:probe-context')).toHaveLength(4);
    expect(screen.getByRole('button', { name: 'Refresh status' }).hasAttribute('disabled')).toBe(true);
    release();
    await waitFor(() => expect(screen.queryAllByRole('progressbar', { name: /^Checking / })).toHaveLength(0));
    expect(host.callsTo('engine:probe-context')).toHaveLength(7);
    expect(within(contextRow('a5')).getByText('Connected · Docker 27.5.1')).toBeTruthy();
  });

  it('lists and probes again on Refresh status, and says when a probe itself fails', async () => {
    const host = new FakeLightdock();
    renderWithHost(<SettingsPage />, host);
    await screen.findByRole('table', { name: 'Docker contexts' });
    expect(await within(contextRow('build-box')).findByText('Unreachable')).toBeTruthy();
    host.engine.probes = {};
    host.engine.contexts.push({ name: 'made-by-cli', endpoint: 'tcp://127.0.0.1:2375', description: null, current: false });
    fireEvent.click(screen.getByRole('button', { name: 'Refresh status' }));
    expect(await within(contextRow('build-box')).findByText('Connected · Docker 27.5.1')).toBeTruthy();
    expect(await within(contextRow('made-by-cli')).findByText('Connected · Docker 27.5.1')).toBeTruthy();
    host.failWith('engine:probe-context', { code: 'UNAVAILABLE', message: 'Probing context build-box is not built yet.' });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Refresh status' }).hasAttribute('disabled')).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Refresh status' }));
    expect(await within(contextRow('build-box')).findByText('Status unknown')).toBeTruthy();
    expect(within(contextRow('build-box')).getByText('Could not check it: Probing context build-box is not built yet. (UNAVAILABLE)')).toBeTruthy();
    expect(host.callsTo('engine:probe-context')).toHaveLength(8);
  });

  it('switches to another context, then shows it current and the engine connected there', async () => {
    const host = new FakeLightdock();
    renderWithHost(<SettingsPage />, host);
    await screen.findByRole('table', { name: 'Docker contexts' });
    fireEvent.click(screen.getByRole('button', { name: 'Use context build-box' }));
    await waitFor(() => expect(within(contextRow('build-box')).getByText('Current')).toBeTruthy());
    expect(host.callsTo('engine:use-context')).toEqual([{ name: 'build-box' }]);
    expect(within(contextRow('default')).getByRole('button', { name: 'Use context default' })).toBeTruthy();
    expect(screen.getByText('Connected to Docker 27.3.1 at ssh://dev@build-box (context build-box).')).toBeTruthy();
  });

  it('says why a switch was refused, and changes nothing', async () => {
    const host = new FakeLightdock();
    host.failWith('engine:use-context', { code: 'CONFLICT', message: 'DOCKER_HOST is set (tcp://10.0.0.5:2376) and overrides the Docker context; unset it to switch contexts.' });
    renderWithHost(<SettingsPage />, host);
    await screen.findByRole('table', { name: 'Docker contexts' });
    fireEvent.click(screen.getByRole('button', { name: 'Use context build-box' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('DOCKER_HOST is set (tcp://10.0.0.5:2376)');
    expect(alert.textContent).toContain('(CONFLICT)');
    expect(within(contextRow('default')).getByText('Current')).toBeTruthy();
  });

  it('shows a load error with Retry', async () => {
    const host = new FakeLightdock();
    host.failWith('engine:contexts', { code: 'INTERNAL', message: 'config.json is not valid JSON.' });
    renderWithHost(<SettingsPage />, host);
    const alert = await screen.findByText(/Could not list the Docker contexts: config.json is not valid JSON/);
    host.recover('engine:contexts');
    fireEvent.click(within(alert.closest<HTMLElement>('[role="alert"]') ?? document.body).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('table', { name: 'Docker contexts' })).toBeTruthy();
  });

  it('says so when there is no context at all', async () => {
    const host = new FakeLightdock();
    host.engine.contexts = [];
    renderWithHost(<SettingsPage />, host);
    expect(await screen.findByText(/No Docker contexts/)).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Docker contexts' })).toBeNull();
  });

  it('creates an ssh:// context, then lists it and probes it', async () => {
    const host = new FakeLightdock();
    renderWithHost(<SettingsPage />, host);
    const dialog = await openCreateDialog();
    type('Name', 'lab');
    type('Host', 'ssh://root@127.0.0.1:2222');
    type('Description', 'The lab VM');
    expect(within(dialog).queryByRole('textbox', { name: 'CA certificate' })).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Create Docker context' })).toBeNull());
    expect(host.callsTo('engine:create-context')).toEqual([{ name: 'lab', host: 'ssh://root@127.0.0.1:2222', description: 'The lab VM' }]);
    expect(await screen.findByText('Created context lab.')).toBeTruthy();
    // The list is fetched again after the create; under load its row can come a moment after the notice.
    const labRow = await waitFor(() => contextRow('lab'));
    expect(await within(labRow).findByText('Connected · Docker 27.5.1')).toBeTruthy();
    expect(host.callsTo('engine:probe-context')).toContainEqual({ name: 'lab' });
  });

  it('checks the host and the name with the contract grammar as they are typed, and sends nothing invalid', async () => {
    const host = new FakeLightdock();
    renderWithHost(<SettingsPage />, host);
    const dialog = await openCreateDialog();
    type('Host', 'http://build-box');
    expect(within(dialog).getByText('Not an ssh:// or tcp:// Docker endpoint (ssh://[user@]host[:port] or tcp://host:port).')).toBeTruthy();
    type('Name', '-bad');
    expect(within(dialog).getByText('Not a Docker context name.')).toBeTruthy();
    type('Name', 'build-box');
    expect(within(dialog).getByText('A context named "build-box" exists already.')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(host.callsTo('engine:create-context')).toEqual([]);
    type('Host', 'ssh://build-box');
    expect(within(dialog).queryByText(/Not an ssh:\/\/ or tcp:\/\//)).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Create Docker context' })).toBeTruthy();
  });

  it('offers TLS files for tcp:// only, wants a key with a certificate, and sends them', async () => {
    const host = new FakeLightdock();
    renderWithHost(<SettingsPage />, host);
    const dialog = await openCreateDialog();
    type('Name', 'tls-box');
    type('Host', 'tcp://127.0.0.1:2376');
    type('CA certificate', 'certs/ca.pem');
    expect(within(dialog).getByText('Not an absolute file path.')).toBeTruthy();
    type('CA certificate', '/certs/ca.pem');
    type('Client certificate', '/certs/cert.pem');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(within(dialog).getByText('Give the key of the client certificate too.')).toBeTruthy();
    type('Client key', '/certs/key.pem');
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Skip TLS verification/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(host.callsTo('engine:create-context')).toHaveLength(1));
    expect(host.callsTo('engine:create-context')[0]).toEqual({
      name: 'tls-box',
      host: 'tcp://127.0.0.1:2376',
      tls: { ca: '/certs/ca.pem', cert: '/certs/cert.pem', key: '/certs/key.pem', skipVerify: true },
    });
  });

  it('offers Browse… for the TLS files where the host has a picker', async () => {
    const host = new FakeLightdock();
    host.info = { ...host.info, canPickPaths: true };
    host.pickedPath = '/home/dev/.docker/tls/ca.pem';
    renderWithHost(<SettingsPage />, host);
    const dialog = await openCreateDialog();
    type('Host', 'tcp://127.0.0.1:2376');
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Browse for CA certificate' }));
    await waitFor(() => expect((within(dialog).getByRole('textbox', { name: 'CA certificate' }) as HTMLInputElement).value).toBe('/home/dev/.docker/tls/ca.pem'));
  });

  it('keeps every input when the service refuses the context, and says why', async () => {
    const host = new FakeLightdock();
    host.failWith('engine:create-context', { code: 'CONFLICT', message: 'Docker context "lab" exists already in /home/dev/.docker.' });
    renderWithHost(<SettingsPage />, host);
    const dialog = await openCreateDialog();
    type('Name', 'lab');
    type('Host', 'tcp://127.0.0.1:2375');
    type('Description', 'Lab engine');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('Docker context "lab" exists already in /home/dev/.docker. (CONFLICT)')).toBeTruthy();
    expect((within(dialog).getByRole('textbox', { name: 'Name' }) as HTMLInputElement).value).toBe('lab');
    expect((within(dialog).getByRole('textbox', { name: 'Host' }) as HTMLInputElement).value).toBe('tcp://127.0.0.1:2375');
    expect((within(dialog).getByRole('textbox', { name: 'Description' }) as HTMLInputElement).value).toBe('Lab engine');
    expect(within(contextsTable()).queryByText('lab', { exact: true })).toBeNull();
  });

  it('removes a context after confirmation, and Cancel removes nothing', async () => {
    const host = new FakeLightdock();
    renderWithHost(<SettingsPage />, host);
    await screen.findByRole('table', { name: 'Docker contexts' });
    fireEvent.click(within(contextRow('build-box')).getByRole('button', { name: 'Remove context build-box' }));
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Remove context build-box?' })).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(host.callsTo('engine:remove-context')).toEqual([]);
    fireEvent.click(within(contextRow('build-box')).getByRole('button', { name: 'Remove context build-box' }));
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Remove context build-box?' })).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(within(contextsTable()).queryByText('build-box', { exact: true })).toBeNull());
    expect(host.callsTo('engine:remove-context')).toEqual([{ name: 'build-box' }]);
    expect(screen.getByText('Removed context build-box.')).toBeTruthy();
  });

  it('keeps the confirmation open with the reason when the removal is refused', async () => {
    const host = new FakeLightdock();
    host.failWith('engine:remove-context', { code: 'CONFLICT', message: 'Docker context "build-box" is in use by DOCKER_CONTEXT.' });
    renderWithHost(<SettingsPage />, host);
    await screen.findByRole('table', { name: 'Docker contexts' });
    fireEvent.click(within(contextRow('build-box')).getByRole('button', { name: 'Remove context build-box' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove context build-box?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(await within(dialog).findByText('Docker context "build-box" is in use by DOCKER_CONTEXT. (CONFLICT)')).toBeTruthy();
    expect(within(contextRow('build-box')).getByText('ssh://dev@build-box')).toBeTruthy();
  });

  it('does not offer to remove the default context nor the one in use, and says why', async () => {
    const host = new FakeLightdock();
    host.engine.contexts = [
      { name: 'default', endpoint: 'unix:///var/run/docker.sock', description: null, current: false },
      { name: 'build-box', endpoint: 'ssh://dev@build-box', description: null, current: true },
    ];
    renderWithHost(<SettingsPage />, host);
    await screen.findByRole('table', { name: 'Docker contexts' });
    const removeDefault = within(contextRow('default')).getByRole('button', { name: 'Remove context default' });
    const removeCurrent = within(contextRow('build-box')).getByRole('button', { name: 'Remove context build-box' });
    expect(removeDefault.hasAttribute('disabled')).toBe(true);
    expect(removeCurrent.hasAttribute('disabled')).toBe(true);
    const reasonOf = (button: HTMLElement): string | null | undefined => document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent;
    expect(reasonOf(removeDefault)).toBe('The default context is built in and cannot be removed.');
    expect(reasonOf(removeCurrent)).toBe('This context is in use: switch to another one first.');
  });
});
