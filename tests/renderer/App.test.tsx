import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../renderer/src/App';
import { connectionStore } from '../../renderer/src/ipc/connection-store';
import { FakeLightdock } from './fake-lightdock';
import { renderWithHost } from './render-with-host';

afterEach(() => {
  cleanup();
  delete window.lightdock;
  connectionStore.set('open');
});

describe('App shell', () => {
  it('shows the title, a navigation starting with Distros (WSL VM and Settings included, no detail pages), and the Distros page', async () => {
    renderWithHost(<App />);
    expect(screen.getByRole('heading', { name: 'Lightdock' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const labels = within(nav).getAllByRole('button').map((item) => item.textContent);
    expect(labels[0]).toBe('Distros');
    expect(labels).toEqual(expect.arrayContaining(['WSL VM', 'Settings']));
    expect(labels).not.toContain('Distro');
    expect(await screen.findByRole('table', { name: 'Distros' })).toBeTruthy();
  });

  it('shows the Simulated chip, with its explanation, when app:info says the host is simulated', async () => {
    renderWithHost(<App />);
    const chip = await screen.findByText('Simulated');
    fireEvent.mouseOver(chip);
    const tooltip = await screen.findByRole('tooltip');
    expect(tooltip.textContent).toMatch(/WSL host is simulated/);
  });

  it('shows no Simulated chip for the real wsl.exe backend', async () => {
    const host = new FakeLightdock();
    host.info = { ...host.info, backend: 'cli', simulated: false, scenario: null };
    renderWithHost(<App />, host);
    await screen.findByRole('table', { name: 'Distros' });
    expect(host.callsTo('app:info')).toHaveLength(1);
    expect(screen.queryByText('Simulated')).toBeNull();
  });

  it('signals ready once, after subscribing to distros:changed and operations:progressed', () => {
    const { host } = renderWithHost(<App />);
    expect(host.readySignals).toHaveLength(1);
    expect(host.readySignals[0]).toEqual(expect.arrayContaining(['distros:changed', 'operations:progressed']));
  });

  it('shows Reconnecting… while the link is down and refetches once it is back', async () => {
    const { host } = renderWithHost(<App />);
    await screen.findByRole('table', { name: 'Distros' });
    const listCalls = host.callsTo('distros:list').length;
    act(() => connectionStore.set('reconnecting'));
    expect(screen.getByText('Reconnecting…')).toBeTruthy();
    host.distros = host.distros.map((distro) => ({ ...distro, state: 'Running' }));
    act(() => connectionStore.set('open'));
    expect(screen.queryByText('Reconnecting…')).toBeNull();
    await waitFor(() => expect(screen.getAllByText('Running')).toHaveLength(3));
    expect(host.callsTo('distros:list')).toHaveLength(listCalls + 1);
  });
});
