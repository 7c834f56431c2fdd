import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';

const AXE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/axe-core/axe.min.js');

test.describe('Container files in the browser host (simulated host and engine)', () => {
  test('opens /etc, reads os-release, and loads more of /usr/lib on shop-web-1’s Files tab', async ({ page, lightdock }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${lightdock.url}#/container/shop-web-1`);
    await expect(page.getByRole('heading', { name: 'shop-web-1', level: 2 })).toBeVisible({ timeout: 10_000 });
    await page.getByRole('tab', { name: 'Files' }).click();

    const root = page.getByRole('table', { name: 'Entries of /' });
    await expect(root.getByRole('button', { name: 'Open folder etc' })).toBeVisible({ timeout: 10_000 });
    await expect(page.getByRole('heading', { name: 'Across the Windows boundary' })).toBeVisible();
    await root.getByRole('button', { name: 'Open folder etc' }).click();

    const etc = page.getByRole('table', { name: 'Entries of /etc' });
    await expect(etc.getByRole('button', { name: 'View file os-release' })).toBeVisible();
    await expect(etc).toContainText('→ /proc/mounts');
    await etc.getByRole('button', { name: 'View file os-release' }).click();
    await expect(page.getByLabel('Contents of /etc/os-release')).toContainText('PRETTY_NAME="Alpine Linux v3.20"');
    await page.getByRole('button', { name: 'Close the file' }).click();

    await page.getByRole('textbox', { name: 'Path inside the container' }).fill('/usr/lib');
    await page.getByRole('button', { name: 'Go to path' }).click();
    const lib = page.getByRole('table', { name: 'Entries of /usr/lib' });
    await expect(lib.getByRole('row')).toHaveCount(201, { timeout: 15_000 });
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect(lib.getByRole('row')).toHaveCount(401, { timeout: 15_000 });
    await expect(page.getByText('400 entries shown, more to load')).toBeVisible();

    await page.getByRole('button', { name: 'Open /usr' }).click();
    await expect(page.getByRole('table', { name: 'Entries of /usr' }).getByRole('button', { name: 'Open folder lib' })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('a binary file says to download it, and a download to an existing file is refused', async ({ page, lightdock }) => {
    await page.goto(`${lightdock.url}#/container/shop-web-1`);
    await page.getByRole('tab', { name: 'Files' }).click();
    await page.getByRole('textbox', { name: 'Path inside the container' }).fill('/bin');
    await page.getByRole('button', { name: 'Go to path' }).click();
    await page.getByRole('table', { name: 'Entries of /bin' }).getByRole('button', { name: 'View file busybox' }).click();
    await expect(page.getByText('Binary file — download it instead.')).toBeVisible({ timeout: 10_000 });

    await page.getByRole('button', { name: 'Download folder /bin as a tar' }).click();
    const dialog = page.getByRole('dialog', { name: 'Download /bin as a tar' });
    await dialog.getByRole('textbox', { name: 'Save as' }).fill(`${lightdock.dataDir}`);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText(/already exists; Lightdock never overwrites a file/)).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
  });

  test.describe('accessibility', () => {
    // axe is injected as an inline script, which the host's Content-Security-Policy rightly refuses.
    test.use({ bypassCSP: true });
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`the Files tab with a file open passes axe-core in the ${colorScheme} theme`, async ({ page, lightdock }) => {
        await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
        await page.goto(`${lightdock.url}#/container/shop-web-1`);
        await page.getByRole('tab', { name: 'Files' }).click();
        await page.getByRole('table', { name: 'Entries of /' }).getByRole('button', { name: 'Open folder etc' }).click();
        await page.getByRole('table', { name: 'Entries of /etc' }).getByRole('button', { name: 'View file passwd' }).click();
        await expect(page.getByLabel('Contents of /etc/passwd')).toContainText('root:x:0:0');
        await expect(page.getByRole('status', { name: /^Loading / })).toHaveCount(0);
        await page.addScriptTag({ path: AXE });
        await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
          return (await axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
        });
        expect(violations).toEqual([]);
      });
    }
  });
});
