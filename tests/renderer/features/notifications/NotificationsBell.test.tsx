import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { NotificationsBell } from '../../../../renderer/src/features/notifications/NotificationsBell';
import { FakeLightdock } from '../../fake-lightdock';
import { renderWithHost } from '../../render-with-host';

afterEach(() => {
  cleanup();
  delete window.lightdock;
});

/** The count the badge shows, or '' while it is hidden (MUI keeps the last text in a hidden badge). */
function badgeText(): string {
  const badge = screen.getByTestId('notifications-badge').querySelector('.MuiBadge-badge');
  return badge === null || badge.classList.contains('MuiBadge-invisible') ? '' : (badge.textContent ?? '');
}

describe('the notifications bell', () => {
  it('is named Notifications, opens on an empty state, and shows no count', async () => {
    renderWithHost(<NotificationsBell />);
    const bell = screen.getByRole('button', { name: 'Notifications' });
    await waitFor(() => expect(bell.getAttribute('aria-describedby')).not.toBeNull());
    expect(document.getElementById(bell.getAttribute('aria-describedby')!)?.textContent).toBe('0 unread');
    fireEvent.click(bell);
    const panel = await screen.findByRole('dialog', { name: 'Notifications' });
    expect(await within(panel).findByText(/No notifications/)).toBeTruthy();
    expect(within(panel).getByRole('button', { name: 'Mark all read' }).hasAttribute('disabled')).toBe(true);
    expect(within(panel).getByRole('button', { name: 'Clear' }).hasAttribute('disabled')).toBe(true);
  });

  it('counts unread notifications as they are pushed, lists them newest first, marks all read and clears', async () => {
    const host = new FakeLightdock();
    renderWithHost(<NotificationsBell />, host);
    await waitFor(() => expect(host.listenerCount('notifications:changed')).toBe(1));
    act(() => {
      host.notifications.add('web exited with code 1', 'The container web (nginx) stopped with exit code 1.');
      host.notifications.add('The Docker engine stopped unexpectedly', 'Lost the connection.', 'engine-stopped');
    });
    await waitFor(() => expect(badgeText()).toBe('2'));
    fireEvent.click(screen.getByRole('button', { name: 'Notifications' }));
    const panel = await screen.findByRole('dialog', { name: 'Notifications' });
    const items = within(panel).getAllByRole('listitem');
    expect(items.map((item) => item.getAttribute('aria-label'))).toEqual(['Unread: The Docker engine stopped unexpectedly', 'Unread: web exited with code 1']);
    fireEvent.click(within(panel).getByRole('button', { name: 'Mark all read' }));
    await waitFor(() => expect(within(panel).getAllByRole('listitem').map((item) => item.getAttribute('aria-label'))).toEqual(['The Docker engine stopped unexpectedly', 'web exited with code 1']));
    expect(host.callsTo('notifications:mark-read')).toEqual([{}]);
    await waitFor(() => expect(badgeText()).toBe(''));
    fireEvent.click(within(panel).getByRole('button', { name: 'Clear' }));
    expect(await within(panel).findByText(/No notifications/)).toBeTruthy();
    expect(host.callsTo('notifications:clear')).toEqual([{}]);
  });

  it('says so when the list cannot be loaded, and loads it on Retry', async () => {
    const host = new FakeLightdock();
    host.failWith('notifications:list', { code: 'UNAVAILABLE', message: 'The host is busy.' });
    renderWithHost(<NotificationsBell />, host);
    fireEvent.click(screen.getByRole('button', { name: 'Notifications' }));
    const panel = await screen.findByRole('dialog', { name: 'Notifications' });
    expect((await within(panel).findByRole('alert')).textContent).toMatch(/Could not load the notifications: The host is busy/);
    host.recover('notifications:list');
    fireEvent.click(within(panel).getByRole('button', { name: 'Retry' }));
    expect(await within(panel).findByText(/No notifications/)).toBeTruthy();
  });
});
