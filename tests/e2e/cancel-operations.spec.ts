import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { runLightdock } from '../helpers/run-cli';
import { startHost, stopHost } from './fixtures';

/** Each step of a simulated long operation takes this long, so an export (3 steps) is still running when Cancel is clicked. */
const STEP_MS = '3000';

/** The browser host on a fresh simulated host (setup already seen) whose long operations are slowed down. */
function startSlowHost(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  fs.writeFileSync(path.join(dataDir, 'settings.json'), `${JSON.stringify({ setup: { seen: true } })}\n`);
  return startHost(dataDir, 'ready', 'simulated', false, { LIGHTDOCK_SIMULATED_STEP_MS: STEP_MS });
}

test.describe('Cancelling a long operation in the browser host (simulated host)', () => {
  test('an export cancelled from its dialog says so, leaves no file, and the listing is unchanged', async ({ page }) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lightdock-e2e-cancel-'));
    const cli = (...args: string[]) => runLightdock(args, { PATH: process.env['PATH'], LIGHTDOCK_DATA_DIR: dataDir, LIGHTDOCK_WSL_BACKEND: 'simulated' });
    const { child, url } = await startSlowHost(dataDir);
    try {
      const before = JSON.parse((await cli('distros', 'list', '--json')).stdout) as unknown;
      const file = path.join(dataDir, 'debian-backup.tar');
      await page.goto(`${url}#/distro/Debian`);
      await page.getByRole('button', { name: 'Export…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export Debian' });
      await dialog.getByRole('textbox', { name: 'Export file' }).fill(file);
      await dialog.getByRole('button', { name: 'Export' }).click();
      const cancel = dialog.getByRole('button', { name: 'Cancel export of Debian' });
      await expect(cancel).toBeVisible();
      await expect.poll(() => fs.existsSync(file)).toBe(true);
      await cancel.click();
      await expect(dialog.getByRole('alert')).toHaveText('Cancelled the export of Debian; the partial file was deleted, so nothing was changed.');
      await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
      await expect(dialog).toHaveCount(0);
      const operations = page.getByRole('region', { name: 'Operations' });
      await expect(operations).toContainText('Export of Debian cancelled');
      expect(fs.existsSync(file)).toBe(false);
      expect(JSON.parse((await cli('distros', 'list', '--json')).stdout)).toEqual(before);
    } finally {
      await stopHost(child);
      fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    }
  });
});
