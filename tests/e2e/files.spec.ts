import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** One distro's or container's card on the Files page, by the name in its heading. */
function subject(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true });
}

function entryRow(page: Page, name: string, path: string) {
  return page.getByRole('table', { name: `Directories of ${name}` }).getByRole('row').filter({ has: page.getByText(path, { exact: true }) });
}

test.describe('Files page in the browser host (simulated host and engine)', () => {
  test('flags shop-api-1’s /app bind mount from drive C with how to move it, and not shop-db-1’s volume', async ({ page, lightdock }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${lightdock.url}#/files`);
    await expect(page.getByRole('heading', { name: 'Files', level: 2 })).toBeVisible();
    await expect(page.getByText('Simulated host: the directories and the cost are modelled.')).toBeVisible({ timeout: 10_000 });

    const api = subject(page, 'shop-api-1');
    await expect(api).toContainText('1 directory on a Windows drive');
    const app = entryRow(page, 'shop-api-1', '/app');
    await expect(app).toContainText('Windows drive C: — crosses the 9p boundary');
    await expect(app).toContainText('Bind mount');
    await expect(app).toContainText('/run/desktop/mnt/host/c/Users/dev/source/shop/api');
    const advice = api.getByRole('region', { name: 'How to move /app' });
    await expect(advice).toContainText('crosses the 9p boundary');
    await expect(advice.getByLabel('Commands to move /app', { exact: true })).toContainText(/^cp -a \/mnt\/c\/Users\/dev\/source\/shop\/api \S+$/m);
    await expect(advice.getByRole('button', { name: 'Copy commands to move /app' })).toBeVisible();

    const db = subject(page, 'shop-db-1');
    await expect(db).toContainText('Nothing on a Windows drive');
    const data = entryRow(page, 'shop-db-1', '/var/lib/postgresql/data');
    await expect(data).toContainText('Volume');
    await expect(data).toContainText('Docker volume');
    await expect(data).not.toContainText('crosses the 9p boundary');
    await expect(db.getByRole('region', { name: /^How to move / })).toHaveCount(0);

    await page.getByRole('switch', { name: 'Only show what crosses the boundary' }).or(page.getByRole('checkbox', { name: 'Only show what crosses the boundary' })).check();
    await expect(subject(page, 'shop-db-1')).toHaveCount(0);
    await expect(entryRow(page, 'shop-api-1', '/app')).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('Measure in a running distro gives modelled figures for a Windows drive and for Linux', async ({ page, lightdock }) => {
    expect((await lightdock.cli('distros', 'start', 'Ubuntu-24.04')).code).toBe(0);
    await page.goto(`${lightdock.url}#/files`);
    const cost = page.getByRole('region', { name: 'Cost of crossing the boundary in Ubuntu-24.04' });
    await expect(cost).toContainText('not known yet', { timeout: 10_000 });
    await cost.getByRole('button', { name: 'Measure the boundary in Ubuntu-24.04' }).click();
    await expect(cost).toContainText(/Windows drive is [\d.,]+× slower/, { timeout: 15_000 });
    await expect(cost.getByText('modelled', { exact: true })).toBeVisible();
    const throughput = cost.getByLabel('Throughput in Ubuntu-24.04');
    await expect(throughput).toContainText(/Windows drive\s*read [\d.,]+ MB\/s\s*write [\d.,]+ MB\/s/);
    await expect(throughput).toContainText(/Linux \(ext4\)\s*read [\d.,]+ MB\/s\s*write [\d.,]+ MB\/s/);
    await expect(cost.getByRole('button', { name: 'Measure the boundary in Ubuntu-24.04' })).toBeEnabled();
  });
});
