import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { docker, TEST_IMAGE } from '../helpers/docker-engine';
import { expect, test } from './fixtures';

// The browser host over the private dockerd (LIGHTDOCK_TEST_DOCKER_HOST) with Debian's docker-compose on PATH.
test.use({ engine: 'docker' });

const project = `ldcomposee2e${process.pid}${Date.now().toString(36)}`;
let folder = '';

function projectRow(page: Page) {
  return page.getByRole('table', { name: 'Containers' }).getByRole('row').filter({ has: page.getByRole('checkbox', { name: `Select project ${project}`, exact: true }) });
}

async function projectAction(page: Page, action: string): Promise<void> {
  await projectRow(page).getByRole('button', { name: `Project actions ${project}` }).click();
  await page.getByRole('menuitem', { name: `${action} ${project}` }).click();
}

async function containersOfProject(): Promise<string[]> {
  return (await docker('ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`)).split('\n').filter((line) => line !== '');
}

test.describe('Compose in the browser host (real Docker engine, docker-compose)', () => {
  test.beforeEach(() => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'lightdock-e2e-compose-'));
    folder = path.join(parent, project);
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'compose.yaml'), `services:\n  web:\n    image: ${TEST_IMAGE}\n    command: ["sh", "-c", "trap 'exit 0' TERM; echo compose-up-ok; while true; do sleep 1; done"]\n`);
  });

  test.afterEach(async () => {
    const left = await containersOfProject();
    if (left.length > 0) await docker('rm', '-f', ...left);
    await docker('network', 'rm', `${project}_default`).catch(() => undefined);
    fs.rmSync(path.dirname(folder), { recursive: true, force: true });
  });

  test('a project opened from its file goes down and comes back up from its row', async ({ page, lightdock }) => {
    test.setTimeout(180_000);
    const file = path.join(folder, 'compose.yaml');
    await page.goto(`${lightdock.url}#/containers`);
    await expect(page.getByText('Docker: connected')).toBeVisible({ timeout: 15_000 });

    await page.getByRole('button', { name: 'Open a compose file…' }).click();
    const open = page.getByRole('dialog', { name: 'Open a compose file' });
    await open.getByRole('textbox', { name: 'Compose file' }).fill(file);
    await open.getByRole('button', { name: 'Up' }).click();
    const up = page.getByRole('dialog', { name: `Compose up ${file}` });
    await expect(up.getByText('Done', { exact: true })).toBeVisible({ timeout: 60_000 });
    await up.getByRole('button', { name: 'Close' }).click();
    await expect(projectRow(page)).toContainText(`1 container · 1 running · ${folder}`, { timeout: 15_000 });

    await projectAction(page, 'Down');
    const down = page.getByRole('dialog', { name: `Compose down ${project}` });
    await down.getByRole('button', { name: 'Down', exact: true }).click();
    await expect(down.getByText('Done', { exact: true })).toBeVisible({ timeout: 60_000 });
    await down.getByRole('button', { name: 'Close' }).click();
    await expect(projectRow(page)).toContainText('down, no containers', { timeout: 15_000 });
    expect(await containersOfProject()).toEqual([]);

    await projectAction(page, 'Up');
    const again = page.getByRole('dialog', { name: `Compose up ${project}` });
    await expect(again.getByText('Done', { exact: true })).toBeVisible({ timeout: 60_000 });
    await again.getByRole('button', { name: 'Close' }).click();
    await expect(projectRow(page)).toContainText('1 container · 1 running', { timeout: 15_000 });
    expect(await containersOfProject()).toHaveLength(1);
  });
});
