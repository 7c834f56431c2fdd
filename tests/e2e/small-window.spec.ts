import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Every page of the browser host: its hash, a file-name slug and the heading that says it has rendered. */
const PAGES = [
  { hash: '#/distros', slug: 'distros', heading: 'Distros' },
  { hash: '#/distro/Debian', slug: 'distro', heading: 'Debian' },
  { hash: '#/vm', slug: 'vm', heading: 'WSL VM' },
  { hash: '#/containers', slug: 'containers', heading: 'Containers' },
  { hash: '#/container/shop-web-1', slug: 'container', heading: 'shop-web-1' },
  { hash: '#/images', slug: 'images', heading: 'Images' },
  { hash: '#/volumes', slug: 'volumes', heading: 'Volumes' },
  { hash: '#/settings', slug: 'settings', heading: 'Settings' },
  { hash: '#/setup', slug: 'setup', heading: 'Set up WSL 2 and Docker' },
] as const;

const NAV_LABELS = ['Distros', 'WSL VM', 'Containers', 'Images', 'Volumes', 'Settings'];

function containerRow(page: Page, name: string): Locator {
  return page.getByRole('table', { name: 'Containers' }).getByRole('row').filter({ has: page.getByRole('link', { name: `Open ${name}`, exact: true }) });
}

/** Asserts the element lies wholly inside the viewport as it is, with nothing scrolled sideways. */
async function expectInViewport(page: Page, locator: Locator): Promise<void> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  expect(box).not.toBeNull();
  expect(viewport).not.toBeNull();
  if (box === null || viewport === null) return;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
}

/** Opens a page by its hash and waits until its heading shows and nothing is loading. */
async function open(page: Page, hash: string, heading: string): Promise<void> {
  await page.evaluate((to) => {
    window.location.hash = to;
  }, hash);
  await expect(page.getByRole('main').getByRole('heading', { level: 2, name: heading }).first()).toBeVisible();
  await expect(page.getByRole('status', { name: /^Loading / })).toHaveCount(0);
}

/** How many px the document or a table runs past its right edge (0: nothing does). */
function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const scrollers = [document.documentElement, ...document.querySelectorAll('.MuiTableContainer-root, .ld-table-scroll')].map((element) => element.scrollWidth - element.clientWidth);
    return Math.max(0, ...scrollers);
  });
}

test.describe('small and large windows', () => {
  test('at 800×560 the navigation is a named icon rail and a container row keeps state, CPU and Stop in view', async ({ page, lightdock }) => {
    await page.setViewportSize({ width: 800, height: 560 });
    await page.goto(`${lightdock.url}#/containers`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const label of NAV_LABELS) await expect(nav.getByRole('button', { name: label, exact: true })).toBeVisible();
    await expect(nav.getByText('Containers', { exact: true })).toHaveCount(0);
    expect((await nav.boundingBox())?.width ?? 0).toBeLessThan(100);
    await nav.getByRole('button', { name: 'Volumes', exact: true }).hover();
    await expect(page.getByRole('tooltip')).toHaveText('Volumes');

    const row = containerRow(page, 'shop-web-1');
    await expect(row).toContainText('running');
    const cpu = row.getByRole('cell').filter({ hasText: /^\d+\.\d%$/ });
    await expect(cpu).toHaveCount(1);
    await expectInViewport(page, cpu);
    await expectInViewport(page, row.getByRole('button', { name: 'Stop shop-web-1' }));
    await expectInViewport(page, row.getByText('running', { exact: true }));
    const table = page.getByRole('table', { name: 'Containers' });
    expect(await table.evaluate((element) => (element.parentElement ? element.parentElement.scrollWidth - element.parentElement.clientWidth : -1))).toBe(0);
    await expect(table.getByRole('columnheader', { name: 'Image' })).toHaveCount(0);
    expect(await sidewaysOverflow(page)).toBe(0);
  });

  test('at 1400×900 the navigation has its labels and the Containers table all its columns', async ({ page, lightdock }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(`${lightdock.url}#/containers`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const label of NAV_LABELS) await expect(nav.getByText(label, { exact: true })).toBeVisible();
    const table = page.getByRole('table', { name: 'Containers' });
    for (const header of ['Name', 'Image', 'State', 'Ports', 'CPU', 'Memory', 'Actions']) await expect(table.getByRole('columnheader', { name: header })).toBeVisible();
    await expectInViewport(page, containerRow(page, 'shop-web-1').getByRole('button', { name: 'Stop shop-web-1' }));
  });

  for (const size of [
    { width: 800, height: 560 },
    { width: 1400, height: 900 },
  ]) {
    test(`every page at ${size.width}×${size.height} fits the window's width (screenshots in /tmp/small-*.png)`, async ({ page, lightdock }) => {
      test.setTimeout(90_000);
      await page.setViewportSize(size);
      await page.goto(lightdock.url);
      const overflow: Record<string, number> = {};
      for (const { hash, slug, heading } of PAGES) {
        await open(page, hash, heading);
        overflow[slug] = await sidewaysOverflow(page);
        await page.screenshot({ path: `/tmp/small-${slug}-${size.width}x${size.height}.png` });
      }
      expect(overflow).toEqual(Object.fromEntries(PAGES.map(({ slug }) => [slug, 0])));
    });
  }
});
