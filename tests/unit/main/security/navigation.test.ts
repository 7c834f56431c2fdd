import type { App, WebContents, WindowOpenHandlerResponse } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  createWindowOpenHandler,
  guardAllWebContents,
  guardNavigation,
  isAllowedNavigation,
  preventWebviewAttach,
} from '../../../../electron/main/security/navigation';
import { RecordingLogger } from '../../../helpers/recording';

describe('isAllowedNavigation', () => {
  it.each([
    ['app://bundle/index.html', true],
    ['app://bundle/', true],
    ['app://bundle/index.html#/distros', true],
    ['app://bundle/../x', false],
    ['app://bundle/%2e%2e/x', false],
    ['https://app.bundle.attacker.com', false],
    ['https://app.bundle.attacker.com/app://bundle/', false],
    ['app://bundle.attacker.com/index.html', false],
    ['app://bundle:8080/index.html', false],
    ['app://user:pw@bundle/index.html', false],
    ['app://other/', false],
    ['APP://BUNDLE/index.html', true],
    ['javascript:alert(1)', false],
    ['javascript://bundle/%0aalert(1)', false],
    ['file:///etc/passwd', false],
    ['https://example.com/', false],
    ['http://localhost:5173/', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['about:blank', false],
    ['/index.html', false],
    ['', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedNavigation(url)).toBe(allowed);
  });

  it('refuses values that are not strings', () => {
    expect(isAllowedNavigation(undefined)).toBe(false);
    expect(isAllowedNavigation({ toString: () => 'app://bundle/' })).toBe(false);
  });
});

describe('guardNavigation', () => {
  function navigation(url: string) {
    const event = { url, prevented: false, preventDefault: () => (event.prevented = true) };
    return event;
  }

  it('cancels a navigation away from the app and logs it', () => {
    const logger = new RecordingLogger();
    const event = navigation('https://example.com/');
    expect(guardNavigation(event, logger)).toBe(false);
    expect(event.prevented).toBe(true);
    expect(logger.lines).toEqual([{ level: 'warn', message: expect.stringContaining('https://example.com/') }]);
  });

  it('lets a navigation inside the app through untouched', () => {
    const logger = new RecordingLogger();
    const event = navigation('app://bundle/index.html');
    expect(guardNavigation(event, logger)).toBe(true);
    expect(event.prevented).toBe(false);
    expect(logger.lines).toEqual([]);
  });
});

describe('the window-open handler', () => {
  it.each(['https://example.com/', 'app://bundle/index.html', 'file:///etc/passwd', 'about:blank', ''])(
    'denies a new window for %j and hands the URL to the external opener',
    (url) => {
      const opened: string[] = [];
      const handler = createWindowOpenHandler((u) => opened.push(u));
      expect(handler({ url })).toEqual({ action: 'deny' });
      expect(opened).toEqual([url]);
    },
  );
});

describe('will-attach-webview', () => {
  it('prevents every webview from attaching', () => {
    let prevented = 0;
    preventWebviewAttach({ preventDefault: () => prevented++ });
    expect(prevented).toBe(1);
  });
});

/** A web contents that records the listeners and the window-open handler installed on it. */
class GuardedContents {
  readonly listeners = new Map<string, (event: { url?: string; preventDefault(): void }) => void>();
  openHandler: ((details: { url: string }) => WindowOpenHandlerResponse) | null = null;
  on(name: string, listener: (event: { url?: string; preventDefault(): void }) => void): this {
    this.listeners.set(name, listener);
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenHandlerResponse): void {
    this.openHandler = handler;
  }
  fire(name: string, url?: string): boolean {
    let prevented = false;
    this.listeners.get(name)?.({ url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

describe('guardAllWebContents', () => {
  function setUp() {
    const opened: string[] = [];
    let created: ((event: unknown, contents: WebContents) => void) | undefined;
    const app = { on: (name: string, listener: typeof created) => ((created = name === 'web-contents-created' ? listener : created), app) };
    const shell = { openExternal: async (url: string) => void opened.push(url) };
    guardAllWebContents(app as unknown as App, { shell, logger: new RecordingLogger() });
    const contents = new GuardedContents();
    created?.({}, contents as unknown as WebContents);
    return { contents, opened };
  }

  it('guards every new web contents against navigation, frame navigation and webviews', () => {
    const { contents } = setUp();
    expect(contents.fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.fire('will-frame-navigate', 'https://example.com/')).toBe(true);
    expect(contents.fire('will-navigate', 'app://bundle/index.html')).toBe(false);
    expect(contents.fire('will-attach-webview')).toBe(true);
  });

  it('denies every new window and opens only safe URLs in the browser', async () => {
    const { contents, opened } = setUp();
    expect(contents.openHandler?.({ url: 'https://example.com/docs' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'ms-msdt:/id PCWDiagnostic' })).toEqual({ action: 'deny' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(opened).toEqual(['https://example.com/docs']);
  });
});
