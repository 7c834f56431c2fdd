import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeWslOutput } from '../../../../../electron/services/wsl/cli/decode-output';
import { parseListOnline } from '../../../../../electron/services/wsl/cli/parse-list-online';
import { parseListQuiet } from '../../../../../electron/services/wsl/cli/parse-list-quiet';
import { parseWslStatus } from '../../../../../electron/services/wsl/cli/parse-status';
import { parseWslVersion } from '../../../../../electron/services/wsl/cli/parse-version';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../fixtures/wsl');
const read = (name: string): string => decodeWslOutput(fs.readFileSync(path.join(FIXTURES, name)));

describe('parseWslVersion', () => {
  it('reads the seven values by position whatever the label language', () => {
    const english = parseWslVersion(read('version.utf16le.txt'));
    expect(english).toEqual({
      wslVersion: '2.6.1.0',
      kernelVersion: '6.6.87.2-1',
      wslgVersion: '1.0.66',
      msrdcVersion: '1.2.6353',
      direct3dVersion: '1.611.1-81528511',
      dxcoreVersion: '10.0.26100.1-240331-1435.ge-release',
      windowsVersion: '10.0.26100.6899',
    });
    expect(parseWslVersion(read('version.utf8.txt'))).toEqual(english);
    expect(parseWslVersion(read('version-fr.utf16le.txt'))).toEqual(english);
    expect(parseWslVersion(read('version-de.utf16le.txt'))).toMatchObject({ wslVersion: '2.7.7.0', kernelVersion: '6.18.26.1-1', wslgVersion: '1.0.73.2' });
  });

  it('is null for the inbox wsl.exe that rejects --version', () => {
    expect(parseWslVersion(read('version-inbox.utf16le.txt'))).toBeNull();
  });
});

describe('parseWslStatus', () => {
  it('reads the default distro and version from the leading lines, in any language', () => {
    expect(parseWslStatus(read('status.utf16le.txt'))).toEqual({ defaultDistribution: 'Ubuntu', defaultVersion: 2, kernelVersion: null });
    expect(parseWslStatus(read('status.utf8.txt'))).toEqual({ defaultDistribution: 'Ubuntu', defaultVersion: 2, kernelVersion: null });
    expect(parseWslStatus(read('status-de.utf16le.txt'))).toEqual({ defaultDistribution: 'Ubuntu-22.04', defaultVersion: 2, kernelVersion: null });
  });

  it('reads a status without a default distro, and the inbox kernel version line', () => {
    expect(parseWslStatus(read('status-no-default.utf16le.txt'))).toEqual({ defaultDistribution: null, defaultVersion: 1, kernelVersion: null });
    expect(parseWslStatus(read('status-inbox.utf16le.txt'))).toEqual({ defaultDistribution: 'Ubuntu-22.04', defaultVersion: 2, kernelVersion: '5.10.16' });
  });
});

describe('parseListOnline', () => {
  it('reads the rows under the non-localized header, friendly names with spaces kept', () => {
    const rows = parseListOnline(read('list-online.utf16le.txt'));
    expect(rows).toHaveLength(17);
    expect(rows[0]).toEqual({ name: 'Ubuntu', friendlyName: 'Ubuntu' });
    expect(rows).toContainEqual({ name: 'SUSE-Linux-Enterprise-15-SP7', friendlyName: 'SUSE Linux Enterprise 15 SP7' });
    expect(rows.at(-1)).toEqual({ name: 'Ubuntu-20.04', friendlyName: 'Ubuntu 20.04 LTS' });
    expect(parseListOnline(read('list-online.utf8.txt'))).toEqual(rows);
    expect(parseListOnline(read('list-online-de.utf16le.txt')).map((r) => r.name)).toEqual(['Ubuntu', 'Debian', 'kali-linux']);
  });

  it('finds no rows in an error text, and refuses a row that is not a distro name', () => {
    expect(parseListOnline(read('list-online-offline.utf16le.txt'))).toEqual([]);
    expect(() => parseListOnline('NAME      FRIENDLY NAME\nbad name  Bad\n')).toThrow(/Unreadable row/);
  });
});

describe('parseListQuiet', () => {
  it('reads one name per line and nothing as no distro', () => {
    expect(parseListQuiet('Ubuntu\nMyDistro\n')).toEqual(['Ubuntu', 'MyDistro']);
    expect(parseListQuiet('')).toEqual([]);
  });
});
