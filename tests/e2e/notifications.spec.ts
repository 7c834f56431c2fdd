import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

function row(page: Page, name: string) {
  return page.getByRole('table', { name: 'Containers' }).getByRole('row').filter({ has: page.getByRole('link', { name: `Open ${name}`, exact: true }) });
}

/** The count on the bell's badge ('' while hidden). */
async function badgeCount(page: Page): Promise<string> {
  const badge = page.getByTestId('notifications-badge').locator('.MuiBadge-badge');
  return (await badge.evaluate((element) => element.classList.contains('MuiBadge-invisible'))) ? '' : ((await badge.textContent()) ?? '');
}

test.describe('Notifications and Settings → General in the browser host (simulated engine)', () => {
  test('a container stopped with a non-zero exit code shows once on the bell; mark all read and clear', async ({ page, lightdock }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${lightdock.url}#/containers`);
    const bell = page.getByRole('banner').getByRole('button', { name: 'Notifications' });
    await expect(bell).toBeVisible();
    await expect(row(page, 'sidecar')).toContainText('running');
    await expect.poll(() => badgeCount(page)).toBe('');
    // sidecar ignores SIGTERM, so `docker stop` kills it: exit code 137.
    await row(page, 'sidecar').getByRole('checkbox').check();
    await page.getByRole('toolbar', { name: 'Bulk actions' }).getByRole('button', { name: 'Stop selected' }).click();
    await expect(row(page, 'sidecar')).toContainText('exited');
    await expect.poll(() => badgeCount(page)).toBe('1');
    await bell.click();
    const panel = page.getByRole('dialog', { name: 'Notifications' });
    await expect(panel.getByRole('listitem')).toHaveCount(1);
    await expect(panel.getByRole('listitem')).toHaveAccessibleName('Unread: sidecar exited with code 137');
    await expect(panel).toHaveCSS('opacity', '1');
    await page.screenshot({ path: '/tmp/notif-bell-open.png' });
    await panel.getByRole('button', { name: 'Mark all read' }).click();
    await expect(panel.getByRole('listitem')).toHaveAccessibleName('sidecar exited with code 137');
    await expect.poll(() => badgeCount(page)).toBe('');
    await panel.getByRole('button', { name: 'Clear' }).click();
    await expect(panel.getByText(/No notifications/)).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('switching the theme to dark applies at once and stays after a reload', async ({ page, lightdock }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${lightdock.url}#/settings`);
    const general = page.getByRole('region', { name: 'General' });
    await expect(general.getByRole('button', { name: 'System' })).toHaveAttribute('aria-pressed', 'true');
    const background = (): Promise<string> => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(255, 255, 255)');
    await general.getByRole('button', { name: 'Dark' }).click();
    await expect(general.getByRole('button', { name: 'Dark' })).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(background).not.toBe('rgb(255, 255, 255)');
    await page.screenshot({ path: '/tmp/notif-settings-general-dark.png' });
    await page.reload();
    await expect(page.getByRole('region', { name: 'General' }).getByRole('button', { name: 'Dark' })).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(background).not.toBe('rgb(255, 255, 255)');
  });
});
