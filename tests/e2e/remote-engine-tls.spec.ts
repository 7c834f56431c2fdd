import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { dockerAt, TEST_IMAGE } from '../helpers/docker-engine';
import { startTlsEngine, stopTlsEngine, type TlsEngine } from '../helpers/tls-engine';
import { expect, startHost, stopHost, test } from './fixtures';

// A --tlsverify dockerd of this file's own on 127.0.0.1 (tests/helpers/tls-dockerd.sh), reached by the browser host
// through DOCKER_HOST + DOCKER_TLS_VERIFY=1 + DOCKER_CERT_PATH as a user would set them.
let dir = '';
const name = `ld-e2e-tls-${process.pid}`;
let engine: TlsEngine;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-e2e-tls-'));
  engine = await startTlsEngine(path.join(dir, 'tls-dockerd'));
  await dockerAt(engine.unixHost, ['run', '-d', '--network', 'none', '--name', name, TEST_IMAGE, 'sh', '-c', 'i=0; while :; do echo "tls tick $i"; i=$((i+1)); sleep 0.2; done']);
});

test.afterAll(async () => {
  test.setTimeout(120_000);
  if (engine !== undefined) {
    await dockerAt(engine.unixHost, ['rm', '-f', name]).catch(() => undefined);
    await stopTlsEngine(path.join(dir, 'tls-dockerd')).catch(() => undefined);
  }
  if (dir !== '') fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
});

/** Starts the browser host on a fresh data dir with the TLS variables for `certPath`, opens `hash`, runs `check`, and stops the host. */
async function withTlsHost(page: Page, certPath: string, hash: string, check: () => Promise<void>): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lightdock-e2e-tls-'));
  fs.writeFileSync(path.join(dataDir, 'settings.json'), `${JSON.stringify({ setup: { seen: true } })}\n`);
  const { child, url } = await startHost(dataDir, 'ready', 'docker', engine.host, { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certPath });
  try {
    await page.goto(`${url}${hash}`);
    await check();
  } finally {
    await stopHost(child);
    fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}

test('lists the containers of a TLS engine and opens a container\'s logs', async ({ page }) => {
  test.setTimeout(90_000);
  await withTlsHost(page, engine.clientCerts, '#/containers', async () => {
    await expect(page.getByText('Docker: connected')).toBeVisible({ timeout: 15_000 });
    const row = page.getByRole('table', { name: 'Containers' }).getByRole('row').filter({ has: page.getByRole('link', { name: `Open ${name}`, exact: true }) });
    await expect(row).toContainText('running', { timeout: 15_000 });
    await row.getByRole('link', { name: `Open ${name}`, exact: true }).click();
    await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
    await page.getByRole('tab', { name: 'Logs' }).click();
    await expect(page.getByRole('log', { name: `Log of ${name}` })).toContainText(/tls tick \d+/, { timeout: 15_000 });
  });
});

test('says the engine certificate is not trusted with the wrong CA, never that Docker is not running', async ({ page }) => {
  test.setTimeout(60_000);
  await withTlsHost(page, engine.wrongCaCerts, '#/containers', async () => {
    await expect(page.getByText(/presented a TLS certificate that the CA certificate given \(ca\.pem\) does not trust \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)/).first()).toBeVisible({
      timeout: 15_000,
    });
    await expect(page.getByText(/Docker is not running/)).toHaveCount(0);
  });
});
