import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { dockerWithHome } from '../helpers/docker-engine';
import { startHost, stopHost } from './fixtures';
import { freePort } from '../helpers/free-port';

// The browser host over the private test dockerd (DOCKER_HOST=LIGHTDOCK_TEST_DOCKER_HOST, so the default context is
// that engine) with its own DOCKER_CONFIG: a context made in the UI is written there, the docker CLI sees it, and
// its live status is probed in the Settings table and the engine chip's menu.

function contextRow(page: Page, name: string) {
  return page.getByRole('table', { name: 'Docker contexts' }).getByRole('row').filter({ has: page.getByText(name, { exact: true }) });
}

test.describe('Docker contexts in the browser host (real Docker engine)', () => {
  let dataDir = '';
  let configDir = '';
  let host: { child: ChildProcess; url: string } | undefined;

  test.beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lightdock-e2e-contexts-'));
    configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lightdock-e2e-docker-config-'));
    fs.writeFileSync(path.join(dataDir, 'settings.json'), `${JSON.stringify({ setup: { seen: true } })}\n`);
    host = await startHost(dataDir, 'ready', 'docker', null, { DOCKER_CONFIG: configDir });
  });

  test.afterEach(async () => {
    if (host !== undefined) await stopHost(host.child);
    host = undefined;
    for (const dir of [dataDir, configDir]) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  });

  test('a tcp:// context to a closed port is created, listed unreachable with its sentence beside the connected default, and removed', async ({ page }) => {
    test.setTimeout(60_000);
    const port = await freePort();
    const name = `closed-${process.pid}`;
    const cli = (...args: string[]) => dockerWithHome(dataDir, ['--config', configDir, ...args]);
    await page.goto(`${host?.url ?? ''}#/settings`);

    const table = page.getByRole('table', { name: 'Docker contexts' });
    await expect(contextRow(page, 'default')).toContainText(/Connected · Docker \d+\.\d+/, { timeout: 15_000 });

    await page.getByRole('button', { name: 'Create context' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create Docker context' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await dialog.getByRole('textbox', { name: 'Host' }).fill('http://127.0.0.1');
    await expect(dialog.getByText('Not an ssh:// or tcp:// Docker endpoint (ssh://[user@]host[:port] or tcp://host:port).')).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Host' }).fill(`tcp://127.0.0.1:${port}`);
    await expect(dialog.getByRole('textbox', { name: 'CA certificate' })).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Description' }).fill('Nothing listens here');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText(`Created context ${name}.`)).toBeVisible();

    const row = contextRow(page, name);
    await expect(row).toContainText(`tcp://127.0.0.1:${port}`);
    await expect(row.getByText('Unreachable', { exact: true })).toBeVisible({ timeout: 15_000 });
    // The status cell: the chip, then the service's sentence saying why, written out (not only in a tooltip).
    await expect(row.getByRole('cell').nth(2)).toHaveText(/^Unreachable\S.{20,}\.$/);
    await expect(contextRow(page, 'default')).toContainText(/Connected · Docker/);
    expect((await cli('context', 'ls', '--format', '{{.Name}}')).split('\n')).toContain(name);

    await page.getByRole('button', { name: 'Refresh status' }).click();
    await expect(row.getByText('Unreachable', { exact: true })).toBeVisible({ timeout: 15_000 });

    await page.getByRole('button', { name: /^Docker: connected/ }).click();
    const menu = page.getByRole('menu', { name: 'Container engine' });
    const item = menu.getByRole('menuitem', { name: new RegExp(name) });
    await expect(item).toContainText('unreachable', { timeout: 15_000 });
    await expect(menu.getByRole('menuitem', { name: /^default/ })).toContainText('connected');
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);

    await expect(contextRow(page, 'default').getByRole('button', { name: 'Remove context default' })).toBeDisabled();
    await row.getByRole('button', { name: `Remove context ${name}` }).click();
    const confirm = page.getByRole('dialog', { name: `Remove context ${name}?` });
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(table.getByText(name, { exact: true })).toHaveCount(0);
    await expect(page.getByText(`Removed context ${name}.`)).toBeVisible();
    expect((await cli('context', 'ls', '--format', '{{.Name}}')).split('\n')).not.toContain(name);
  });
});
