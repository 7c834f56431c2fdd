import type { Page } from '@playwright/test';
import { expect as baseExpect, test } from './fixtures';

// Each step waits on the pushed state; on a loaded CI machine a push can take longer than the default 5 s.
const expect = baseExpect.configure({ timeout: 15_000 });

/** Opens the app bar's Quick actions menu and returns it. */
async function openQuickActions(page: Page): Promise<ReturnType<Page['getByRole']>> {
  await page.getByRole('button', { name: 'Quick actions' }).click();
  const menu = page.getByRole('menu', { name: 'Quick actions' });
  await expect(menu).toBeVisible();
  return menu;
}

test.describe('Quick actions in the browser host (the tray menu model)', () => {
  test('starts a distro through Distros → <distro> → Start, and the page shows it Running', async ({ page, lightdock }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(lightdock.url);
    const row = page.getByRole('row').filter({ hasText: 'Debian' });
    await expect(row).toContainText('Stopped');

    const menu = await openQuickActions(page);
    await menu.getByRole('menuitem', { name: 'Distros' }).click();
    await page.getByRole('menu', { name: 'Distros' }).getByRole('menuitem', { name: 'Debian (Stopped)' }).click();
    const debian = page.getByRole('menu', { name: 'Debian (Stopped)' });
    // Terminate is disabled and says why.
    const terminate = debian.getByRole('menuitem', { name: 'Terminate Debian' });
    await expect(terminate).toHaveAttribute('aria-disabled', 'true');
    await terminate.hover();
    await expect(page.getByRole('tooltip')).toHaveText('Debian is not running.');
    await debian.getByRole('menuitem', { name: 'Start Debian' }).click();

    await expect(page.getByRole('menu')).toHaveCount(0);
    await expect(row).toContainText('Running');
    const listed = JSON.parse((await lightdock.cli('distros', 'list', '--json')).stdout) as { name: string; state: string }[];
    expect(listed.find((d) => d.name === 'Debian')?.state).toBe('Running');

    // The menu follows: Debian now offers Terminate, and Start says it is already running.
    await (await openQuickActions(page)).getByRole('menuitem', { name: 'Distros' }).click();
    await page.getByRole('menuitem', { name: 'Debian (Running)' }).click();
    await expect(page.getByRole('menuitem', { name: 'Start Debian' })).toHaveAttribute('aria-disabled', 'true');
    expect(errors).toEqual([]);
  });

  test('stops and starts the simulated engine; the engine chip, the menu and the CLI follow', async ({ page, lightdock }) => {
    await page.goto(lightdock.url);
    await expect(page.getByRole('button', { name: 'Engine: simulated', exact: true })).toBeVisible();

    await (await openQuickActions(page)).getByRole('menuitem', { name: 'Stop the Docker engine' }).click();
    await expect(page.getByRole('button', { name: 'Engine: simulated (unreachable)', exact: true })).toBeVisible();
    const status = JSON.parse((await lightdock.cli('engine', 'status', '--json')).stdout) as { state: string; message: string };
    expect(status.state).toBe('unreachable');
    expect(status.message).toBe('The simulated Docker engine is stopped; start it with Quick actions or `lightdock engine start`.');

    const menu = await openQuickActions(page);
    await menu.getByRole('menuitem', { name: 'Containers' }).click();
    const none = page.getByRole('menu', { name: 'Containers' }).getByRole('menuitem', { name: 'No containers to show' });
    await expect(none).toHaveAttribute('aria-disabled', 'true');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toHaveCount(0);

    await (await openQuickActions(page)).getByRole('menuitem', { name: 'Start the Docker engine' }).click();
    await expect(page.getByRole('button', { name: 'Engine: simulated', exact: true })).toBeVisible();
    const started = JSON.parse((await lightdock.cli('engine', 'status', '--json')).stdout) as { state: string };
    expect(started.state).toBe('connected');
  });

  test('an engine stopped by the CLI shows in the open page and in the menu without a reload', async ({ page, lightdock }) => {
    await page.goto(lightdock.url);
    await expect(page.getByRole('button', { name: 'Engine: simulated', exact: true })).toBeVisible();
    expect((await lightdock.cli('engine', 'stop')).code).toBe(0);
    await expect(page.getByRole('button', { name: 'Engine: simulated (unreachable)', exact: true })).toBeVisible();
    const menu = await openQuickActions(page);
    await expect(menu.getByRole('menuitem', { name: 'Start the Docker engine' })).not.toHaveAttribute('aria-disabled', 'true');
  });
});
