import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

function layer(page: Page, title: string) {
  return page.getByRole('list', { name: `Map layer: ${title}` });
}

function portRow(page: Page, container: string) {
  return page.getByRole('table', { name: 'Published ports' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: container, exact: true }) });
}

/** The seeded Compose project's containers on shop_default, with the addresses the simulated engine gives them. */
const SHOP = [
  { name: 'shop-web-1', address: '172.18.0.4' },
  { name: 'shop-api-1', address: '172.18.0.3' },
  { name: 'shop-db-1', address: '172.18.0.2' },
] as const;

test.describe('Network page in the browser host (simulated host and engine)', () => {
  test('draws the map from Windows down to each container and its published port, and a check finds the port listening (modelled)', async ({ page, lightdock }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    expect((await lightdock.cli('distros', 'start', 'docker-desktop')).code).toBe(0);
    await page.goto(`${lightdock.url}#/network`);
    await expect(page.getByRole('heading', { name: 'Network', level: 2 })).toBeVisible();

    const drawing = page.getByRole('region', { name: 'Network map drawing (scrolls)' }).getByRole('img');
    await expect(drawing).toHaveAccessibleName(/^Network map, left to right: Windows: Windows \(172\.\d+\.\d+\.\d+\) → NAT: .* → WSL VM: .* → \d+ docker networks → \d+ containers → Published ports: .*8080.*\.$/, { timeout: 10_000 });
    await expect(layer(page, 'Windows')).toContainText('vEthernet (WSL)');
    await expect(layer(page, 'WSL VM')).toContainText(/172\.\d+\.\d+\.\d+\/20/);
    await expect(layer(page, 'Docker networks').getByRole('listitem').filter({ hasText: /^shop_default;/ })).toContainText('172.18.0.0/16');
    const containers = layer(page, 'Containers');
    for (const { name, address } of SHOP) {
      await expect(containers.getByRole('listitem').filter({ hasText: new RegExp(`^${name};`) })).toContainText(address);
    }
    await expect(containers.getByRole('listitem').filter({ hasText: /^shop-web-1;/ })).toContainText('leads to 8080/tcp');
    await expect(layer(page, 'Published ports')).toContainText('127.0.0.1:8080');
    await expect(layer(page, 'DNS')).toContainText(/\d+\.\d+\.\d+\.\d+/);

    const web = portRow(page, 'shop-web-1');
    await expect(web).toContainText('80 → 8080/tcp');
    await expect(web.getByRole('link', { name: 'Open http://localhost:8080, shop-web-1 port 8080/tcp' })).toHaveAttribute('href', 'http://localhost:8080');
    await expect(web).toContainText('From Windows through localhost forwarding');
    await expect(web).toContainText('Not checked');
    await web.getByRole('button', { name: 'Check shop-web-1 port 8080/tcp' }).click();
    await expect(web).toContainText('Listening', { timeout: 10_000 });
    await expect(web).toContainText('Modelled');
    await expect(web).toContainText('127.0.0.1:8080');
    expect(errors).toEqual([]);
  });

  test('Check all gives every published port a finding, and the CLI reports the same ports', async ({ page, lightdock }) => {
    expect((await lightdock.cli('distros', 'start', 'docker-desktop')).code).toBe(0);
    await page.goto(`${lightdock.url}#/network`);
    const table = page.getByRole('table', { name: 'Published ports' });
    await expect(table.getByRole('row')).not.toHaveCount(0, { timeout: 10_000 });
    await page.getByRole('button', { name: 'Check all' }).click();
    await expect(table.getByText('Not checked', { exact: true })).toHaveCount(0, { timeout: 10_000 });
    await expect(portRow(page, 'shop-web-1')).toContainText('Listening');

    const cli = await lightdock.cli('network', '--json');
    expect(cli.code).toBe(0);
    const map = JSON.parse(cli.stdout) as { ports: { containerName: string; publicPort: number; url: string | null }[] };
    for (const port of map.ports) {
      await expect(portRow(page, port.containerName)).toContainText(`${port.publicPort}/`);
    }
    expect(map.ports.map((port) => port.containerName)).toContain('shop-web-1');
  });
});
