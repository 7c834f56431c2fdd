import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

function fact(page: Page, list: string, label: string) {
  return page.getByLabel(list, { exact: true }).locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
}

test.describe('Distro detail in the browser host', () => {
  test('opens from the Distros table and follows starts from the page and from the CLI', async ({ page, lightdock }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(lightdock.url);
    await page.getByRole('table', { name: 'Distros' }).getByRole('link', { name: 'Debian' }).click();
    await expect(page).toHaveURL(/#\/distro\/Debian$/);
    await expect(page.getByRole('heading', { name: 'Debian' })).toBeVisible();
    await expect(fact(page, 'Distro details', 'IP address')).toHaveText('Shown while the distro runs');
    await page.getByRole('toolbar', { name: 'Actions for Debian' }).getByRole('button', { name: 'Start' }).click();
    await expect(fact(page, 'Distro details', 'IP address')).toHaveText(/^172\./);
    await expect(page.getByRole('table', { name: 'Mounts' })).toContainText('/mnt/c');
    const shown = JSON.parse((await lightdock.cli('distros', 'show', 'Debian', '--json')).stdout) as { ip: string; disk: { fileSizeBytes: number } };
    await expect(fact(page, 'Distro details', 'IP address')).toHaveText(shown.ip);

    await page.goto(`${lightdock.url}#/distro/docker-desktop`);
    await expect(fact(page, 'Distro details', 'IP address')).toHaveText('Shown while the distro runs');
    expect((await lightdock.cli('distros', 'start', 'docker-desktop')).code).toBe(0);
    await expect(fact(page, 'Distro details', 'IP address')).toHaveText(/^172\./);
    expect(errors).toEqual([]);
  });

  test('exports to a file with progress, compacts, and unregisters after the typed confirmation', async ({ page, lightdock }) => {
    const file = path.join(lightdock.dataDir, 'debian-backup.tar');
    await page.goto(`${lightdock.url}#/distro/Debian`);
    await page.getByRole('button', { name: 'Export…' }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Export Debian' });
    await exportDialog.getByRole('textbox', { name: 'Export file' }).fill('relative.tar');
    await expect(exportDialog.getByRole('button', { name: 'Export' })).toBeDisabled();
    await exportDialog.getByRole('textbox', { name: 'Export file' }).fill(file);
    await exportDialog.getByRole('button', { name: 'Export' }).click();
    await expect(exportDialog).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Operations' })).toContainText('Exported Debian');
    expect(fs.existsSync(file)).toBe(true);

    const before = (JSON.parse((await lightdock.cli('distros', 'show', 'Debian', '--json')).stdout) as { disk: { fileSizeBytes: number } }).disk.fileSizeBytes;
    await page.getByRole('button', { name: 'Compact disk' }).click();
    await expect(fact(page, 'Disk figures', 'Compacting returns')).toHaveText('Nothing');
    const after = (JSON.parse((await lightdock.cli('distros', 'show', 'Debian', '--json')).stdout) as { disk: { fileSizeBytes: number } }).disk.fileSizeBytes;
    expect(after).toBeLessThan(before);

    await page.getByRole('button', { name: 'Unregister…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Unregister Debian?' });
    await expect(dialog).toContainText('It cannot be undone');
    await dialog.getByRole('textbox', { name: 'Type Debian to confirm' }).fill('debian');
    await expect(dialog.getByRole('button', { name: 'Unregister' })).toBeDisabled();
    await dialog.getByRole('textbox', { name: 'Type Debian to confirm' }).fill('Debian');
    await dialog.getByRole('button', { name: 'Unregister' }).click();
    await expect(page.getByText('Debian is no longer installed')).toBeVisible();
    const names = (JSON.parse((await lightdock.cli('distros', 'list', '--json')).stdout) as { name: string }[]).map((d) => d.name);
    expect(names).not.toContain('Debian');
  });

  test('installs a distro from the Distros page and opens it', async ({ page, lightdock }) => {
    await page.goto(lightdock.url);
    await page.getByRole('button', { name: 'Install distro' }).click();
    const dialog = page.getByRole('dialog', { name: 'Install a distro' });
    await dialog.getByRole('radio', { name: 'Kali Linux Rolling (kali-linux)' }).check();
    await dialog.getByRole('button', { name: 'Install' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('table', { name: 'Distros' }).getByRole('link', { name: 'kali-linux' })).toBeVisible();
    await page.getByRole('link', { name: 'Open kali-linux' }).click();
    await expect(page.getByRole('heading', { name: 'kali-linux' })).toBeVisible();
    const names = (JSON.parse((await lightdock.cli('distros', 'list', '--json')).stdout) as { name: string }[]).map((d) => d.name);
    expect(names).toContain('kali-linux');
  });

  test('says when the distro does not exist', async ({ page, lightdock }) => {
    await page.goto(`${lightdock.url}#/distro/Fedora`);
    await expect(page.getByText('No distro named Fedora', { exact: true })).toBeVisible();
    await page.getByRole('link', { name: 'Back to Distros' }).click();
    await expect(page.getByRole('heading', { name: 'Distros' })).toBeVisible();
  });
});
