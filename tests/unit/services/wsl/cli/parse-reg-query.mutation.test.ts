import { describe, expect, it } from 'vitest';
import { parseLxssRegistry, parseRegQuery } from '../../../../../electron/services/wsl/cli/parse-reg-query';

// Layout and type edges of `reg.exe query` the mutation run (npm run mutation) found untested.

const LXSS = 'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Lxss';
const GUID = '{a7b1b735-87cb-4545-bd1b-b29b129dbc47}';
const GUID2 = '{0d3c5a3e-1c44-4c6e-9d1e-0a8f6e2b7c11}';

/** A `reg query /s` text: each key's path line, then its `name    TYPE    data` lines. */
function regText(keys: Array<[string, Array<[string, string, string?]>]>): string {
  return keys
    .map(([path, values]) => [path, ...values.map(([name, type, data]) => `    ${name}    ${type}${data === undefined ? '' : `    ${data}`}`)].join('\r\n'))
    .join('\r\n\r\n');
}

describe('parseRegQuery', () => {
  it('trims trailing blanks of a key line, ignores values before any key, and reads a value without data', () => {
    const keys = parseRegQuery(`    Stray    REG_SZ    x\r\n${LXSS}   \r\n    Empty    REG_SZ\r\n`);
    expect(keys).toHaveLength(1);
    expect(keys[0]?.path).toBe(LXSS);
    expect([...(keys[0]?.values ?? [])]).toEqual([['Empty', { type: 'REG_SZ', data: '' }]]);
  });
});

describe('parseRegQuery: what is a key line and what is a value line', () => {
  it('takes a bare hive as a key, and only lines that start with HKEY_ and a hive name', () => {
    const keys = parseRegQuery(
      [
        'HKEY_CURRENT_USER',
        '    Path    REG_SZ    HKEY_LOCAL_MACHINE\\Software',
        'HKEY_CURRENT_USER (not a key)',
        'Summary    Name    REG_SZ    x',
        '    Type    REG_SZ and more',
      ].join('\r\n'),
    );
    expect(keys.map((k) => [k.path, [...k.values]])).toEqual([['HKEY_CURRENT_USER', [['Path', { type: 'REG_SZ', data: 'HKEY_LOCAL_MACHINE\\Software' }]]]]);
  });
});

describe('parseLxssRegistry', () => {
  it('reads numbers only from DWORD and QWORD values, and text only from SZ and EXPAND_SZ values', () => {
    const registry = parseLxssRegistry(
      regText([
        [LXSS, [['DefaultVersion', 'REG_QWORD', '0x1'], ['DefaultDistribution', 'REG_EXPAND_SZ', GUID.toUpperCase()], ['NatIpAddress', 'REG_DWORD', '0x5']]],
        [
          `${LXSS}\\${GUID}`,
          [
            ['DistributionName', 'REG_SZ', 'Ubuntu'],
            ['BasePath', 'REG_EXPAND_SZ', 'C:\\wsl\\ubuntu'],
            ['Flags', 'REG_SZ', '0xf'],
            ['State', 'REG_DWORD', '0x1   '],
            ['DefaultUid', 'REG_BINARY', '0x3e8'],
            ['PackageFamilyName', 'REG_DWORD', '0x1'],
          ],
        ],
      ]),
    );
    expect(registry).toEqual({
      defaultDistributionId: GUID,
      defaultVersion: 1,
      natIpAddress: null,
      distros: [
        {
          id: GUID,
          name: 'Ubuntu',
          basePath: 'C:\\wsl\\ubuntu',
          vhdFileName: 'ext4.vhdx',
          flags: null,
          version: null,
          state: 1,
          defaultUid: null,
          packageFamilyName: null,
        },
      ],
    });
  });

  it('reads a DWORD only when its data is exactly 0x and hex digits', () => {
    const withState = (state: string) =>
      parseLxssRegistry(regText([[`${LXSS}\\${GUID}`, [['DistributionName', 'REG_SZ', 'Ubuntu'], ['State', 'REG_DWORD', state]]]])).distros[0]?.state;
    expect(withState('0x1f')).toBe(31);
    expect(withState('0x10 (16)')).toBeNull();
    expect(withState('ab0x10')).toBeNull();
    expect(withState('16')).toBeNull();
  });

  it('gives null for absent values: no BasePath, no Flags (so no version), an empty BasePath', () => {
    const registry = parseLxssRegistry(
      regText([
        [`${LXSS}\\${GUID}`, [['DistributionName', 'REG_SZ', 'Bare']]],
        [`${LXSS}\\${GUID2}`, [['DistributionName', 'REG_SZ', 'Empty'], ['BasePath', 'REG_SZ', ''], ['Flags', 'REG_DWORD', '0x0']]],
      ]),
    );
    expect(registry.distros.map((d) => [d.name, d.basePath, d.flags, d.version])).toEqual([
      ['Bare', null, null, null],
      ['Empty', null, 0, 1],
    ]);
    expect(registry).toMatchObject({ defaultDistributionId: null, defaultVersion: null, natIpAddress: null });
  });

  it('turns \\\\?\\UNC\\ into \\\\ and strips only a leading \\\\?\\', () => {
    const basePathOf = (basePath: string) =>
      parseLxssRegistry(regText([[`${LXSS}\\${GUID}`, [['DistributionName', 'REG_SZ', 'U'], ['BasePath', 'REG_SZ', basePath]]]])).distros[0]?.basePath;
    expect(basePathOf('\\\\?\\UNC\\server\\share\\wsl')).toBe('\\\\server\\share\\wsl');
    expect(basePathOf('\\\\?\\D:\\wsl')).toBe('D:\\wsl');
    expect(basePathOf('D:\\wsl\\\\?\\x')).toBe('D:\\wsl\\\\?\\x');
  });

  it('takes the key that ends in \\Lxss as the root wherever it is printed', () => {
    const registry = parseLxssRegistry(
      regText([
        [`${LXSS}\\${GUID}`, [['DistributionName', 'REG_SZ', 'Ubuntu'], ['DefaultDistribution', 'REG_SZ', '{not-the-root}']]],
        [LXSS, [['DefaultDistribution', 'REG_SZ', GUID]]],
      ]),
    );
    expect(registry.defaultDistributionId).toBe(GUID);
  });

  it('keeps only direct {GUID} subkeys of Lxss that carry a DistributionName', () => {
    const registry = parseLxssRegistry(
      regText([
        [`${LXSS}\\NotAGuid`, [['DistributionName', 'REG_SZ', 'Named']]],
        [`${LXSS}\\x${GUID}`, [['DistributionName', 'REG_SZ', 'Prefixed']]],
        [`${LXSS}\\${GUID}x`, [['DistributionName', 'REG_SZ', 'Suffixed']]],
        [`${LXSS}\\${GUID2}`, [['BasePath', 'REG_SZ', 'C:\\half-registered']]],
        [`${LXSS}\\${GUID2}\\${GUID}`, [['DistributionName', 'REG_SZ', 'Nested']]],
        [`HKEY_CURRENT_USER\\Elsewhere\\${GUID}`, [['DistributionName', 'REG_SZ', 'Outside']]],
        [`${LXSS}\\${GUID}`, [['DistributionName', 'REG_SZ', 'Ubuntu']]],
      ]),
    );
    expect(registry.distros.map((d) => d.name)).toEqual(['Ubuntu']);
  });
});
