import type { Page } from '@playwright/test';
import { docker, dockerWithHome, TEST_IMAGE, testDockerHost } from '../helpers/docker-engine';
import { expect, test } from './fixtures';

// The browser host over the private dockerd that tests/run-all.sh starts (LIGHTDOCK_TEST_DOCKER_HOST): containers are
// made with the docker CLI and reached only through 127.0.0.1.
test.use({ engine: 'docker' });

function row(page: Page, name: string) {
  return page.getByRole('table', { name: 'Containers' }).getByRole('row').filter({ has: page.getByRole('link', { name: `Open ${name}`, exact: true }) });
}

const TICKER = 'i=0; while true; do echo "tick $i"; i=$((i+1)); sleep 0.2; done';

test.describe('Containers in the browser host (real Docker engine)', () => {
  const name = `ld-e2e-${process.pid}-${Date.now().toString(36)}`;

  test.afterEach(async () => {
    await docker('rm', '-f', name).catch(() => undefined);
  });

  test('a container started with the docker CLI appears without a reload, with its limits and namespaces, logs, stats and a terminal', async ({ page, lightdock }) => {
    test.setTimeout(60_000);
    await page.goto(`${lightdock.url}#/containers`);
    await expect(page.getByText('Docker: connected')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('table', { name: 'Containers' }).or(page.getByText('No containers yet'))).toBeVisible();

    await docker('run', '-d', '--name', name, '--memory', '64m', '--cpus', '0.5', '--pids-limit', '50', '-p', '127.0.0.1::8080', TEST_IMAGE, 'sh', '-c', TICKER);
    await expect(row(page, name)).toContainText('running', { timeout: 10_000 });
    await expect(row(page, name).getByRole('link', { name: /^Open http:\/\/127\.0\.0\.1:\d+\// })).toBeVisible();
    await expect(row(page, name)).toContainText(/\d+\.\d%/, { timeout: 10_000 });

    await row(page, name).getByRole('link', { name: `Open ${name}`, exact: true }).click();
    await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
    await expect(page.getByText(/of 64 MiB$/)).toBeVisible({ timeout: 10_000 });
    await expect(page.getByText(/of 0\.5 cores$/)).toBeVisible();
    await expect(page.getByText(/^\d+ of 50$/)).toBeVisible();
    const namespaces = page.getByRole('table', { name: 'Namespaces' });
    await expect(namespaces.getByRole('row').filter({ hasText: 'Process IDs' })).toContainText('Isolated');
    await expect(namespaces.getByRole('row').filter({ hasText: 'Process IDs' })).toContainText(/\d{6,}/);

    await page.getByRole('tab', { name: 'Logs' }).click();
    await expect(page.getByRole('log', { name: `Log of ${name}` })).toContainText(/tick \d+/, { timeout: 10_000 });

    await page.getByRole('tab', { name: 'Stats' }).click();
    await expect(page.getByRole('region', { name: 'Processes' })).toContainText(/^Processes\s*\d+/, { timeout: 10_000 });
    await expect(page.getByRole('figure', { name: 'Memory (MiB)' })).toBeVisible();

    await page.getByRole('tab', { name: 'Terminal' }).click();
    const terminal = page.getByRole('region', { name: `Terminal of ${name}` });
    await expect(page.getByText(new RegExp(`Connected: a shell inside ${name}`))).toBeVisible({ timeout: 10_000 });
    await terminal.click();
    await page.keyboard.type('echo lightdock-$((6*7))\n');
    await expect(terminal).toContainText('lightdock-42', { timeout: 10_000 });

    await page.goto(`${lightdock.url}#/containers`);
    await expect(row(page, name)).toContainText('running');
    await docker('stop', '-t', '0', name);
    await expect(row(page, name)).toContainText('exited', { timeout: 10_000 });
    await docker('rm', name);
    await expect(row(page, name)).toHaveCount(0, { timeout: 10_000 });
  });
});

test.describe('Docker contexts in the browser host', () => {
  test.use({ dockerHost: false });

  test('switching to a context in Settings connects the engine there, and the docker CLI follows', async ({ page, lightdock }) => {
    test.setTimeout(60_000);
    await dockerWithHome(lightdock.dataDir, ['context', 'create', 'lightdock-e2e', '--description', 'The private test engine', '--docker', `host=${testDockerHost()}`]);
    const name = `ld-e2e-ctx-${process.pid}`;
    await docker('run', '-d', '--network', 'none', '--name', name, TEST_IMAGE, 'sh', '-c', 'trap "exit 0" TERM; while :; do sleep 0.2; done');
    try {
      await page.goto(`${lightdock.url}#/settings`);
      const contexts = page.getByRole('table', { name: 'Docker contexts' });
      await expect(contexts.getByRole('row').filter({ hasText: 'lightdock-e2e' })).toContainText('The private test engine');
      await contexts.getByRole('button', { name: 'Use context lightdock-e2e' }).click();
      await expect(contexts.getByRole('row').filter({ hasText: 'lightdock-e2e' })).toContainText('Current');
      await expect(page.getByText('Docker: connected')).toBeVisible({ timeout: 15_000 });
      await expect(page.getByText(new RegExp(`at ${testDockerHost().replace(/[/.]/g, '\\$&')} \\(context lightdock-e2e\\)`))).toBeVisible();
      expect((await dockerWithHome(lightdock.dataDir, ['context', 'show'])).trim()).toBe('lightdock-e2e');

      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Containers' }).click();
      await expect(row(page, name)).toContainText('running', { timeout: 10_000 });
    } finally {
      await docker('rm', '-f', name).catch(() => undefined);
    }
  });
});
