import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { SettingsPage } from '../../../renderer/src/pages/SettingsPage';
import { FakeLightdock } from '../fake-lightdock';
import { renderWithHost } from '../render-with-host';

afterEach(() => {
  cleanup();
  delete window.lightdock;
});

function row(key: string): HTMLElement {
  return screen.getByRole('form', { name: key });
}

function runningHost(): FakeLightdock {
  return new FakeLightdock([{ name: 'Ubuntu-24.04', state: 'Running', version: 2, isDefault: true }]);
}

async function renderPage(host = runningHost()): Promise<FakeLightdock> {
  renderWithHost(<SettingsPage />, host);
  await screen.findByRole('form', { name: 'wsl2.memory' });
  return host;
}

describe('SettingsPage', { timeout: 20_000 }, () => {
  it('shows every known setting by section with its value, effective value and default', async () => {
    await renderPage();
    expect(screen.getByRole('heading', { name: 'Settings' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'WSL' })).toBeTruthy();
    expect(screen.getByText('C:\\Users\\dev\\.wslconfig')).toBeTruthy();
    const vm = screen.getByRole('region', { name: /The utility VM/ });
    expect(within(vm).getByRole('form', { name: 'wsl2.memory' })).toBeTruthy();
    expect((within(row('wsl2.memory')).getByRole('textbox', { name: 'memory' }) as HTMLInputElement).value).toBe('8GB');
    expect(within(row('wsl2.memory')).getByText('In effect: 8GB · default: 16GB')).toBeTruthy();
    expect(within(row('wsl2.swap')).getByText('In effect: 2GB · default: 2GB · not set in the file')).toBeTruthy();
    expect(within(row('wsl2.memory')).queryByText('No restart needed')).toBeNull();
    expect(within(row('general.instanceIdleTimeout')).getByText('No restart needed')).toBeTruthy();
    expect(screen.getByRole('region', { name: /Experimental/ })).toBeTruthy();
    expect(screen.queryByText('Restart needed')).toBeNull();
  });

  it('refuses a size WSL would reject, without sending anything', async () => {
    const host = await renderPage();
    const field = within(row('wsl2.memory')).getByRole('textbox', { name: 'memory' });
    fireEvent.change(field, { target: { value: '4gb' } });
    expect(within(row('wsl2.memory')).getByText(/in capitals, for example 8GB/)).toBeTruthy();
    expect((within(row('wsl2.memory')).getByRole('button', { name: 'Save wsl2.memory' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.submit(row('wsl2.memory'));
    expect(host.callsTo('wslconfig:set')).toEqual([]);
  });

  it('saves a valid value, then offers to restart WSL, and the restart clears the banner', async () => {
    const host = await renderPage();
    fireEvent.change(within(row('wsl2.memory')).getByRole('textbox', { name: 'memory' }), { target: { value: '4GB' } });
    fireEvent.click(within(row('wsl2.memory')).getByRole('button', { name: 'Save wsl2.memory' }));
    await waitFor(() => expect(within(row('wsl2.memory')).getByText('In effect: 4GB · default: 16GB')).toBeTruthy());
    expect(host.callsTo('wslconfig:set')).toEqual([{ key: 'wsl2.memory', value: '4GB' }]);
    const banner = screen.getByText('Restart needed').closest('[role="alert"]') as HTMLElement;
    fireEvent.click(within(banner).getByRole('button', { name: 'Restart WSL now' }));
    await waitFor(() => expect(screen.queryByText('Restart needed')).toBeNull());
    expect(host.callsTo('vm:restart')).toEqual([{}]);
  });

  it('needs no restart while the VM is stopped', async () => {
    const host = await renderPage(new FakeLightdock());
    fireEvent.change(within(row('wsl2.swap')).getByRole('textbox', { name: 'swap' }), { target: { value: '0' } });
    fireEvent.submit(row('wsl2.swap'));
    await waitFor(() => expect(host.callsTo('wslconfig:set')).toEqual([{ key: 'wsl2.swap', value: '0' }]));
    await waitFor(() => expect(within(row('wsl2.swap')).getByText('In effect: 0 · default: 2GB')).toBeTruthy());
    expect(screen.queryByText('Restart needed')).toBeNull();
  });

  it('removes a key with Use default', async () => {
    const host = await renderPage();
    fireEvent.click(within(row('wsl2.memory')).getByRole('button', { name: 'Use default for wsl2.memory' }));
    await waitFor(() => expect(within(row('wsl2.memory')).getByText('In effect: 16GB · default: 16GB · not set in the file')).toBeTruthy());
    expect(host.callsTo('wslconfig:set')).toEqual([{ key: 'wsl2.memory', value: null }]);
    expect((within(row('wsl2.memory')).getByRole('button', { name: 'Use default for wsl2.memory' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('sets an enum from its choices', async () => {
    const host = await renderPage();
    fireEvent.mouseDown(within(row('wsl2.networkingMode')).getByRole('combobox', { name: /^networkingMode/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'mirrored' }));
    fireEvent.click(within(row('wsl2.networkingMode')).getByRole('button', { name: 'Save wsl2.networkingMode' }));
    await waitFor(() => expect(host.callsTo('wslconfig:set')).toEqual([{ key: 'wsl2.networkingMode', value: 'mirrored' }]));
  });

  it('shows the host error under the field and keeps what was typed', async () => {
    const host = runningHost();
    host.failWith('wslconfig:set', { code: 'VALIDATION', message: 'The file is read-only.' });
    await renderPage(host);
    const field = within(row('wsl2.processors')).getByRole('textbox', { name: 'processors' }) as HTMLInputElement;
    fireEvent.change(field, { target: { value: '4' } });
    fireEvent.submit(row('wsl2.processors'));
    expect(await within(row('wsl2.processors')).findByText('The file is read-only. (VALIDATION)')).toBeTruthy();
    expect(field.value).toBe('4');
  });

  it('lists the warnings WSL gives about the file, with their lines', async () => {
    const host = runningHost();
    host.wsl.configIssues = [{ line: 3, key: 'wsl2.memroy', message: "Unknown key 'wsl2.memroy'" }];
    await renderPage(host);
    expect(screen.getByText('WSL warns about this file')).toBeTruthy();
    expect(screen.getByText("Line 3: Unknown key 'wsl2.memroy'")).toBeTruthy();
  });

  it('shows the restart banner when the file changed after the VM booted', async () => {
    const host = runningHost();
    host.wsl.restartPending = true;
    await renderPage(host);
    expect(screen.getByText('Restart needed')).toBeTruthy();
  });

  it('reports a failed restart in the banner', async () => {
    const host = runningHost();
    host.wsl.restartPending = true;
    host.failWith('vm:restart', { code: 'TIMEOUT', message: 'The VM did not boot in 30 s.' });
    await renderPage(host);
    fireEvent.click(screen.getByRole('button', { name: 'Restart WSL now' }));
    expect(await screen.findByText('WSL did not restart: The VM did not boot in 30 s. (TIMEOUT)')).toBeTruthy();
  });

  it('shows a loading state, then a load error with Retry', async () => {
    const host = runningHost();
    host.failWith('wslconfig:get', { code: 'INTERNAL', message: 'Could not read the file.' });
    const release = host.hold('wslconfig:get');
    renderWithHost(<SettingsPage />, host);
    expect(screen.getByRole('status', { name: 'Loading .wslconfig' })).toBeTruthy();
    await act(async () => release());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not read .wslconfig: Could not read the file. (INTERNAL)');
    host.recover('wslconfig:get');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('form', { name: 'wsl2.memory' })).toBeTruthy();
  });

  it('gives every control an accessible name', async () => {
    await renderPage();
    for (const role of ['button', 'textbox', 'combobox'] as const) {
      expect(screen.getAllByRole(role).length).toBe(screen.getAllByRole(role, { name: /\S/ }).length);
    }
  });
});
