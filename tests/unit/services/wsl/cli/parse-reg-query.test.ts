import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeRegOutput } from '../../../../../electron/services/wsl/cli/decode-output';
import { parseLxssRegistry, parseRegQuery } from '../../../../../electron/services/wsl/cli/parse-reg-query';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../fixtures/wsl');
const read = (name: string): string => decodeRegOutput(fs.readFileSync(path.join(FIXTURES, name)));

describe('reg.exe output', () => {
  it('decodes the OEM code page and UTF-16LE to the same text', () => {
    const oem = read('reg-query-lxss.cp850.txt');
    expect(oem).toContain('C:\\Users\\Jürgen\\AppData');
    expect(read('reg-query-lxss.utf16le.txt')).toBe(oem);
    expect(decodeRegOutput(Buffer.from('HKEY_CURRENT_USER\\x\r\n    A    REG_SZ    ü\r\n', 'utf8'))).toBe('HKEY_CURRENT_USER\\x\n    A    REG_SZ    ü\n');
  });

  it('parses keys and their values by layout, empty data included', () => {
    const keys = parseRegQuery(read('reg-query-lxss.cp850.txt'));
    expect(keys.map((k) => k.path.split('\\').at(-1))).toEqual([
      'Lxss',
      '{a7b1b735-87cb-4545-bd1b-b29b129dbc47}',
      '{0d3c5a3e-1c44-4c6e-9d1e-0a8f6e2b7c11}',
      '{5f1e9a2c-3b7d-4e8f-a1c2-d3e4f5a6b7c8}',
      'DiskMounts',
    ]);
    expect(keys[2]?.values.get('KernelCommandLine')).toEqual({ type: 'REG_SZ', data: '' });
    expect(keys[1]?.values.get('DefaultEnvironment')?.type).toBe('REG_MULTI_SZ');
  });

  it('reads the Lxss key: WSL version from Flags, BasePath without \\\\?\\, the default GUID in lower case', () => {
    const registry = parseLxssRegistry(read('reg-query-lxss.cp850.txt'));
    expect(registry).toMatchObject({ defaultDistributionId: '{a7b1b735-87cb-4545-bd1b-b29b129dbc47}', defaultVersion: 2, natIpAddress: '172.18.104.83' });
    expect(registry.distros).toEqual([
      {
        id: '{a7b1b735-87cb-4545-bd1b-b29b129dbc47}',
        name: 'Ubuntu',
        basePath: 'C:\\Users\\kouzm\\AppData\\Local\\Packages\\CanonicalGroupLimited.Ubuntu_79rhkp1fndgsc\\LocalState',
        vhdFileName: 'ext4.vhdx',
        flags: 15,
        version: 2,
        state: 1,
        defaultUid: 1000,
        packageFamilyName: 'CanonicalGroupLimited.Ubuntu_79rhkp1fndgsc',
      },
      {
        id: '{0d3c5a3e-1c44-4c6e-9d1e-0a8f6e2b7c11}',
        name: 'Debian',
        basePath: 'C:\\Users\\Jürgen\\AppData\\Local\\wsl\\{0d3c5a3e-1c44-4c6e-9d1e-0a8f6e2b7c11}',
        vhdFileName: 'ext4.vhdx',
        flags: 15,
        version: 2,
        state: 1,
        defaultUid: 0,
        packageFamilyName: null,
      },
      {
        id: '{5f1e9a2c-3b7d-4e8f-a1c2-d3e4f5a6b7c8}',
        name: 'Legacy-Alpine',
        basePath: 'D:\\wsl\\alpine',
        vhdFileName: 'alpine.vhdx',
        flags: 7,
        version: 1,
        state: 5,
        defaultUid: 1000,
        packageFamilyName: null,
      },
    ]);
  });

  it('reads an empty answer as an empty registry', () => {
    expect(parseLxssRegistry('')).toEqual({ defaultDistributionId: null, defaultVersion: null, natIpAddress: null, distros: [] });
  });
});
