import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const AXE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/axe-core/axe.min.js');

/** Every page of the browser host: its hash and the heading that says it has rendered. */
const PAGES = [
  { hash: '#/distros', heading: 'Distros' },
  { hash: '#/distro/Debian', heading: 'Debian' },
  { hash: '#/vm', heading: 'WSL VM' },
  { hash: '#/containers', heading: 'Containers' },
  { hash: '#/container/shop-web-1', heading: 'shop-web-1' },
  { hash: '#/images', heading: 'Images' },
  { hash: '#/image/nginx%3A1.27-alpine', heading: 'nginx:1.27-alpine' },
  { hash: '#/volumes', heading: 'Volumes' },
  { hash: '#/memory', heading: 'Memory' },
  { hash: '#/network', heading: 'Network' },
  { hash: '#/files', heading: 'Files' },
  { hash: '#/settings', heading: 'Settings' },
  { hash: '#/setup', heading: 'Set up WSL 2 and Docker' },
] as const;

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

/** Injects axe-core 4 and a no-transitions style (once per document) and runs its full default rule set on the page; returns the violations, one line each. */
async function audit(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ path: AXE });
    // Audit the settled page: no colour caught halfway through a transition, no menu halfway through growing.
    await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' });
  }
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations;
  });
  return violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)} — ${n.failureSummary ?? ''}`).join(' | ')}`);
}

// axe is injected as an inline script, which the host's Content-Security-Policy rightly refuses; only the audit's pages bypass it.
test.use({ bypassCSP: true });

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every page, the Quick actions menu, the Notifications panel, the engine chip's menu and the Create context dialog pass an axe-core audit in the ${colorScheme} theme`, async ({ page, lightdock }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    const found: Record<string, string[]> = {};
    await page.goto(lightdock.url);
    for (const { hash, heading } of PAGES) {
      await page.evaluate((to) => {
        window.location.hash = to;
      }, hash);
      await expect(page.getByRole('main').getByRole('heading', { level: 2, name: heading }).first()).toBeVisible();
      await expect(page.getByRole('banner').getByText('Engine: simulated')).toBeVisible();
      await expect(page.getByRole('status', { name: /^Loading / })).toHaveCount(0);
      found[hash] = await audit(page);
    }
    await page.getByRole('button', { name: 'Quick actions' }).click();
    await expect(page.getByRole('menu', { name: 'Quick actions' })).toBeVisible();
    found['Quick actions menu'] = await audit(page);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu', { name: 'Quick actions' })).toHaveCount(0);
    await page.getByRole('button', { name: /^Notifications/ }).click();
    await expect(page.getByRole('dialog').getByRole('heading', { name: 'Notifications' })).toBeVisible();
    found['Notifications panel'] = await audit(page);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Engine: simulated' }).click();
    await expect(page.getByRole('menu', { name: 'Container engine' }).getByRole('menuitem', { name: /^default/ })).toContainText(/connected|unreachable|unknown/);
    found['Engine chip menu'] = await audit(page);
    await page.keyboard.press('Escape');
    await page.evaluate(() => {
      window.location.hash = '#/settings';
    });
    await page.getByRole('button', { name: 'Create context' }).click();
    const createContext = page.getByRole('dialog', { name: 'Create Docker context' });
    await createContext.getByRole('textbox', { name: 'Host' }).fill('tcp://bad host');
    await createContext.getByRole('textbox', { name: 'Host' }).fill('tcp://127.0.0.1:2376');
    await expect(createContext.getByRole('checkbox', { name: /Skip TLS verification/ })).toBeVisible();
    found['Create context dialog'] = await audit(page);
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((key) => [key, []])));
  });
}
