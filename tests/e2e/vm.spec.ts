import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

/** The value next to a label in one of the page's description lists. */
function fact(page: Page, list: string, label: string) {
  return page.getByLabel(list, { exact: true }).locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
}

test.describe('WSL VM page in the browser host', () => {
  test('shows the VM live as distros start and stop from the CLI', async ({ page, lightdock }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(lightdock.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'WSL VM' }).click();
    await expect(page.getByRole('heading', { name: 'WSL VM' })).toBeVisible();
    await expect(fact(page, 'VM overview', 'State')).toHaveText('Stopped');
    await expect(fact(page, 'Network', 'VM IP')).toHaveText('None while stopped');

    expect((await lightdock.cli('distros', 'start', 'Debian')).code).toBe(0);
    await expect(fact(page, 'VM overview', 'State')).toHaveText('Running');
    await expect(fact(page, 'VM overview', 'WSL 2 distros running')).toHaveText('1');
    await expect(fact(page, 'Network', 'VM IP')).toHaveText(/^172\.\d+\.\d+\.\d+\/20$/);
    await expect(fact(page, 'Kernel', 'Version')).toHaveText(/microsoft-standard-WSL2/);
    await expect(page.getByRole('meter', { name: 'Memory assigned to the VM, of its limit' })).toBeVisible();
    const vm = JSON.parse((await lightdock.cli('vm', '--json')).stdout) as { network: { vmIp: string } };
    await expect(fact(page, 'Network', 'VM IP')).toHaveText(`${vm.network.vmIp}/20`);
    await expect(page.getByRole('list', { name: 'WSL 2 distros' }).getByRole('listitem').filter({ hasText: 'Debian' })).toContainText('Running');

    expect((await lightdock.cli('distros', 'terminate', 'Debian')).code).toBe(0);
    await expect(fact(page, 'VM overview', 'WSL 2 distros running')).toHaveText('0');
    await expect(fact(page, 'VM overview', 'Idle timeout')).toHaveText(/^Shuts down in .* \(no distro running\)$/);
    expect(errors).toEqual([]);
  });

  test('restarts and shuts down WSL from the page, and the CLI agrees', async ({ page, lightdock }) => {
    await page.goto(`${lightdock.url}#/vm`);
    await expect(fact(page, 'VM overview', 'State')).toHaveText('Stopped');
    await page.getByRole('button', { name: 'Restart WSL' }).click();
    await expect(fact(page, 'VM overview', 'State')).toHaveText('Running');
    expect(JSON.parse((await lightdock.cli('vm', '--json')).stdout)).toMatchObject({ state: 'Running' });
    await page.getByRole('button', { name: 'Shut down WSL' }).click();
    await expect(fact(page, 'VM overview', 'State')).toHaveText('Stopped');
    expect(JSON.parse((await lightdock.cli('vm', '--json')).stdout)).toMatchObject({ state: 'Stopped' });
  });
});

test.describe('Settings → WSL in the browser host', () => {
  test('saves a .wslconfig key, refuses a bad one, and restarts WSL to apply it', async ({ page, lightdock }) => {
    expect((await lightdock.cli('distros', 'start', 'Debian')).code).toBe(0);
    await page.goto(lightdock.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    const memory = page.getByRole('form', { name: 'wsl2.memory' });
    const field = memory.getByRole('textbox', { name: 'memory' });
    await field.fill('4gb');
    await expect(memory).toContainText('in capitals, for example 8GB');
    await expect(memory.getByRole('button', { name: 'Save wsl2.memory' })).toBeDisabled();
    await field.fill('4GB');
    await memory.getByRole('button', { name: 'Save wsl2.memory' }).click();
    await expect(memory).toContainText('In effect: 4GB');
    await expect(page.getByText('Restart needed', { exact: true })).toBeVisible();
    expect(JSON.parse((await lightdock.cli('wslconfig', 'get', 'wsl2.memory', '--json')).stdout)).toMatchObject({ value: '4GB' });
    await page.getByRole('button', { name: 'Restart WSL now' }).click();
    await expect(page.getByText('Restart needed', { exact: true })).toHaveCount(0);
    expect((JSON.parse((await lightdock.cli('vm', '--json')).stdout) as { state: string }).state).toMatch(/^(Starting|Running)$/);
  });
});
