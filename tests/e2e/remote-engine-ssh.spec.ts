import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { docker, TEST_IMAGE, testDockerHost } from '../helpers/docker-engine';
import { startSshd, stopSshd, type TestSshd } from '../helpers/sshd';
import { startHost, stopHost } from './fixtures';

// The browser host with DOCKER_HOST=ssh://lightdock-test: a private sshd on 127.0.0.1 (tests/helpers/sshd.sh) in front of
// the private test dockerd, reached through the user's own ssh with the alias's config (LIGHTDOCK_SSH_CONFIG) and no agent.
const ENDPOINT = 'ssh://lightdock-test';
const TICKER = 'i=0; while true; do echo "tick $i"; i=$((i+1)); sleep 0.2; done';

let root: string;
let sshd: TestSshd;

test.beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'lightdock-e2e-ssh-'));
  sshd = await startSshd(path.join(root, 'sshd'), testDockerHost());
});

test.afterAll(async () => {
  await stopSshd(sshd.dir).catch(() => undefined);
  fs.rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
});

function row(page: Page, name: string) {
  return page.getByRole('table', { name: 'Containers' }).getByRole('row').filter({ has: page.getByRole('link', { name: `Open ${name}`, exact: true }) });
}

test.describe('A remote engine over ssh:// in the browser host', () => {
  const name = `ld-e2e-ssh-${process.pid}-${Date.now().toString(36)}`;

  test.afterEach(async () => {
    await docker('rm', '-f', name).catch(() => undefined);
  });

  test('lists the remote containers, follows a container\'s logs and opens its terminal', async ({ page }) => {
    test.setTimeout(90_000);
    const dataDir = fs.mkdtempSync(path.join(root, 'data-'));
    fs.writeFileSync(path.join(dataDir, 'settings.json'), `${JSON.stringify({ setup: { seen: true } })}\n`);
    await docker('run', '-d', '--network', 'none', '--name', name, TEST_IMAGE, 'sh', '-c', TICKER);
    const { child, url } = await startHost(dataDir, 'ready', 'docker', ENDPOINT, { LIGHTDOCK_SSH_CONFIG: sshd.config });
    try {
      await page.goto(`${url}#/containers`);
      await expect(page.getByText('Docker: connected')).toBeVisible({ timeout: 20_000 });
      await expect(row(page, name)).toContainText('running', { timeout: 15_000 });

      await row(page, name).getByRole('link', { name: `Open ${name}`, exact: true }).click();
      await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
      await page.getByRole('tab', { name: 'Logs' }).click();
      const log = page.getByRole('log', { name: `Log of ${name}` });
      await expect(log).toContainText(/tick \d+/, { timeout: 15_000 });
      const firstTicks = await log.textContent();
      await expect.poll(async () => (await log.textContent())?.length ?? 0, { timeout: 15_000 }).toBeGreaterThan(firstTicks?.length ?? 0);

      await page.getByRole('tab', { name: 'Terminal' }).click();
      const terminal = page.getByRole('region', { name: `Terminal of ${name}` });
      await expect(page.getByText(new RegExp(`Connected: a shell inside ${name}`))).toBeVisible({ timeout: 15_000 });
      await terminal.click();
      await page.keyboard.type('echo over-ssh-$((6*7))\n');
      await expect(terminal).toContainText('over-ssh-42', { timeout: 15_000 });
    } finally {
      await stopHost(child);
    }
  });
});
