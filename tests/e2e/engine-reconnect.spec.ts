import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { dockerAt, dockerdScript, TEST_IMAGE } from '../helpers/docker-engine';
import { expect, test } from './fixtures';

// A dockerd of this file's own, which it stops and starts under the open page; it leaves iptables alone.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-e2e-rc-'));
const FLAGS = ['--iptables=false', '--ip-masq=false'];
const host = `unix://${dir}/docker.sock`;
test.use({ engine: 'docker', dockerHost: host });

test.beforeAll(async () => {
  await dockerdScript('start', dir, FLAGS);
});

test.afterAll(async () => {
  await dockerdScript('stop', dir).catch(() => undefined);
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
});

function row(page: Page, name: string) {
  return page.getByRole('table', { name: 'Containers' }).getByRole('row').filter({ has: page.getByRole('link', { name: `Open ${name}`, exact: true }) });
}

test('the UI says the engine is reconnecting when dockerd goes away, and shows the re-listed view when it is back', async ({ page, lightdock }) => {
  test.setTimeout(120_000);
  await dockerAt(host, ['run', '-d', '--network', 'none', '--name', 'ld-e2e-kept', TEST_IMAGE, 'sh', '-c', 'trap "exit 0" TERM; while :; do sleep 0.2; done']);
  await page.goto(`${lightdock.url}#/containers`);
  await expect(row(page, 'ld-e2e-kept')).toContainText('running', { timeout: 15_000 });

  await dockerdScript('stop', dir);
  await expect(page.getByRole('alert')).toContainText(/Reconnecting to the Docker engine…|The Docker engine is unreachable/, { timeout: 15_000 });
  await expect(page.getByText(/^Docker: (reconnecting|unreachable)/)).toBeVisible();

  await dockerdScript('start', dir, FLAGS);
  await expect(page.getByText('Docker: connected')).toBeVisible({ timeout: 30_000 });
  await expect(row(page, 'ld-e2e-kept')).toContainText('exited', { timeout: 15_000 });
  await dockerAt(host, ['start', 'ld-e2e-kept']);
  await expect(row(page, 'ld-e2e-kept')).toContainText('running', { timeout: 10_000 });
  await dockerAt(host, ['rm', '-f', 'ld-e2e-kept']);
  await expect(row(page, 'ld-e2e-kept')).toHaveCount(0, { timeout: 10_000 });
});
