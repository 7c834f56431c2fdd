import { expect, test } from './fixtures';

test.describe('Distros page in the browser host', () => {
  test('loads, labels the simulated host and lists the scenario distros', async ({ page, lightdock }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(lightdock.url);
    await expect(page.getByRole('heading', { name: 'Distros' })).toBeVisible();
    await expect(page.getByText('Simulated', { exact: true })).toBeVisible();
    const table = page.getByRole('table', { name: 'Distros' });
    for (const name of ['Ubuntu-24.04', 'docker-desktop', 'Debian']) {
      await expect(table.getByRole('row').filter({ hasText: name })).toContainText('Stopped');
    }
    expect(errors).toEqual([]);
  });

  test('starting a distro in the UI shows it Running without a reload, and the CLI agrees', async ({ page, lightdock }) => {
    await page.goto(lightdock.url);
    const row = page.getByRole('row').filter({ hasText: 'Debian' });
    await row.getByRole('button', { name: 'Start Debian' }).click();
    await expect(row).toContainText('Running');
    const listed = JSON.parse((await lightdock.cli('distros', 'list', '--json')).stdout) as { name: string; state: string }[];
    expect(listed.find((d) => d.name === 'Debian')?.state).toBe('Running');
  });

  test('a distro started by the CLI turns Running in the open page', async ({ page, lightdock }) => {
    await page.goto(lightdock.url);
    const row = page.getByRole('row').filter({ hasText: 'docker-desktop' });
    await expect(row).toContainText('Stopped');
    const { code } = await lightdock.cli('distros', 'start', 'docker-desktop');
    expect(code).toBe(0);
    await expect(row).toContainText('Running');
  });

  test('set default and shut down from the UI', async ({ page, lightdock }) => {
    await page.goto(lightdock.url);
    await page.getByRole('button', { name: 'Set Debian as default' }).click();
    await expect(page.getByRole('row').nth(1)).toContainText('Debian');
    await page.getByRole('row').filter({ hasText: 'Ubuntu-24.04' }).getByRole('button', { name: 'Start Ubuntu-24.04' }).click();
    await expect(page.getByRole('row').filter({ hasText: 'Ubuntu-24.04' })).toContainText('Running');
    await page.getByRole('button', { name: 'Shut down WSL' }).click();
    await expect(page.getByRole('row').filter({ hasText: 'Ubuntu-24.04' })).toContainText('Stopped');
  });
});

test.describe('empty scenario', () => {
  test.use({ scenario: 'empty' });
  test('shows the empty state', async ({ page, lightdock }) => {
    await page.goto(lightdock.url);
    await expect(page.getByText('No distros installed')).toBeVisible();
  });
});
