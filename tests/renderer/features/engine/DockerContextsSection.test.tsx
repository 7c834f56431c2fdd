import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { SettingsPage } from '../../../../renderer/src/pages/SettingsPage';
import { FakeLightdock } from '../../fake-lightdock';
import { renderWithHost } from '../../render-with-host';

afterEach(() => {
  cleanup();
  delete window.lightdock;
});

function contextRow(name: string): HTMLElement {
  const cell = within(screen.getByRole('table', { name: 'Docker contexts' })).getByRole('cell', { name });
  const row = cell.closest<HTMLElement>('tr');
  if (row === null) throw new Error(`no row for ${name}`);
  return row;
}

describe('Settings → Docker engine', { timeout: 20_000 }, () => {
  it('lists the Docker contexts with the current one marked, and says which engine is in use', async () => {
    renderWithHost(<SettingsPage />);
    await screen.findByRole('table', { name: 'Docker contexts' });
    expect(screen.getByRole('heading', { name: 'Docker engine' })).toBeTruthy();
    expect(within(contextRow('default')).getByText('Current')).toBeTruthy();
    expect(within(contextRow('build-box')).getByText('ssh://dev@build-box')).toBeTruthy();
    expect(screen.getByText(/Lightdock uses its simulated engine/)).toBeTruthy();
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
});
