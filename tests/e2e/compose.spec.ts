import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

function table(page: Page) {
  return page.getByRole('table', { name: 'Containers' });
}

function projectRow(page: Page, project: string) {
  return table(page).getByRole('row').filter({ has: page.getByRole('checkbox', { name: `Select project ${project}`, exact: true }) });
}

async function projectAction(page: Page, project: string, action: string): Promise<void> {
  await projectRow(page, project).getByRole('button', { name: `Project actions ${project}` }).click();
  await page.getByRole('menuitem', { name: `${action} ${project}` }).click();
}

test.describe('Compose projects in the browser host (simulated engine)', () => {
  test('a project goes down and comes back up from its row', async ({ page, lightdock }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${lightdock.url}#/containers`);
    await expect(projectRow(page, 'shop')).toContainText('Compose project · 3 containers · 3 running · /home/dev/shop');

    await projectAction(page, 'shop', 'Down');
    const down = page.getByRole('dialog', { name: 'Compose down shop' });
    await expect(down).toContainText('removes every container of shop');
    await down.getByRole('button', { name: 'Down', exact: true }).click();
    await expect(down.getByText('Done', { exact: true })).toBeVisible();
    await expect(down.getByRole('log', { name: 'Compose output' })).toContainText('Container shop-web-1  Removed');
    await down.getByRole('button', { name: 'Close' }).click();
    await expect(table(page).getByRole('link', { name: 'Open shop-web-1', exact: true })).toHaveCount(0);
    await expect(projectRow(page, 'shop')).toContainText('down, no containers');

    await projectAction(page, 'shop', 'Up');
    const up = page.getByRole('dialog', { name: 'Compose up shop' });
    await expect(up.getByText('Done', { exact: true })).toBeVisible();
    await up.getByRole('button', { name: 'Close' }).click();
    for (const name of ['shop-web-1', 'shop-api-1', 'shop-db-1']) {
      await expect(table(page).getByRole('row').filter({ has: page.getByRole('link', { name: `Open ${name}`, exact: true }) })).toContainText('running');
    }
    await expect(projectRow(page, 'shop')).toContainText('3 containers · 3 running');
    expect(errors).toEqual([]);
  });

  test('logs follow in the dialog until it is closed', async ({ page, lightdock }) => {
    await page.goto(`${lightdock.url}#/containers`);
    await projectAction(page, 'shop', 'Logs');
    const logs = page.getByRole('dialog', { name: 'Compose logs shop' });
    await expect(logs.getByRole('log', { name: 'Compose output' })).toContainText('shop-web-1  | ');
    await expect(logs.getByRole('button', { name: 'Cancel' })).toBeVisible();
    await logs.getByRole('button', { name: 'Close' }).click();
    await expect(logs).toHaveCount(0);
  });

  test('Open a compose file… refuses a path that is not a Compose file', async ({ page, lightdock }) => {
    await page.goto(`${lightdock.url}#/containers`);
    await page.getByRole('button', { name: 'Open a compose file…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open a compose file' });
    await dialog.getByRole('textbox', { name: 'Compose file' }).fill('/tmp/lightdock-e2e-missing/compose.yaml');
    await dialog.getByRole('button', { name: 'Up' }).click();
    await expect(page.getByRole('dialog', { name: 'Compose up /tmp/lightdock-e2e-missing/compose.yaml' })).toContainText('No such file');
  });
});
