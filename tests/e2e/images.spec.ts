import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** The Images grid row whose name link is `name`. */
function imageRow(page: Page, name: string): Locator {
  return page.getByRole('table', { name: 'Images' }).getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
}

/** A temporary build context holding `dockerfile` as its Dockerfile; the caller removes it. */
function buildContext(dockerfile: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lightdock-e2e-build-'));
  fs.writeFileSync(path.join(folder, 'Dockerfile'), dockerfile);
  fs.writeFileSync(path.join(folder, 'hello.txt'), 'hello\n');
  return folder;
}

async function openImages(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#/images`);
  await expect(page.getByRole('main').getByRole('heading', { level: 2, name: 'Images' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Images' })).toBeVisible();
}

test.describe('Images in the browser host (simulated engine)', () => {
  test('a pull shows each layer with its progress, then the image is listed and can be opened', async ({ page, lightdock }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await openImages(page, lightdock.url);
    await page.getByRole('button', { name: 'Pull an image…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Pull an image' });
    const field = dialog.getByRole('textbox', { name: 'Image reference' });
    await field.fill('Alpine:3.20');
    await dialog.getByRole('button', { name: 'Pull' }).click();
    await expect(dialog.getByText('A repository name is lowercase (name[:tag][@digest]).')).toBeVisible();
    await field.fill('alpine:3.20');
    await dialog.getByRole('button', { name: 'Pull' }).click();
    const view = dialog.getByRole('group', { name: 'Pull alpine:3.20' });
    const layers = view.getByRole('list', { name: 'Layers' });
    await expect(layers.getByRole('listitem').first()).toBeVisible();
    expect(await layers.getByRole('listitem').count()).toBeGreaterThanOrEqual(3);
    await expect(view.getByText('Done')).toBeVisible();
    for (const item of await layers.getByRole('listitem').all()) await expect(item).toHaveAccessibleName(/: Pull complete$/);
    await expect(view.getByRole('status')).toHaveText('Pulled alpine:3.20.');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(imageRow(page, 'alpine:3.20')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Jobs' }).getByRole('listitem', { name: 'Pull alpine:3.20: Done' })).toBeVisible();
    await imageRow(page, 'alpine:3.20').getByRole('link', { name: 'alpine:3.20' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'alpine:3.20' })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('a running pull can be cancelled and adds no image', async ({ page, lightdock }) => {
    // The simulated pull takes about 1.5 s; Cancel is on screen from the moment the host answers with the job.
    await openImages(page, lightdock.url);
    await page.getByRole('button', { name: 'Pull an image…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Pull an image' });
    await dialog.getByRole('textbox', { name: 'Image reference' }).fill('memcached:1.6');
    await dialog.getByRole('button', { name: 'Pull' }).click();
    const view = dialog.getByRole('group', { name: 'Pull memcached:1.6' });
    await view.getByRole('button', { name: 'Cancel' }).click();
    await expect(view.getByText('Cancelled', { exact: true })).toBeVisible();
    await expect(view.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('list', { name: 'Jobs' }).getByRole('listitem', { name: 'Pull memcached:1.6: Cancelled' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Images' }).getByRole('link', { name: 'memcached:1.6' })).toHaveCount(0);
  });

  test('a pull closed while it runs can be reopened from the jobs list', async ({ page, lightdock }) => {
    await openImages(page, lightdock.url);
    await page.getByRole('button', { name: 'Pull an image…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Pull an image' });
    await dialog.getByRole('textbox', { name: 'Image reference' }).fill('redis:7.4');
    await dialog.getByRole('button', { name: 'Pull' }).click();
    await expect(dialog.getByRole('group', { name: 'Pull redis:7.4' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);
    const jobs = page.getByRole('list', { name: 'Jobs' });
    await jobs.getByRole('button', { name: 'Show Pull redis:7.4' }).click();
    const reopened = page.getByRole('dialog', { name: 'Pull an image' });
    await expect(reopened.getByRole('list', { name: 'Layers' }).getByRole('listitem').first()).toBeVisible();
    await expect(reopened.getByText('Done')).toBeVisible();
    await reopened.getByRole('button', { name: 'Close' }).click();
    await expect(imageRow(page, 'redis:7.4')).toBeVisible();
  });

  test('a build from a folder with a Dockerfile shows its log and links to the built image', async ({ page, lightdock }) => {
    const folder = buildContext('FROM busybox:1.36\nARG GREETING=hello\nRUN echo ${GREETING} from the build\nCMD ["sh"]\n');
    try {
      await openImages(page, lightdock.url);
      await page.getByRole('button', { name: 'Build an image…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Build an image' });
      await dialog.getByRole('textbox', { name: 'Context folder' }).fill(folder);
      await dialog.getByRole('textbox', { name: 'Tag' }).fill('e2e/hello:1');
      await dialog.getByRole('button', { name: 'Add a build argument' }).click();
      await dialog.getByRole('textbox', { name: 'Argument 1 name' }).fill('GREETING');
      await dialog.getByRole('textbox', { name: 'Argument 1 value' }).fill('hi');
      await dialog.getByRole('button', { name: 'Build', exact: true }).click();
      const log = dialog.getByRole('log', { name: 'Build log' });
      await expect(log).toContainText('Step 1/4 : FROM busybox:1.36');
      await expect(log).toContainText('hi from the build');
      await expect(dialog.getByText('Done')).toBeVisible();
      await expect(log).toContainText('Successfully tagged e2e/hello:1');
      const link = dialog.getByRole('link', { name: /^e2e\/hello:1 \([0-9a-f]{12}\)$/ });
      await link.click();
      await expect(page.getByRole('heading', { level: 2, name: 'e2e/hello:1' })).toBeVisible();
      await expect(page.getByRole('table', { name: 'Layers' })).toBeVisible();
      await expect(page.getByText('No container uses this image.')).toBeVisible();
      await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Images' }).click();
      await expect(imageRow(page, 'e2e/hello:1')).toBeVisible();
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  test('a running build can be cancelled and adds no image; a missing folder is refused next to its field', async ({ page, lightdock }) => {
    const folder = buildContext('FROM busybox:1.36\nRUN sleep 60\n');
    try {
      await openImages(page, lightdock.url);
      await page.getByRole('button', { name: 'Build an image…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Build an image' });
      const context = dialog.getByRole('textbox', { name: 'Context folder' });
      await context.fill(path.join(folder, 'missing'));
      await dialog.getByRole('button', { name: 'Build', exact: true }).click();
      await expect(context).toHaveAttribute('aria-invalid', 'true');
      await expect(dialog.getByText(/^Could not start the build: /)).toBeVisible();
      await context.fill(folder);
      await dialog.getByRole('textbox', { name: 'Tag' }).fill('e2e/never:1');
      await dialog.getByRole('button', { name: 'Build', exact: true }).click();
      await expect(dialog.getByRole('log', { name: 'Build log' })).toContainText('Step 2/2 : RUN sleep 60');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog.getByText('Cancelled', { exact: true })).toBeVisible();
      await dialog.getByRole('button', { name: 'Close' }).click();
      await expect(page.getByRole('list', { name: 'Jobs' }).getByRole('listitem', { name: 'Build e2e/never:1: Cancelled' })).toBeVisible();
      await expect(page.getByRole('table', { name: 'Images' }).getByRole('link', { name: 'e2e/never:1' })).toHaveCount(0);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  test('the image page shows facts, layers and the containers using it; tagging adds the tag', async ({ page, lightdock }) => {
    await openImages(page, lightdock.url);
    await imageRow(page, 'nginx:1.27-alpine').getByRole('link', { name: 'nginx:1.27-alpine' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'nginx:1.27-alpine' })).toBeVisible();
    const layers = page.getByRole('table', { name: 'Layers' });
    await expect(layers.getByRole('row').nth(1)).toContainText('CMD ["nginx","-g","daemon off;"]');
    expect(await layers.getByRole('row').count()).toBeGreaterThanOrEqual(4);
    await page.getByRole('button', { name: 'Tag…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tag nginx:1.27-alpine' });
    await dialog.getByRole('textbox', { name: 'New tag' }).fill('127.0.0.1:5000/web:1');
    await dialog.getByRole('button', { name: 'Tag' }).click();
    await expect(page.getByRole('alert')).toContainText('Tagged nginx:1.27-alpine as 127.0.0.1:5000/web:1.');
    await expect(page.getByRole('definition').filter({ has: page.getByText('127.0.0.1:5000/web:1', { exact: true }) })).toBeVisible();
    const users = page.getByRole('list', { name: 'Containers using this image' });
    await users.getByRole('link', { name: 'shop-web-1' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'shop-web-1' })).toBeVisible();
  });

  test('an image that is not there says so with a way back', async ({ page, lightdock }) => {
    await page.goto(`${lightdock.url}#/image/nosuch%3A1`);
    await expect(page.getByText('There is no image nosuch:1 on this engine', { exact: false })).toBeVisible();
    await page.getByRole('link', { name: 'Back to Images' }).click();
    await expect(page.getByRole('main').getByRole('heading', { level: 2, name: 'Images' })).toBeVisible();
  });

  test('the Images and image pages fit a narrow window', async ({ page, lightdock }) => {
    await page.setViewportSize({ width: 700, height: 800 });
    await openImages(page, lightdock.url);
    const overflow = (): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expect(page.getByRole('button', { name: 'Pull an image…' })).toBeInViewport();
    await expect(page.getByRole('button', { name: 'Build an image…' })).toBeInViewport();
    await imageRow(page, 'nginx:1.27-alpine').getByRole('link', { name: 'nginx:1.27-alpine' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'nginx:1.27-alpine' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Layers' })).toBeVisible();
    expect(await overflow()).toBeLessThanOrEqual(0);
  });
});
