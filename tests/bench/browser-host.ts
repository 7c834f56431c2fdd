import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A running browser host (`node out/web/serve.js --port 0`) and the tokenized URL it printed. */
export interface RunningHost {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the built browser host with `env` and resolves once it prints its URL (rejects after 20 s or on exit). */
export function startBrowserHost(env: NodeJS.ProcessEnv): Promise<RunningHost> {
  const child = spawn(process.execPath, [path.join(root, 'out/web/serve.js'), '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the browser host did not start within 20 s: ${output}`));
    }, 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], child, stop });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the browser host exited with ${code}: ${output}`));
    });
  });
}

/** Debian's Chromium, headless, through Playwright (never a downloaded browser). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['LIGHTDOCK_CHROMIUM'] ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * A fresh context and page in which functions passed to `page.evaluate` and `addInitScript` can run as tsx compiled
 * them: tsx keeps function names with an `__name` helper that exists only in Node, so the page gets a no-op one.
 */
export async function openBenchPage(browser: Browser, viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  await context.addInitScript('globalThis.__name = (target) => target;');
  return { context, page: await context.newPage() };
}
