import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl, openExternalSafely } from '../../../../electron/main/security/external-url';
import { RecordingLogger } from '../../../helpers/recording';

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://example.com', true],
    ['https://learn.microsoft.com/en-us/windows/wsl/install', true],
    ['HTTPS://EXAMPLE.COM/a?b=c#d', true],
    ['http://127.0.0.1:8080/', true],
    ['http://localhost:3000/app', true],
    ['http://evil.com', false],
    ['http://127.0.0.1.evil.com/', false],
    ['http://localhost.evil.com/', false],
    ['http://[::1]:8080/', false],
    ['https://user:pass@example.com/', false],
    ['file:///etc/passwd', false],
    ['file://server/share', false],
    ['smb://attacker.example/share', false],
    ['\\\\attacker\\share\\x.exe', false],
    ['ms-msdt:/id PCWDiagnostic /skip force', false],
    ['search-ms:query=x', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['vbscript:msgbox(1)', false],
    ['mailto:someone@example.com', false],
    ['app://bundle/index.html', false],
    ['//example.com/path', false],
    ['/relative/path', false],
    ['relative.html', false],
    ['https://', false],
    ['http//example.com', false],
    ['', false],
    ['not a url', false],
  ])('%j → %s', (url, safe) => {
    expect(isSafeExternalUrl(url)).toBe(safe);
  });

  it.each([undefined, null, 42, {}, ['https://example.com'], { href: 'https://example.com' }])('refuses the non-string %j', (value) => {
    expect(isSafeExternalUrl(value)).toBe(false);
  });

  it('refuses absurdly long URLs', () => {
    expect(isSafeExternalUrl(`https://example.com/${'a'.repeat(3000)}`)).toBe(false);
  });
});

describe('openExternalSafely', () => {
  function fakeShell(fail = false) {
    const opened: string[] = [];
    return {
      opened,
      openExternal: async (url: string): Promise<void> => {
        if (fail) throw new Error('no handler');
        opened.push(url);
      },
    };
  }

  it('opens a safe URL and says so', async () => {
    const shell = fakeShell();
    expect(await openExternalSafely(shell, 'https://example.com/')).toBe(true);
    expect(shell.opened).toEqual(['https://example.com/']);
  });

  it('never hands an unsafe URL to the shell, and logs the refusal', async () => {
    const shell = fakeShell();
    const logger = new RecordingLogger();
    expect(await openExternalSafely(shell, 'file:///C:/Windows/System32/calc.exe', logger)).toBe(false);
    expect(await openExternalSafely(shell, { toString: () => 'https://example.com' }, logger)).toBe(false);
    expect(shell.opened).toEqual([]);
    expect(logger.lines.map((l) => l.level)).toEqual(['warn', 'warn']);
  });

  it('reports a shell failure as false instead of throwing', async () => {
    const logger = new RecordingLogger();
    expect(await openExternalSafely(fakeShell(true), 'https://example.com/', logger)).toBe(false);
    expect(logger.lines).toEqual([{ level: 'warn', message: expect.stringContaining('https://example.com/') }]);
  });
});
