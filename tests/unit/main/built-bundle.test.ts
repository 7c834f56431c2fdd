import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../../shared/ipc/channels';
import { makeTempDir } from '../../helpers/temp-dir';

const root = path.resolve(import.meta.dirname, '../../..');
const BUNDLE = path.join(root, 'out/main/index.js');
const DRIVER = path.join(import.meta.dirname, 'electron-stand-in/run-bundle.mjs');
/** The whole run: start, a distro start in the simulated VM, the debounced tray rebuild, quit and the process exit. */
const RUN_TIMEOUT_MS = 60_000;

interface BundleReport {
  sandboxEnabled: boolean;
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[];
  protocolSchemes: string[];
  channels: string[];
  windowOptions: { show: boolean; minWidth: number; minHeight: number; webPreferences: Record<string, unknown> };
  loadedUrls: string[];
  navigationGuarded: boolean;
  loginItem: { openAtLogin: boolean; args: string[] };
  tray: { toolTip: string; labels: string[]; iconScales: number[]; debian: string };
  roundTrip: unknown;
  invalid: { ok: boolean; error?: { code: string } };
  untrusted: { ok: boolean; error?: { code: string } };
  trayAfterChange: { rebuilds: number; debian: string; toolTip: string };
  pushesToWindow: string[];
  closeKeptInTray: boolean;
  notifications: { title: string }[];
  afterQuit: { handlers: number; trayDestroyed: boolean; windows: number; quitEvents: number };
  errors: string[];
}

let temp: ReturnType<typeof makeTempDir>;
let run: { code: number | null; signal: string | null; stdout: string; stderr: string };
let report: BundleReport;

beforeAll(async () => {
  if (!fs.existsSync(BUNDLE)) {
    throw new Error(`${path.relative(root, BUNDLE)} is missing: run \`npm run build\` first (npm test builds before running vitest).`);
  }
  temp = makeTempDir('lightdock-bundle-');
  run = await new Promise((resolve) => {
    execFile(
      process.execPath,
      [DRIVER, BUNDLE],
      {
        cwd: root,
        timeout: RUN_TIMEOUT_MS,
        killSignal: 'SIGKILL',
        maxBuffer: 8 * 1024 * 1024,
        env: {
          PATH: process.env['PATH'],
          HOME: temp.dir,
          LIGHTDOCK_DATA_DIR: path.join(temp.dir, 'data'),
          LIGHTDOCK_WSL_BACKEND: 'simulated',
          LIGHTDOCK_ENGINE: 'simulated',
        },
      },
      (error, stdout, stderr) => {
        const failure = error as (Error & { code?: number | string; signal?: string }) | null;
        resolve({ code: failure === null ? 0 : typeof failure.code === 'number' ? failure.code : null, signal: failure?.signal ?? null, stdout, stderr });
      },
    );
  });
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  if (run.code !== 0 || !last.startsWith('{')) {
    throw new Error(`The bundle run failed (exit ${run.code}, signal ${run.signal}; a signal means it did not end on its own):\n${run.stderr.slice(-4000)}`);
  }
  report = JSON.parse(last) as BundleReport;
}, RUN_TIMEOUT_MS + 10_000);

afterAll(() => temp?.cleanup());

describe('the built main bundle (out/main/index.js) under plain Node with a stand-in electron', () => {
  it('enables the sandbox, registers app:// as a privileged scheme and serves it', () => {
    expect(report.sandboxEnabled).toBe(true);
    expect(report.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(report.protocolSchemes).toEqual(['app']);
  });

  it('registers exactly the invoke channels of the contract', () => {
    expect([...report.channels].sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('creates the window with the security webPreferences, guards its navigation and loads app://bundle/index.html', () => {
    expect(report.windowOptions.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, preload: 'string' });
    expect(report.windowOptions.webPreferences).not.toHaveProperty('webSecurity');
    expect(report.windowOptions.show).toBe(false);
    expect(report.loadedUrls).toEqual(['app://bundle/index.html']);
    expect(report.navigationGuarded).toBe(true);
    expect(report.loginItem).toEqual({ openAtLogin: false, args: ['--hidden'] });
  });

  it('builds the tray and its menu from the state, and rebuilds it after a change', () => {
    expect(report.tray.toolTip).toBe('Lightdock: Docker engine running (simulated), WSL VM stopped');
    expect(report.tray.labels).toContain('Quit Lightdock and stop the Docker engine');
    expect(report.tray.iconScales).toEqual([1, 1.5, 2]);
    expect(report.tray.debian).toBe('Debian (Stopped)');
    expect(report.trayAfterChange.debian).toBe('Debian (Running)');
    expect(report.trayAfterChange.rebuilds).toBeGreaterThanOrEqual(1);
  });

  it('answers a real IPC round trip through the registered handlers, refusing bad input and untrusted senders', () => {
    expect(report.roundTrip).toEqual({ ok: true, value: { name: 'Debian', state: 'Running', version: 2, isDefault: false } });
    expect(report.invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(report.untrusted).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
    expect(report.pushesToWindow).toContain('distros:changed');
  });

  it('keeps running in the tray when the window closes, then quits cleanly: handlers gone, tray destroyed, the process ends by itself', () => {
    expect(report.closeKeptInTray).toBe(true);
    expect(report.notifications.map((n) => n.title)).toEqual(['Lightdock is still running']);
    expect(report.afterQuit).toEqual({ handlers: 0, trayDestroyed: true, windows: 0, quitEvents: 1 });
    expect(report.errors).toEqual([]);
    expect([run.code, run.signal]).toEqual([0, null]);
  });
});
