import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';

test.describe('browser host security', () => {
  test('a request without the token is refused', async ({ request, lightdock }) => {
    const res = await request.get(`http://127.0.0.1:${lightdock.port}/`);
    expect(res.status()).toBe(403);
    const asset = await request.get(`http://127.0.0.1:${lightdock.port}/index.html`);
    expect(asset.status()).toBe(403);
  });

  test('nothing the UI leaves in the browser reaches another server on 127.0.0.1', async ({ page, context, lightdock }) => {
    const seen: http.IncomingHttpHeaders[] = [];
    const other = http.createServer((req, res) => {
      seen.push(req.headers);
      res.end('other server');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      await page.goto(lightdock.url);
      await expect(page.getByRole('table', { name: 'Distros' })).toBeVisible();
      expect(await context.cookies()).toEqual([]);
      const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}/`;
      await page.goto(otherUrl);
      await expect(page.locator('body')).toHaveText('other server');
      expect(seen.length).toBeGreaterThan(0);
      for (const headers of seen) {
        expect(headers.cookie).toBeUndefined();
        expect(JSON.stringify(headers)).not.toContain(lightdock.token);
      }
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });

  test('the page cannot open a WebSocket to the host without the token', async ({ page, lightdock }) => {
    await page.goto(lightdock.url);
    const outcome = await page.evaluate(
      (port) =>
        new Promise<string>((resolve) => {
          const socket = new WebSocket(`ws://127.0.0.1:${port}/ipc?token=wrong`);
          socket.onopen = () => resolve('open');
          socket.onerror = () => resolve('refused');
        }),
      lightdock.port,
    );
    expect(outcome).toBe('refused');
  });

  test('the CSP blocks inline script and bad IPC input changes nothing', async ({ page, lightdock }) => {
    const response = await page.goto(lightdock.url);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect(page.getByRole('table', { name: 'Distros' })).toBeVisible();
    const violations = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const seen: string[] = [];
          document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
          const script = document.createElement('script');
          script.textContent = 'window.__inlineRan = true';
          document.head.appendChild(script);
          setTimeout(() => resolve(seen), 100);
        }),
    );
    expect(violations).toContain('script-src-elem');
    expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
    const result = await page.evaluate(() => window.lightdock!.invoke('distros:start', { name: 'Debian; rm -rf /' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const unknown = await page.evaluate(() => (window.lightdock!.invoke as (c: string, r: unknown) => Promise<unknown>)('distros:nuke', {}));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const listed = JSON.parse((await lightdock.cli('distros', 'list', '--json')).stdout) as { state: string }[];
    expect(listed.every((d) => d.state === 'Stopped')).toBe(true);
  });
});
