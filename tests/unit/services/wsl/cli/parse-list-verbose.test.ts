import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeWslOutput } from '../../../../../electron/services/wsl/cli/decode-output';
import { hasListVerboseHeader, parseListVerbose } from '../../../../../electron/services/wsl/cli/parse-list-verbose';

const parseFixture = (name: string) =>
  parseListVerbose(decodeWslOutput(fs.readFileSync(path.resolve(import.meta.dirname, '../../../../fixtures/wsl', name))));

describe('parseListVerbose', () => {
  it('reads the ready list with the default first', () => {
    expect(parseFixture('list-verbose-ready.utf16le.txt')).toEqual([
      { name: 'Ubuntu-24.04', state: 'Running', rawState: 'Running', version: 2, isDefault: true },
      { name: 'docker-desktop', state: 'Stopped', rawState: 'Stopped', version: 2, isDefault: false },
      { name: 'Debian', state: 'Stopped', rawState: 'Stopped', version: 2, isDefault: false },
    ]);
  });

  it('reads the UTF-8 capture the same way', () => {
    expect(parseFixture('list-verbose-ready.utf8.txt')).toEqual(parseFixture('list-verbose-ready.utf16le.txt'));
  });

  it('reads a German-locale capture (header and states stay English)', () => {
    expect(parseFixture('list-verbose-de.utf16le.txt').map((r) => [r.name, r.state, r.isDefault])).toEqual([
      ['Debian-IPv6', 'Running', true],
      ['Debian', 'Running', false],
      ['Ubuntu-22.04', 'Stopped', false],
    ]);
  });

  it('reads WSL1 and WSL2 distros side by side', () => {
    expect(parseFixture('list-verbose-mixed.utf16le.txt').map((r) => [r.name, r.state, r.version])).toEqual([
      ['Ubuntu', 'Stopped', 2],
      ['OtherDistro', 'Running', 1],
      ['rancher-desktop-data', 'Stopped', 2],
      ['rancher-desktop', 'Stopped', 2],
    ]);
  });

  it('knows every state word wsl.exe prints', () => {
    expect(parseFixture('list-verbose-all-states.utf16le.txt').map((r) => r.state)).toEqual([
      'Stopped',
      'Running',
      'Installing',
      'Uninstalling',
      'Converting',
      'Exporting',
    ]);
  });

  it('reads the \\r\\r\\n output of old builds', () => {
    expect(parseFixture('list-verbose-old-crcrlf.utf16le.txt')).toEqual([
      { name: 'Ubuntu', state: 'Stopped', rawState: 'Stopped', version: 1, isDefault: true },
    ]);
  });

  it('parses the zero-distro message, in English and German, as an empty list', () => {
    expect(parseFixture('list-verbose-none.utf16le.txt')).toEqual([]);
    expect(parseFixture('list-verbose-none.utf8.txt')).toEqual([]);
    expect(parseFixture('list-verbose-none-de.utf16le.txt')).toEqual([]);
  });

  it('keeps an unknown state word raw, even one with spaces that overflows its column', () => {
    const text = ['  NAME      STATE           VERSION', '* Ubuntu    Wird ausgeführt 2', '  Debian    Stopped         1', ''].join('\n');
    expect(parseListVerbose(text)).toEqual([
      { name: 'Ubuntu', state: null, rawState: 'Wird ausgeführt', version: 2, isDefault: true },
      { name: 'Debian', state: 'Stopped', rawState: 'Stopped', version: 1, isDefault: false },
    ]);
  });

  it('refuses a row that does not follow the layout instead of guessing', () => {
    expect(() => parseListVerbose('  NAME      STATE           VERSION\nUbuntu Running 2\n')).toThrow(/Unreadable row/);
    expect(() => parseListVerbose('  NAME      STATE           VERSION\n* Ubuntu    Running\n')).toThrow(/Unreadable row/);
  });

  it('refuses a name with a space in it (WSL names have none, so the columns are misread)', () => {
    const header = '  NAME            STATE           VERSION';
    expect(() => parseListVerbose(`${header}\n  Ubuntu 24.04    Stopped         2\n`)).toThrow('Unreadable row in "wsl -l -v" output: "  Ubuntu 24.04    Stopped         2"');
    expect(() => parseListVerbose(`${header}\n* Ubuntu\t24     Stopped         2\n`)).toThrow(/Unreadable row/);
    expect(parseListVerbose(`${header}\n  Ubuntu-24.04    Stopped         2\n`)).toEqual([
      { name: 'Ubuntu-24.04', state: 'Stopped', rawState: 'Stopped', version: 2, isDefault: false },
    ]);
  });

  it('refuses each broken part of a row: the marker, the blank after it, an empty name, an empty state', () => {
    const header = '  NAME      STATE           VERSION';
    for (const row of ['# Ubuntu    Stopped         2', '**Ubuntu    Stopped         2', '            Stopped         2']) {
      expect(() => parseListVerbose(`${header}\n${row}\n`), row).toThrow(/^Unreadable row/);
    }
    expect(() => parseListVerbose(`${header}\n  Ubuntu                    2\n`)).toThrow(/^Row without a state/);
  });

  it('tells a table from anything else', () => {
    expect(hasListVerboseHeader('  NAME      STATE           VERSION\r\n')).toBe(true);
    expect(hasListVerboseHeader('Windows Subsystem for Linux has no installed distributions.\n')).toBe(false);
    expect(hasListVerboseHeader('NAME STATE VERSION\n')).toBe(false);
  });
});
