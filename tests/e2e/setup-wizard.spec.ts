import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, startHost, stopHost, test } from './fixtures';

/** Every fix button the wizard can show, in the order a machine needs them. */
const FIX_BUTTONS = [
  'Restart with virtualization turned on (simulated)',
  'Enable the Windows features',
  'Restart Windows (simulated)',
  'Install WSL',
  'Update WSL',
  'Install Ubuntu-24.04',
  'Start the Docker engine',
] as const;

const READY = 'Everything is ready: WSL 2, a distro and a Docker engine that answers.';

/** Clicks the first enabled fix the wizard offers until everything is ready; returns the buttons it clicked. */
async function walkWizard(page: Page): Promise<string[]> {
  const clicked: string[] = [];
  for (let step = 0; step < 8; step += 1) {
    await expect(page.getByRole('button', { name: 'Check again' })).toBeEnabled({ timeout: 15_000 });
    if (await page.getByText(READY).isVisible()) return clicked;
    let next: string | undefined;
    for (const name of FIX_BUTTONS) {
      const button = page.getByRole('button', { name, exact: true });
      if ((await button.count()) > 0 && (await button.isEnabled())) {
        next = name;
        break;
      }
    }
    if (next === undefined) throw new Error(`No fix to click: ${await page.getByRole('main').innerText()}`);
    clicked.push(next);
    await page.getByRole('button', { name: next, exact: true }).click();
    // Every fix, once done, takes its own button away (the check passes or offers the next step).
    await expect(page.getByRole('button', { name: next, exact: true })).toHaveCount(0, { timeout: 15_000 });
  }
  throw new Error('The wizard did not finish in 8 steps.');
}

/** The status word shown under a check's title. */
function statusOf(page: Page, title: string) {
  return page.locator('.MuiStep-root').filter({ hasText: title }).first();
}

const WALKS: [string, string[]][] = [
  ['no-engine', ['Start the Docker engine']],
  ['empty', ['Install Ubuntu-24.04']],
  ['wsl-missing', ['Install WSL', 'Install Ubuntu-24.04', 'Start the Docker engine']],
  ['reboot-pending', ['Restart Windows (simulated)', 'Install Ubuntu-24.04', 'Start the Docker engine']],
  ['features-off', ['Enable the Windows features', 'Restart Windows (simulated)', 'Install WSL', 'Install Ubuntu-24.04', 'Start the Docker engine']],
  ['virtualization-off', ['Restart with virtualization turned on (simulated)', 'Start the Docker engine']],
];

for (const [scenario, fixes] of WALKS) {
  test.describe(`setup wizard on ${scenario}`, () => {
    test.use({ scenario, setupSeen: false });
    test('opens by itself on first run and each fix moves the machine forward until everything is ready', async ({ page, lightdock }) => {
      test.setTimeout(90_000);
      await page.goto(lightdock.url);
      await expect(page).toHaveURL(/#\/setup$/);
      await expect(page.getByRole('heading', { name: 'Set up WSL 2 and Docker' })).toBeVisible();
      await expect(page.getByText(/checks? fails?;|Windows needs a restart to finish/).first()).toBeVisible({ timeout: 15_000 });
      expect(await walkWizard(page)).toEqual(fixes);
      await expect(page.getByText(READY)).toBeVisible();
      const doctor = await lightdock.cli('doctor', '--json');
      expect(doctor.code).toBe(0);
    });
  });
}

test.describe('setup wizard on virtualization-off', () => {
  test.use({ scenario: 'virtualization-off', setupSeen: false });
  test('shows the firmware steps with the vendor keys, and the engine step waits for them', async ({ page, lightdock }) => {
    await page.goto(`${lightdock.url}#/setup`);
    await expect(statusOf(page, 'Virtualization turned on')).toContainText('Failed');
    await expect(page.getByText(/Dell F2.*HP F10/)).toBeVisible();
    await expect(page.getByText(/Intel Virtualization Technology/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Start the Docker engine' })).toBeDisabled();
    await expect(page.getByText('Not available yet: Fix “Virtualization turned on” first.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Read more about “Virtualization turned on”' })).toHaveAttribute('href', /learn\.microsoft\.com/);
  });
});

test.describe('setup wizard on wsl-missing', () => {
  test.use({ scenario: 'wsl-missing', setupSeen: false });
  test('a long fix shows its progress and can be cancelled, changing nothing', async ({ page, lightdock }) => {
    await page.goto(`${lightdock.url}#/setup`);
    await page.getByRole('button', { name: 'Install WSL', exact: true }).click();
    await expect(page.getByRole('progressbar', { name: 'Setting up WSL' })).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText('Cancelled; nothing was changed. (CONFLICT)')).toBeVisible();
    await expect(statusOf(page, 'WSL installed and current')).toContainText('Failed');
    await expect(page.getByRole('button', { name: 'Install WSL', exact: true })).toBeEnabled();
  });
});

test.describe('setup wizard on ready', () => {
  test.use({ scenario: 'ready', setupSeen: false });
  test('does not open by itself when nothing needs doing, and is reachable from the navigation', async ({ page, lightdock }) => {
    await page.goto(lightdock.url);
    await expect(page.getByRole('row').filter({ hasText: 'Ubuntu-24.04' })).toBeVisible();
    await expect(page).not.toHaveURL(/#\/setup/);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Setup' }).click();
    await expect(page.getByText(READY)).toBeVisible();
    await expect(statusOf(page, 'A Docker engine that answers')).toContainText('Passed');
  });
});

test('resumes where it stopped after a simulated restart, across browser-host restarts', async ({ page }) => {
  test.setTimeout(120_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lightdock-e2e-setup-'));
  let host = await startHost(dataDir, 'features-off', 'simulated', null);
  try {
    await page.goto(host.url);
    await expect(page).toHaveURL(/#\/setup$/);
    await page.getByRole('button', { name: 'Enable the Windows features' }).click();
    await expect(page.getByText(/Windows needs a restart to finish a change/)).toBeVisible({ timeout: 15_000 });
    await expect(statusOf(page, 'Virtual Machine Platform feature')).toContainText('Needs attention');

    // The app is closed and opened again before the restart: the wizard opens by itself, the restart still pending.
    await stopHost(host.child);
    host = await startHost(dataDir, 'features-off', 'simulated', null);
    await page.goto(host.url);
    await expect(page).toHaveURL(/#\/setup$/);
    await expect(page.getByText(/Windows needs a restart to finish a change/)).toBeVisible();
    await page.getByRole('button', { name: 'Restart Windows (simulated)' }).click();
    await expect(page.getByText('Welcome back: Windows restarted. The wizard carries on from “Virtual Machine Platform feature”.')).toBeVisible({ timeout: 15_000 });

    // After the (simulated) restart the app starts again: the wizard opens by itself where it stopped.
    await stopHost(host.child);
    host = await startHost(dataDir, 'features-off', 'simulated', null);
    await page.goto(host.url);
    await expect(page).toHaveURL(/#\/setup$/);
    await expect(page.getByText(/Welcome back: Windows restarted/)).toBeVisible();
    await expect(statusOf(page, 'Virtual Machine Platform feature')).toContainText('Passed');
    expect(await walkWizard(page)).toEqual(['Install WSL', 'Install Ubuntu-24.04', 'Start the Docker engine']);

    // Resumed and finished: the next start opens the default page, not the wizard.
    await stopHost(host.child);
    host = await startHost(dataDir, 'features-off', 'simulated', null);
    await page.goto(host.url);
    await expect(page.getByRole('row').filter({ hasText: 'Ubuntu-24.04' })).toBeVisible();
    await expect(page).not.toHaveURL(/#\/setup/);
  } finally {
    await stopHost(host.child);
    fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
});
