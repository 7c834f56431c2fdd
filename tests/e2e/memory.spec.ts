import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { MemoryHistory, MemoryNode, MemoryReport } from '../../shared/model/memory';
import { expect, startHost, stopHost, test } from './fixtures';

/** Calls the host through the page's own bridge (`window.lightdock`) and returns the answer's value, or throws its error. */
async function invoke<T>(page: Page, channel: string, request: unknown): Promise<T> {
  const answer = await page.evaluate(
    async ([c, r]) => {
      const api = (window as unknown as { lightdock: { invoke(channel: string, request: unknown): Promise<unknown> } }).lightdock;
      return api.invoke(c as string, r);
    },
    [channel, request] as const,
  );
  const envelope = answer as { ok: boolean; value?: unknown; error?: unknown };
  if (!envelope.ok) throw new Error(`${channel} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

function nodes(roots: readonly MemoryNode[]): MemoryNode[] {
  return roots.flatMap((node) => [node, ...nodes(node.children)]);
}

/** Every parent whose children's bytes do not add up to its own, as `label: parent ≠ sum`. */
function unbalanced(roots: readonly MemoryNode[]): string[] {
  return nodes(roots)
    .filter((node) => node.children.length > 0)
    .map((node) => ({ node, sum: node.children.reduce((total, child) => total + child.bytes, 0) }))
    .filter(({ node, sum }) => node.bytes !== sum)
    .map(({ node, sum }) => `${node.label}: ${node.bytes} ≠ ${sum}`);
}

function breakdown(page: Page) {
  return page.getByRole('treegrid', { name: 'Memory breakdown table' });
}

function partRow(page: Page, label: string) {
  return breakdown(page).getByRole('row').filter({ has: page.getByRole('rowheader').getByText(label, { exact: true }) });
}

const SAMPLES_KEPT = /^(\d+) of \d+ samples kept\.$/;

test.describe('Memory page in the browser host (simulated host and engine)', () => {
  test('breaks memory down host → VM → docker-desktop → containers once docker-desktop starts, labels estimates, and the parts add up', async ({ page, lightdock }) => {
    await page.goto(`${lightdock.url}#/memory`);
    await expect(page.getByRole('heading', { name: 'Memory', level: 2 })).toBeVisible();
    await expect(page.getByText('The WSL VM is not running, so it holds no memory from the host')).toBeVisible();
    await expect(partRow(page, 'WSL2 VM (vmmem)')).toContainText('0 B');

    expect((await lightdock.cli('distros', 'start', 'docker-desktop')).code).toBe(0);
    await expect(partRow(page, 'shop-api-1')).toBeVisible({ timeout: 10_000 });
    await expect(partRow(page, 'Windows host (simulated)')).toHaveAttribute('aria-level', '1');
    await expect(partRow(page, 'WSL2 VM (vmmem)')).toHaveAttribute('aria-level', '2');
    await expect(partRow(page, 'docker-desktop')).toHaveAttribute('aria-level', '3');
    for (const container of ['shop-api-1', 'shop-db-1', 'shop-web-1']) await expect(partRow(page, container)).toHaveAttribute('aria-level', '4');
    await expect(partRow(page, 'shop-api-1')).toContainText('512 MiB');
    await expect(partRow(page, 'shop-db-1')).toContainText('1 GiB');
    await expect(partRow(page, 'docker-desktop').getByText('estimated', { exact: true })).toBeVisible();
    await expect(page.getByText('Simulated figures')).toBeVisible();

    const report = await invoke<MemoryReport>(page, 'memory:report', {});
    expect(unbalanced(report.roots)).toEqual([]);
    const all = nodes(report.roots);
    expect(all.filter((node) => node.kind === 'container').map((node) => node.label)).toEqual(expect.arrayContaining(['shop-api-1', 'shop-db-1', 'shop-web-1']));
    const estimated = all.filter((node) => node.estimated);
    expect(estimated.length).toBeGreaterThan(0);
    for (const node of estimated) expect(node.estimate, `how ${node.label} is estimated`).toMatch(/\w+/);
    for (const node of all.filter((n) => !n.estimated)) expect(node.estimate).toBeNull();

    await partRow(page, 'docker-desktop').getByRole('button', { name: 'Collapse docker-desktop' }).click();
    await expect(partRow(page, 'shop-api-1')).toHaveCount(0);
    await expect(partRow(page, 'docker-desktop')).toHaveAttribute('aria-expanded', 'false');
  });

  test('Reclaim page cache shows the VM page cache falling to 0 B', async ({ page, lightdock }) => {
    expect((await lightdock.cli('distros', 'start', 'docker-desktop')).code).toBe(0);
    await page.goto(`${lightdock.url}#/memory`);
    const reclaim = page.getByRole('button', { name: 'Reclaim page cache' });
    await expect(reclaim).toBeEnabled({ timeout: 10_000 });
    await expect(page.getByText(/^The VM holds [1-9][\d.]* (KiB|MiB|GiB) of page cache/)).toBeVisible();

    await reclaim.click();
    const result = page.getByRole('alert', { name: 'Reclaim result' });
    await expect(result).toContainText('Page cache reclaimed', { timeout: 10_000 });
    const line = result.getByRole('listitem').filter({ hasText: 'VM page cache' });
    await expect(line).toHaveText(/^VM page cache [1-9][\d.]* (KiB|MiB|GiB) → 0 B$/);
    const assigned = await result.getByRole('listitem').filter({ hasText: 'VM assigned (vmmem)' }).innerText();
    const [, before, after] = /^VM assigned \(vmmem\) (.+) → (.+)$/.exec(assigned) ?? [];
    expect(before).toBeDefined();
    expect(after).not.toBe(before);
  });

  test('samples history while the page is open, and keeps it across a restart of the host process', async ({ page }) => {
    test.setTimeout(90_000);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lightdock-e2e-history-'));
    fs.writeFileSync(path.join(dataDir, 'settings.json'), `${JSON.stringify({ setup: { seen: true } })}\n`);
    let host = await startHost(dataDir, 'ready', 'simulated', null);
    try {
      await page.goto(`${host.url}#/memory`);
      const kept = page.getByText(SAMPLES_KEPT);
      await expect(kept).toHaveText(/^([3-9]|\d{2,}) of \d+ samples kept\.$/, { timeout: 20_000 });
      await expect(page.getByRole('figure', { name: 'Host memory over time' })).toBeVisible();
      await expect(page.getByRole('list', { name: 'Host: newest figures' })).toContainText(/Host RAM used: [1-9]/);
      const before = await invoke<MemoryHistory>(page, 'memory:history', { resolution: '1s' });
      expect(before.samples.length).toBeGreaterThanOrEqual(3);

      await page.goto('about:blank');
      await stopHost(host.child);
      host = await startHost(dataDir, 'ready', 'simulated', null);

      // Not the Memory page first: nothing watches, so nothing new is sampled, and what is there came from the file.
      await page.goto(`${host.url}#/distros`);
      await expect(page.getByRole('heading', { name: 'Distros', level: 2 })).toBeVisible();
      const after = await invoke<MemoryHistory>(page, 'memory:history', { resolution: '1s' });
      expect(after.samples.map((sample) => sample.t)).toEqual(expect.arrayContaining(before.samples.map((sample) => sample.t)));
      expect(after.samples.find((sample) => sample.t === before.samples[0]?.t)).toEqual(before.samples[0]);

      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Memory' }).click();
      await expect(kept).toBeVisible({ timeout: 10_000 });
      const shown = Number(SAMPLES_KEPT.exec(await kept.innerText())?.[1]);
      expect(shown).toBeGreaterThanOrEqual(before.samples.length);
    } finally {
      await stopHost(host.child);
      fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    }
  });
});
