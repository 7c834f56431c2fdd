import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from '../../../../renderer/src/App';
import { GeneralSettingsSection } from '../../../../renderer/src/features/settings-general/GeneralSettingsSection';
import { connectionStore } from '../../../../renderer/src/ipc/connection-store';
import { FakeLightdock } from '../../fake-lightdock';
import { renderWithHost } from '../../render-with-host';

afterEach(() => {
  cleanup();
  delete window.lightdock;
  connectionStore.set('open');
});

describe('Settings → General', () => {
  it('shows the settings and saves each change at once: theme, window behaviour, notifications per kind', async () => {
    const host = new FakeLightdock();
    renderWithHost(<GeneralSettingsSection />, host);
    const system = await screen.findByRole('button', { name: 'System' });
    expect(system.getAttribute('aria-pressed')).toBe('true');
    expect((screen.getByRole('switch', { name: 'Keep running in the tray when the window is closed' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Dark' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Dark' }).getAttribute('aria-pressed')).toBe('true'));
    fireEvent.click(screen.getByRole('switch', { name: 'Start Lightdock when I log in' }));
    await waitFor(() => expect((screen.getByRole('switch', { name: 'Start Lightdock when I log in' }) as HTMLInputElement).checked).toBe(true));
    fireEvent.click(screen.getByRole('switch', { name: 'The WSL VM is near its memory limit' }));
    await waitFor(() => expect((screen.getByRole('switch', { name: 'The WSL VM is near its memory limit' }) as HTMLInputElement).checked).toBe(false));
    expect(host.callsTo('settings:set-general')).toEqual([{ theme: 'dark' }, { startAtLogin: true }, { notifications: { 'vm-memory': false } }]);
  });

  it('has a switch for memory warnings, on by default, that saves only its own kind', async () => {
    const host = new FakeLightdock();
    renderWithHost(<GeneralSettingsSection />, host);
    const name = 'A container nears its memory limit, the WSL VM swaps or the machine runs low on memory';
    const memory = (await screen.findByRole('switch', { name })) as HTMLInputElement;
    expect(memory.checked).toBe(true);
    expect(screen.getByText('Memory warnings are checked while the Memory page is open.')).toBeTruthy();
    fireEvent.click(memory);
    await waitFor(() => expect((screen.getByRole('switch', { name }) as HTMLInputElement).checked).toBe(false));
    expect((screen.getByRole('switch', { name: 'The WSL VM is near its memory limit' }) as HTMLInputElement).checked).toBe(true);
    expect(host.callsTo('settings:set-general')).toEqual([{ notifications: { 'memory-warning': false } }]);
  });

  it('says when a change was not saved, and keeps showing what is stored', async () => {
    const host = new FakeLightdock();
    host.failWith('settings:set-general', { code: 'INTERNAL', message: 'The settings file could not be written.' });
    renderWithHost(<GeneralSettingsSection />, host);
    fireEvent.click(await screen.findByRole('switch', { name: 'Start hidden (in the tray)' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/The change was not saved: The settings file could not be written/);
    expect((screen.getByRole('switch', { name: 'Start hidden (in the tray)' }) as HTMLInputElement).checked).toBe(false);
  });

  it('says when the settings cannot be loaded', async () => {
    const host = new FakeLightdock();
    host.failWith('settings:general', { code: 'UNAVAILABLE', message: 'The host is busy.' });
    renderWithHost(<GeneralSettingsSection />, host);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Could not load the general settings: The host is busy/);
  });

  it('the app follows the theme setting: light when set to light, dark as soon as the setting changes', async () => {
    const host = new FakeLightdock();
    host.notifications.general = { ...host.notifications.general, theme: 'light' };
    renderWithHost(<App />, host);
    await screen.findByRole('table', { name: 'Distros' });
    await waitFor(() => expect(host.callsTo('settings:general')).toHaveLength(1));
    const background = (): string => getComputedStyle(document.body).backgroundColor;
    await waitFor(() => expect(background()).toBe('rgb(255, 255, 255)'));
    act(() => {
      host.notifications.answer('settings:set-general', { theme: 'dark' });
    });
    await waitFor(() => expect(background()).not.toBe('rgb(255, 255, 255)'));
  });
});
