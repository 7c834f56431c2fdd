import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

function row(page: Page, name: string) {
  return page.getByRole('table', { name: 'Containers' }).getByRole('row').filter({ has: page.getByRole('link', { name: `Open ${name}`, exact: true }) });
}

test.describe('Containers in the browser host (simulated engine)', () => {
  test('lists the seeded containers by Compose project, with live stats and a 127.0.0.1 port link', async ({ page, lightdock }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${lightdock.url}#/containers`);
    await expect(page.getByRole('heading', { name: 'Containers' })).toBeVisible();
    await expect(page.getByRole('banner').getByText('Engine: simulated')).toBeVisible();
    for (const name of ['shop-web-1', 'shop-api-1', 'shop-db-1', 'monitor', 'sidecar']) await expect(row(page, name)).toContainText('running');
    await expect(row(page, 'redis')).toContainText('exited');
    await expect(row(page, 'shop-web-1')).toContainText('shop');
    const links = page.getByRole('table', { name: 'Containers' }).getByRole('link', { name: /^Open (?!http)/ });
    await page.getByRole('combobox', { name: 'State' }).selectOption({ label: 'exited' });
    await expect(links).toHaveCount(1);
    await expect(row(page, 'redis')).toBeVisible();
    await page.getByRole('combobox', { name: 'State' }).selectOption({ label: 'All states' });
    await page.getByRole('searchbox', { name: 'Search containers' }).fill('side');
    await expect(links).toHaveCount(1);
    await expect(row(page, 'sidecar')).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search containers' }).fill('');
    await page.getByRole('group', { name: 'Compose projects' }).getByRole('button', { name: 'shop (3)' }).click();
    await expect(links).toHaveCount(3);
    const port = row(page, 'shop-web-1').getByRole('link', { name: /Open http:\/\/127\.0\.0\.1:\d+\// });
    await expect(port).toHaveAttribute('href', /^http:\/\/127\.0\.0\.1:\d+\/$/);
    await expect(port).toHaveAttribute('target', '_blank');
    await expect(port).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(row(page, 'shop-db-1')).toContainText(/\d+\.\d%/);
    await expect(row(page, 'shop-db-1')).toContainText(/\d+(\.\d+)? (KiB|MiB|GiB)/);
    expect(errors).toEqual([]);
  });

  test('a bulk stop in one window shows in another without a reload', async ({ page, lightdock, context }) => {
    await page.goto(`${lightdock.url}#/containers`);
    const other = await context.newPage();
    await other.goto(`${lightdock.url}#/containers`);
    await expect(row(other, 'shop-api-1')).toContainText('running');
    await page.bringToFront();
    await row(page, 'shop-api-1').getByRole('checkbox').check();
    await row(page, 'monitor').getByRole('checkbox').check();
    await page.getByRole('toolbar', { name: 'Bulk actions' }).getByRole('button', { name: 'Stop selected' }).click();
    await expect(row(page, 'shop-api-1')).toContainText('exited');
    await expect(row(page, 'monitor')).toContainText('exited');
    await expect(row(other, 'shop-api-1')).toContainText('exited');
    await expect(page.getByRole('alert')).toContainText('Stopped');
  });

  test('removing asks first, says what is lost, and the container goes', async ({ page, lightdock }) => {
    await page.goto(`${lightdock.url}#/containers`);
    await row(page, 'redis').getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Remove selected' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove this container?' });
    await expect(dialog).toContainText('writable layer');
    await dialog.getByRole('button', { name: 'Remove container' }).click();
    await expect(row(page, 'redis')).toHaveCount(0);
  });

  test('the detail page shows shared namespaces, logs, stats and a working terminal', async ({ page, lightdock }) => {
    await page.goto(`${lightdock.url}#/containers`);
    await row(page, 'sidecar').getByRole('link', { name: 'Open sidecar' }).click();
    await expect(page.getByRole('heading', { name: 'sidecar', level: 2 })).toBeVisible();
    const namespaces = page.getByRole('table', { name: 'Namespaces' });
    await expect(namespaces.getByRole('row').filter({ hasText: 'net' }).first()).toContainText('Shared with shop-web-1');

    await page.goto(`${lightdock.url}#/container/monitor`);
    await expect(page.getByRole('table', { name: 'Namespaces' }).getByRole('row').filter({ hasText: 'Process IDs' })).toContainText(
      'Shared with the host',
    );

    await page.goto(`${lightdock.url}#/container/shop-web-1`);
    await page.getByRole('tab', { name: 'Logs' }).click();
    const log = page.getByRole('log', { name: 'Log of shop-web-1' });
    await expect(log).not.toBeEmpty();
    await expect(page.getByText(/^\d+ lines$/)).toBeVisible();

    await page.getByRole('tab', { name: 'Stats' }).click();
    await expect(page.getByRole('figure', { name: 'CPU %' })).toBeVisible({ timeout: 10_000 });
    await expect(page.getByRole('figure', { name: 'Memory (MiB)' })).toBeVisible();

    await page.getByRole('tab', { name: 'Terminal' }).click();
    await expect(page.getByText(/Connected: a shell inside shop-web-1/)).toBeVisible();
    await page.getByRole('region', { name: 'Terminal of shop-web-1' }).click();
    await page.keyboard.type('echo lightdock-e2e\n');
    await expect(page.getByRole('region', { name: 'Terminal of shop-web-1' })).toContainText('lightdock-e2e', { timeout: 10_000 });
  });

  test('images prune says what goes, then what went; volumes and networks are listed', async ({ page, lightdock }) => {
    await page.goto(`${lightdock.url}#/images`);
    await expect(page.getByRole('table', { name: 'Images' })).toBeVisible();
    await page.getByRole('button', { name: 'Prune images…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Prune unused images?' });
    await expect(dialog).toContainText('dangling');
    await dialog.getByRole('button', { name: 'Prune images' }).click();
    await expect(page.getByRole('alert')).toContainText(/Deleted \d+ images? and reclaimed|Nothing to delete/);

    await page.goto(`${lightdock.url}#/volumes`);
    await expect(page.getByRole('table', { name: 'Volumes' })).toContainText('shop_db-data');
    await expect(page.getByRole('table', { name: 'Networks' })).toContainText('shop_default');
  });
});
