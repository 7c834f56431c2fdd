import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { MemoryHistory, MemoryNode } from '../../shared/model/memory';
import { docker, TEST_IMAGE } from '../helpers/docker-engine';
import { expect, startHost, stopHost, test } from './fixtures';

// Memory, Network and Files in the browser host over the private dockerd that tests/run-all.sh starts
// (LIGHTDOCK_TEST_DOCKER_HOST): containers with memory limits and published ports, made with the docker CLI and
// reached only through 127.0.0.1. The engine runs on this Linux machine, with no VM.
test.use({ engine: 'docker' });

const run = `${process.pid}-${Date.now().toString(36)}`;
const label = `lightdock.e2e.run=${run}`;
const listening = `ld-e2e-httpd-${run}`;
const quiet = `ld-e2e-quiet-${run}`;
const created = `ld-e2e-files-${run}`;
const heavy = `ld-e2e-heavy-${run}`;
const volume = `ld-e2e-files-${run}-data`;
const WINDOWS_BIND = '/mnt/c/lightdock-e2e';
/** How long the containers' new network interfaces are given to settle before a page is opened. */
const NETWORK_SETTLE_MS = 4_000;

/** The host port the engine gave a container's port 80 on 127.0.0.1. */
async function hostPort(name: string): Promise<number> {
  return Number((await docker('port', name, '80/tcp')).trim().split(':').at(-1));
}

async function address(name: string): Promise<string> {
  return (await docker('inspect', '-f', '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}', name)).trim();
}

/** Calls the host through the page's own bridge (`window.lightdock`) and returns the answer's value, or throws its error. */
async function invoke<T>(page: Page, channel: string, request: unknown): Promise<T> {
  const answer = (await page.evaluate(
    async ([c, r]) =>
      (window as unknown as { lightdock: { invoke(channel: string, request: unknown): Promise<unknown> } }).lightdock.invoke(c as string, r),
    [channel, request] as const,
  )) as { ok: boolean; value?: unknown; error?: unknown };
  if (!answer.ok) throw new Error(`${channel} failed: ${JSON.stringify(answer.error)}`);
  return answer.value as T;
}

function partRow(page: Page, label: string) {
  return page.getByRole('treegrid', { name: 'Memory breakdown table' }).getByRole('row').filter({ has: page.getByRole('rowheader').getByText(label, { exact: true }) });
}

function portRow(page: Page, container: string) {
  return page.getByRole('table', { name: 'Published ports' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: container, exact: true }) });
}

function entryRow(page: Page, name: string, path: string) {
  return page.getByRole('table', { name: `Directories of ${name}` }).getByRole('row').filter({ has: page.getByText(path, { exact: true }) });
}

test.describe('Memory, Network and Files in the browser host (real Docker engine)', () => {
  const ports = { listening: 0, quiet: 0 };

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    await docker('run', '-d', '--label', label, '--name', listening, '--memory', '64m', '-p', '127.0.0.1::80', TEST_IMAGE, 'httpd', '-f', '-p', '80');
    await docker('run', '-d', '--label', label, '--name', quiet, '--memory', '96m', '-p', '127.0.0.1::80', TEST_IMAGE, 'sleep', '600');
    // Created, never started: the engine reports a created container's mounts, and nothing under /mnt/c has to exist.
    // 24 MiB in its /dev/shm (charged to its cgroup): the heaviest container by far.
    await docker('run', '-d', '--label', label, '--name', heavy, '--memory', '64m', TEST_IMAGE, 'sh', '-c', 'dd if=/dev/zero of=/dev/shm/fill bs=1048576 count=24 || exit 1; trap "exit 0" TERM; sleep 600 & wait');
    await docker('create', '--label', label, '--name', created, '-v', `${WINDOWS_BIND}:/src`, '-v', `${volume}:/data`, TEST_IMAGE, 'true');
    ports.listening = await hostPort(listening);
    ports.quiet = await hostPort(quiet);
    // Each started container adds a veth whose addresses settle over the next seconds (IPv6 duplicate address
    // detection); Chromium sees every change and aborts requests in flight with ERR_NETWORK_CHANGED, which would fail a
    // page's code loading in the first test. So the page is opened only once the network has settled.
    await new Promise((resolve) => setTimeout(resolve, NETWORK_SETTLE_MS));
  });

  test.afterAll(async () => {
    test.setTimeout(60_000);
    const leftovers = (await docker('ps', '-aq', '--filter', `label=${label}`)).split('\n').filter((id) => id !== '');
    if (leftovers.length > 0) await docker('rm', '-f', '-v', ...leftovers);
    await docker('volume', 'rm', '-f', volume);
  });

  test('Memory: this Linux machine with both running containers, their limits, and parts that add up', async ({ page, lightdock }) => {
    await page.goto(`${lightdock.url}#/memory`);
    await expect(page.getByRole('heading', { name: 'Memory', level: 2 })).toBeVisible();
    await expect(page.getByText('The Docker engine runs on this Linux machine itself, with no VM')).toBeVisible({ timeout: 15_000 });
    await expect(partRow(page, 'This Linux machine')).toHaveAttribute('aria-level', '1');
    await expect(partRow(page, listening)).toHaveAttribute('aria-level', '2');
    await expect(partRow(page, quiet)).toHaveAttribute('aria-level', '2');
    await expect(partRow(page, listening)).toContainText(/64 MiB \((<1|\d+(\.\d+)?)% used\)/);
    await expect(partRow(page, quiet)).toContainText(/96 MiB \((<1|\d+(\.\d+)?)% used\)/);
    await expect(partRow(page, created)).toHaveCount(0);
    await expect(partRow(page, 'Other processes and the kernel').getByText('estimated', { exact: true })).toBeVisible();

    const report = await invoke<{ roots: MemoryNode[] }>(page, 'memory:report', {});
    const linux = report.roots.find((root) => root.label === 'This Linux machine');
    expect(linux).toBeDefined();
    const parents = everyNode(report.roots).filter((node) => node.children.length > 0);
    for (const parent of parents) expect(parent.children.reduce((sum, child) => sum + child.bytes, 0), `${parent.label}'s parts`).toBe(parent.bytes);
    const limits = Object.fromEntries((linux?.children ?? []).filter((child) => child.kind === 'container').map((child) => [child.label, child.limitBytes]));
    expect(limits).toMatchObject({ [listening]: 64 * 1024 * 1024, [quiet]: 96 * 1024 * 1024 });
  });

  test('Memory history: the containers’ samples are kept across a restart of the host process', async ({ page }) => {
    test.setTimeout(90_000);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lightdock-e2e-history-'));
    fs.writeFileSync(path.join(dataDir, 'settings.json'), `${JSON.stringify({ setup: { seen: true } })}\n`);
    let host = await startHost(dataDir, 'ready', 'docker', null);
    try {
      await page.goto(`${host.url}#/memory`);
      await expect(page.getByText(/^([3-9]|\d{2,}) of \d+ samples kept\.$/)).toBeVisible({ timeout: 20_000 });
      await expect(page.getByRole('list', { name: 'Containers: newest figures' })).toContainText(listening);
      const before = await invoke<MemoryHistory>(page, 'memory:history', { resolution: '1s' });
      const last = before.samples.at(-1);
      expect(Object.keys(last?.containers ?? {})).toEqual(expect.arrayContaining([listening, quiet]));
      expect(last?.containers[listening]).toBeGreaterThan(0);

      await page.goto('about:blank');
      await stopHost(host.child);
      host = await startHost(dataDir, 'ready', 'docker', null);
      await page.goto(`${host.url}#/distros`);
      await expect(page.getByRole('heading', { name: 'Distros', level: 2 })).toBeVisible();
      const after = await invoke<MemoryHistory>(page, 'memory:history', { resolution: '1s' });
      expect(after.samples.find((sample) => sample.t === last?.t)).toEqual(last);
      expect(after.samples.map((sample) => sample.t)).toEqual(expect.arrayContaining(before.samples.map((sample) => sample.t)));
    } finally {
      await stopHost(host.child);
      fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    }
  });

  test('Memory: stopping the heaviest container shows the containers’ total falling by about its size', async ({ page, lightdock }) => {
    await page.goto(`${lightdock.url}#/memory`);
    await expect(partRow(page, heavy)).toContainText(/2\d(\.\d+)? MiB/, { timeout: 15_000 });
    await page.getByRole('button', { name: 'Stop heaviest containers' }).click();
    const dialog = page.getByRole('dialog', { name: 'Stop heaviest containers' });
    await dialog.getByRole('checkbox', { name: new RegExp(`^${heavy} · `) }).check();
    await dialog.getByRole('button', { name: /^Stop 1 \(/ }).click();
    await expect(dialog).toHaveCount(0, { timeout: 15_000 });
    const result = page.getByRole('alert', { name: 'Stop result' });
    await expect(result).toContainText(`Stopped ${heavy}`);
    const line = await result.getByRole('listitem').filter({ hasText: /^Containers / }).innerText();
    const [, before, after] = /^Containers (.+) → (.+)$/.exec(line) ?? [];
    expect(bytesOf(before ?? '') - bytesOf(after ?? '')).toBeGreaterThan(16 * 1024 ** 2);
    expect((await docker('inspect', '-f', '{{.State.Status}}', heavy)).trim()).toBe('exited');
    await expect(partRow(page, heavy)).toHaveCount(0, { timeout: 15_000 });
  });

  test('Network: both containers with their addresses and ports on the map, and Check all tells listening from nothing listening', async ({ page, lightdock }) => {
    await page.goto(`${lightdock.url}#/network`);
    await expect(page.getByRole('heading', { name: 'Network', level: 2 })).toBeVisible();
    const containers = page.getByRole('list', { name: 'Map layer: Containers' });
    for (const name of [listening, quiet]) {
      await expect(containers.getByRole('listitem').filter({ hasText: new RegExp(`^${name};`) })).toContainText(await address(name), { timeout: 15_000 });
    }
    await expect(page.getByRole('list', { name: 'Map layer: This Linux machine' })).toBeVisible();
    const published = page.getByRole('list', { name: 'Map layer: Published ports' });
    await expect(published).toContainText(`127.0.0.1:${ports.listening}`);
    await expect(published).toContainText(`127.0.0.1:${ports.quiet}`);
    await expect(portRow(page, listening)).toContainText(`80 → ${ports.listening}/tcp`);
    await expect(portRow(page, quiet)).toContainText(`80 → ${ports.quiet}/tcp`);
    await expect(portRow(page, listening).getByRole('link', { name: `Open http://localhost:${ports.listening}, ${listening} port ${ports.listening}/tcp` })).toBeVisible();

    await page.getByRole('button', { name: 'Check all' }).click();
    await expect(portRow(page, listening)).toContainText('Listening', { timeout: 15_000 });
    await expect(portRow(page, quiet)).toContainText('Nothing listening', { timeout: 15_000 });
    await expect(portRow(page, quiet)).toContainText(`Port ${ports.quiet} is published, but nothing listens on container port 80`);
    await expect(portRow(page, listening)).not.toContainText('Modelled');
  });

  test('Files: the /mnt/c bind mount is flagged on drive C with how to move it, and the named volume is not', async ({ page, lightdock }) => {
    await page.goto(`${lightdock.url}#/files`);
    await expect(page.getByRole('heading', { name: 'Files', level: 2 })).toBeVisible();
    const card = page.getByRole('region', { name: created, exact: true });
    await expect(card).toContainText('1 directory on a Windows drive', { timeout: 15_000 });
    await expect(card).toContainText('Stopped');
    const src = entryRow(page, created, '/src');
    await expect(src).toContainText('Windows drive C: — crosses the 9p boundary');
    await expect(src).toContainText(WINDOWS_BIND);
    const data = entryRow(page, created, '/data');
    await expect(data).toContainText('Docker volume');
    await expect(data).not.toContainText('crosses the 9p boundary');
    const advice = card.getByRole('region', { name: 'How to move /src' });
    await expect(advice.getByLabel('Commands to move /src', { exact: true })).toContainText(`cp -a ${WINDOWS_BIND} `);
    await expect(advice.getByRole('button', { name: 'Copy commands to move /src' })).toBeVisible();
    await expect(card.getByRole('region', { name: 'How to move /data' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: listening, exact: true })).toContainText('No mounts');
  });
});

const UNITS: Record<string, number> = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 };

/** "24.1 MiB" → bytes (as the page rounds them). */
function bytesOf(text: string): number {
  const [, value, unit] = /^([\d.]+) (B|KiB|MiB|GiB)$/.exec(text.trim()) ?? [];
  if (value === undefined || unit === undefined) throw new Error(`not a byte figure: ${text}`);
  return Number(value) * (UNITS[unit] ?? Number.NaN);
}

function everyNode(roots: readonly MemoryNode[]): MemoryNode[] {
  return roots.flatMap((node) => [node, ...everyNode(node.children)]);
}
