import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function openDialog(page: Page, url: string): Promise<Locator> {
  await page.goto(`${url}#/containers`);
  await expect(page.getByRole('heading', { name: 'Containers', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'Run a container…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Run a container' });
  await expect(dialog).toBeVisible();
  return dialog;
}

function namespaceRow(scope: Locator, kind: string): Locator {
  return scope.getByRole('table', { name: 'Namespaces' }).getByRole('row').filter({ has: scope.page().getByRole('rowheader', { name: kind, exact: true }) });
}

/** How many px anything inside `scope` runs past its right edge (0: nothing scrolls sideways). */
function sidewaysOverflow(scope: Locator): Promise<number> {
  return scope.evaluate((root) => Math.max(0, root.scrollWidth - root.clientWidth));
}

test.describe('Run a container (browser host, simulated engine)', () => {
  test('previews the isolation, refuses a published port and a taken name next to their fields, then runs and opens the container', async ({ page, lightdock }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const dialog = await openDialog(page, lightdock.url);
    const preview = dialog.getByRole('region', { name: 'Isolation preview' });

    await dialog.getByRole('combobox', { name: 'Image' }).fill('nginx:1.27-alpine');
    await expect(preview.getByLabel('docker run command', { exact: true })).toHaveText(/^docker run -d .*nginx:1\.27-alpine$/);
    await expect(namespaceRow(preview, 'pid')).toContainText('Isolated');

    await dialog.getByRole('textbox', { name: 'Name' }).fill('shop-web-1');
    await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
    await dialog.getByRole('textbox', { name: 'Name' }).fill('e2e-run-web');

    await dialog.getByRole('button', { name: 'Add port' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Host IP 1' })).toHaveValue('127.0.0.1');
    await dialog.getByRole('textbox', { name: 'Host port 1' }).fill('8080');
    await dialog.getByRole('textbox', { name: 'Container port 1' }).fill('80');
    await expect(dialog.getByRole('textbox', { name: 'Host port 1' })).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByRole('textbox', { name: 'Host port 1' })).toHaveAccessibleDescription(/8080/);
    await expect(dialog.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
    await dialog.getByRole('textbox', { name: 'Host port 1' }).fill('18089');

    await dialog.getByRole('textbox', { name: 'Memory limit' }).fill('64x');
    await expect(dialog.getByRole('textbox', { name: 'Memory limit' })).toHaveAccessibleDescription(/"64x" is not a size/);
    await dialog.getByRole('textbox', { name: 'Memory limit' }).fill('64m');
    await dialog.getByRole('textbox', { name: 'CPUs' }).fill('0.5');
    await dialog.getByRole('combobox', { name: 'Process IDs (PID)' }).click();
    await page.getByRole('option', { name: 'The host’s (sees every process)' }).click();

    await expect(namespaceRow(preview, 'pid')).toContainText('Shared with the host');
    await expect(preview.getByText('limit 64 MiB')).toBeVisible();
    await expect(preview.getByText('limit 0.5 cores')).toBeVisible();
    const line = preview.getByLabel('docker run command', { exact: true });
    await expect(line).toContainText('--name e2e-run-web');
    await expect(line).toContainText('127.0.0.1:18089:80');
    await expect(line).toContainText('--pid host');

    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page).toHaveURL(/#\/container\/[^/]+$/);
    await expect(page.getByRole('main').getByRole('heading', { name: 'e2e-run-web', level: 2 })).toBeVisible();
    await expect(namespaceRow(page.getByRole('main'), 'pid')).toContainText('Shared with the host');
    expect(errors).toEqual([]);
  });

  test('a missing image is refused next to the image field and nothing is created', async ({ page, lightdock }) => {
    const dialog = await openDialog(page, lightdock.url);
    await dialog.getByRole('combobox', { name: 'Image' }).fill('e2e/not-here:1.0');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('e2e-run-missing');
    await expect(dialog.getByRole('combobox', { name: 'Image' })).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    const table = page.getByRole('table', { name: 'Containers' });
    await expect(table.getByRole('link', { name: 'Open shop-web-1', exact: true })).toBeVisible();
    await expect(table.getByRole('link', { name: 'Open e2e-run-missing', exact: true })).toHaveCount(0);
  });

  test('fits and scrolls in a small window: the buttons stay in view and nothing runs sideways', async ({ page, lightdock }) => {
    await page.setViewportSize({ width: 800, height: 560 });
    const dialog = await openDialog(page, lightdock.url);
    await dialog.getByRole('combobox', { name: 'Image' }).fill('busybox:1.36');
    await expect(dialog.getByRole('region', { name: 'Isolation preview' }).getByLabel('docker run command', { exact: true })).toHaveText('docker run -d busybox:1.36');
    for (const button of ['Cancel', 'Run']) {
      const box = await dialog.getByRole('button', { name: button, exact: true }).boundingBox();
      expect(box).not.toBeNull();
      expect((box?.y ?? 1e9) + (box?.height ?? 0)).toBeLessThanOrEqual(560);
      expect((box?.x ?? 1e9) + (box?.width ?? 0)).toBeLessThanOrEqual(800);
    }
    const preview = dialog.getByRole('region', { name: 'Isolation preview' });
    await preview.scrollIntoViewIfNeeded();
    await expect(namespaceRow(preview, 'net')).toBeInViewport();
    expect(await sidewaysOverflow(dialog.locator('.MuiDialogContent-root'))).toBe(0);
  });
});
