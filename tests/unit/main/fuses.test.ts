import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const configPath = path.resolve(import.meta.dirname, '../../../build/electron-builder.yml');
const lines = fs.readFileSync(configPath, 'utf8').split(/\r?\n/);

/** The `key: value` lines indented under a top-level key (a deliberately tiny reader for this flat file). */
function block(key: string): Map<string, string> {
  const start = lines.indexOf(`${key}:`);
  if (start < 0) throw new Error(`${key} is missing from build/electron-builder.yml`);
  const entries = new Map<string, string>();
  for (const line of lines.slice(start + 1)) {
    if (!/^\s/.test(line)) break;
    const match = /^ {2}([A-Za-z]+):\s*(\S.*)$/.exec(line);
    if (match) entries.set(match[1] as string, (match[2] as string).trim());
  }
  return entries;
}

/** The list items (`- item`) anywhere under a top-level key. */
function items(key: string): string[] {
  const start = lines.indexOf(`${key}:`);
  const found: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!/^\s|^-/.test(line)) break;
    const match = /^\s*- (\S+)$/.exec(line);
    if (match) found.push(match[1] as string);
  }
  return found;
}

function topLevel(key: string): string | undefined {
  return lines.find((line) => line.startsWith(`${key}: `))?.slice(key.length + 2).trim();
}

describe('build/electron-builder.yml', () => {
  it('flips every security fuse the checklist asks for (item 19)', () => {
    expect(Object.fromEntries(block('electronFuses'))).toEqual({
      runAsNode: 'false',
      enableCookieEncryption: 'true',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });

  it('packages the app into an asar, which the asar fuses rely on', () => {
    expect(topLevel('asar')).toBe('true');
  });

  it('names the app and ships only the built bundles and package.json', () => {
    expect(topLevel('appId')).toBe('dev.lightdock.app');
    expect(topLevel('productName')).toBe('Lightdock');
    expect(block('directories').get('output')).toBe('dist');
    expect(items('files')).toEqual(['out/**', 'package.json']);
  });

  it('builds an NSIS installer on Windows and AppImage plus deb on Linux', () => {
    expect(items('win')).toEqual(['nsis']);
    expect(items('linux')).toEqual(['AppImage', 'deb']);
  });
});
