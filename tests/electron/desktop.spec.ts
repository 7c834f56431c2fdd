import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { LightdockApi } from '../../shared/ipc/lightdock-api';

const ABSENT = 'Electron binary not present: desktop suite not run';
const root = path.resolve(import.meta.dirname, '..', '..');
const mainBundle = path.join(root, 'out', 'main', 'index.js');

/** The path of the Electron executable the `electron` package installed, or null when it has none. */
function electronBinary(): string | null {
  try {
    const binary: unknown = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** `window.lightdock` as the page sees it. */
type PageWindow = Window & { lightdock: LightdockApi; ipcRenderer?: unknown };

const binary = electronBinary();

if (binary === null) {
  console.log(ABSENT);
  test('reports that the Electron binary is absent', () => {
    test.info().annotations.push({ type: 'not run', description: ABSENT });
    expect(electronBinary()).toBeNull();
  });
} else {
  test.describe('Lightdock desktop app', () => {
    let app: ElectronApplication;
    let page: Page;
    let dataDir: string;
    const consoleMessages: string[] = [];

    test.beforeAll(async () => {
      expect(fs.existsSync(mainBundle), `${mainBundle} is missing: run npm run build first`).toBe(true);
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lightdock-electron-'));
      app = await electron.launch({
        executablePath: binary,
        args: [mainBundle],
        env: {
          ...process.env,
          LIGHTDOCK_DATA_DIR: dataDir,
          LIGHTDOCK_WSL_BACKEND: 'simulated',
          LIGHTDOCK_SCENARIO: 'ready',
          ELECTRON_ENABLE_SECURITY_WARNINGS: 'true',
        },
      });
      const listen = (window: Page): void => {
        window.on('console', (message) => consoleMessages.push(message.text()));
      };
      app.on('window', listen);
      app.windows().forEach(listen);
      page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
    });

    test.afterAll(async () => {
      await app?.close();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    });

    test('serves the renderer from app://bundle/', () => {
      expect(page.url().startsWith('app://bundle/')).toBe(true);
    });

    test('exposes only window.lightdock with invoke, on and ready', async () => {
      const surface = await page.evaluate(() => {
        const w = window as unknown as PageWindow;
        return { keys: Object.keys(w.lightdock).sort(), ipcRenderer: typeof w.ipcRenderer };
      });
      expect(surface).toEqual({ keys: ['invoke', 'on', 'ready'], ipcRenderer: 'undefined' });
    });

    test('keeps Node out of the page', async () => {
      const kinds = await page.evaluate(() => [typeof require, typeof process, typeof module]);
      expect(kinds).toEqual(['undefined', 'undefined', 'undefined']);
    });

    test('sandboxes every renderer', async () => {
      // getLastWebPreferences is undocumented (named in Electron's breaking-changes doc), hence the cast.
      type WithPrefs = { getLastWebPreferences(): { sandbox?: boolean } | null };
      const sandboxed = await app.evaluate(({ webContents }) =>
        webContents.getAllWebContents().map((w) => (w as unknown as WithPrefs).getLastWebPreferences()?.sandbox),
      );
      expect(sandboxed.length).toBeGreaterThan(0);
      expect(sandboxed.every((value) => value === true)).toBe(true);
    });

    test('blocks eval through the Content-Security-Policy', async () => {
      const outcome = await page.evaluate(() => {
        try {
          return eval('1 + 1') === 2 ? 'allowed' : 'odd';
        } catch {
          return 'blocked';
        }
      });
      expect(outcome).toBe('blocked');
    });

    test('blocks navigation away from the app', async () => {
      const before = page.url();
      const navigated = page.waitForEvent('framenavigated', { timeout: 2_000 }).then(
        () => true,
        () => false,
      );
      await page.evaluate(() => {
        window.location.href = 'https://example.com/';
      });
      expect(await navigated).toBe(false);
      expect(page.url()).toBe(before);
    });

    test('refuses new windows', async () => {
      const opened = await page.evaluate(() => window.open('about:blank') === null);
      expect(opened).toBe(true);
      expect(app.windows()).toHaveLength(1);
    });

    test('denies permissions by default', async () => {
      expect(await page.evaluate(() => Notification.requestPermission())).toBe('denied');
    });

    test('lists the distros of the simulated host', async () => {
      const result = await page.evaluate(() => (window as unknown as PageWindow).lightdock.invoke('distros:list', {}));
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.value.map((distro) => distro.name)).toEqual(['Ubuntu-24.04', 'docker-desktop', 'Debian']);
      await expect(page.getByText('Ubuntu-24.04').first()).toBeVisible();
    });

    test('prints no Electron security warning', () => {
      expect(consoleMessages.filter((text) => text.includes('Electron Security Warning'))).toEqual([]);
    });
  });
}
