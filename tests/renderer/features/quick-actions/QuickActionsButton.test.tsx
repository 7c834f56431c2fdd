import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { QuickActionsButton } from '../../../../renderer/src/features/quick-actions/QuickActionsButton';
import { renderWithHost } from '../../render-with-host';

afterEach(() => {
  cleanup();
  delete window.lightdock;
  window.location.hash = '';
});

async function openMenu(): Promise<HTMLElement> {
  fireEvent.click(screen.getByRole('button', { name: 'Quick actions' }));
  return screen.findByRole('menu', { name: 'Quick actions' });
}

describe('QuickActionsButton', { timeout: 20_000 }, () => {
  it('renders the menu model: nested distros, a disabled item with its reason, and a request on click', async () => {
    const { host } = renderWithHost(<QuickActionsButton />);
    const menu = await openMenu();
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Distros' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Debian (Running)' }));
    const debian = await screen.findByRole('menu', { name: 'Debian (Running)' });

    const start = within(debian).getByRole('menuitem', { name: 'Start Debian' });
    expect(start.getAttribute('aria-disabled')).toBe('true');
    fireEvent.mouseOver(start);
    expect((await screen.findByRole('tooltip')).textContent).toBe('Debian is already running.');
    fireEvent.click(start);
    expect(host.callsTo('distros:start')).toEqual([]);

    fireEvent.click(within(debian).getByRole('menuitem', { name: 'Terminate Debian' }));
    await waitFor(() => expect(host.callsTo('distros:terminate')).toEqual([{ name: 'Debian' }]));
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
  });

  it('follows the engine lifecycle push, and a failed action says so in one sentence', async () => {
    const { host } = renderWithHost(<QuickActionsButton />);
    const menu = await openMenu();
    expect(await within(menu).findByRole('menuitem', { name: 'Stop the Docker engine' })).toBeTruthy();
    act(() => host.emit('engine:lifecycle-changed', { state: 'stopped', manageable: true, reason: null, message: null, since: 1 }));
    const startItem = await within(menu).findByRole('menuitem', { name: 'Start the Docker engine' });
    host.failWith('engine:start', { code: 'CONFLICT', message: 'The Docker engine is already starting; wait until it finishes.' });
    fireEvent.click(startItem);
    expect((await screen.findByRole('alert')).textContent).toBe('Start the Docker engine: The Docker engine is already starting; wait until it finishes. (CONFLICT)');
    expect(host.callsTo('engine:start')).toEqual([{}]);
  });

  it('navigates for Check setup… and Settings…', async () => {
    renderWithHost(<QuickActionsButton />);
    fireEvent.click(within(await openMenu()).getByRole('menuitem', { name: 'Check setup…' }));
    await waitFor(() => expect(window.location.hash).toBe('#/setup'));
    fireEvent.click(within(await openMenu()).getByRole('menuitem', { name: 'Settings…' }));
    await waitFor(() => expect(window.location.hash).toBe('#/settings'));
  });
});
