import { describe, expect, it } from 'vitest';
import { effectiveWslConfig, validateWslConfig } from '../../../../../electron/services/wsl/wslconfig/effective-config';
import { buildWslConfigView } from '../../../../../electron/services/wsl/wslconfig/wslconfig-view';
import { parseBoolean, parseInteger, parseSize } from '../../../../../electron/services/wsl/wslconfig/wslconfig-values';

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;
const HOST = { totalMemoryBytes: 32 * GIB, logicalProcessors: 16 };

describe('.wslconfig value grammar', () => {
  it.each([
    ['8GB', 8 * GIB],
    ['8G', 8 * GIB],
    ['512MB', 512 * MIB],
    ['1T', 1024 * GIB],
    ['100B', 100],
    ['4096', 4096],
    ['0', 0],
    ['  +2GB', 2 * GIB],
    ['4gb', null],
    ['4Gb', null],
    ['1.5GB', null],
    ['GB', null],
    ['-1GB', null],
    ['8 GB', null],
    ['8GiB', null],
    ['', null],
  ])('size %j is %s', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });

  it.each([
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['False', false],
    ['0', false],
    ['yes', null],
    ['on', null],
    ['t', null],
  ])('boolean %j is %s', (text, value) => {
    expect(parseBoolean(text)).toBe(value);
  });

  it.each([
    ['60000', 60000],
    ['0x10', 16],
    ['010', 8],
    ['-1', -1],
    ['08', null],
    ['12ms', null],
    ['0x', null],
    ['99999999999', null],
  ])('integer %j is %s (strtol base 0)', (text, value) => {
    expect(parseInteger(text)).toBe(value);
  });
});

describe('validateWslConfig', () => {
  it('reports what WSL warns about, with lines', () => {
    const text = [
      '[wsl2]',
      'memory=4gb',
      'localhostForwarding=yes',
      'processors=64',
      'memory=8GB',
      'colour=blue',
      'networkingMode=wireless',
      'vmIdleTimeout=1min',
      '[experimental]',
      'sparseVhd=true',
      'autoMemoryReclaim=DropCache',
      'orphan',
    ].join('\n');
    const issues = validateWslConfig(text, HOST);
    expect(issues.map((i) => [i.line, i.key])).toEqual([
      [2, 'wsl2.memory'],
      [3, 'wsl2.localhostForwarding'],
      [4, 'wsl2.processors'],
      [5, 'wsl2.memory'],
      [6, 'wsl2.colour'],
      [7, 'wsl2.networkingMode'],
      [8, 'wsl2.vmIdleTimeout'],
      [10, 'experimental.sparseVhd'],
      [12, 'experimental.orphan'],
    ]);
    expect(issues[0]?.message).toContain("Invalid memory string '4gb'");
    expect(issues[1]?.message).toContain("Invalid boolean value 'yes'");
    expect(issues[2]?.message).toBe('wsl2.processors cannot exceed the number of logical processors on the system (64 > 16).');
    expect(issues[3]?.message).toContain('Duplicated config key');
    expect(issues[4]?.message).toContain("Unknown key 'wsl2.colour'");
  });

  it('accepts a clean file and keys outside any section are unknown', () => {
    expect(validateWslConfig('[wsl2]\nmemory=8GB\nprocessors=0x8\nswap=0\n[experimental]\nautoMemoryReclaim=gradual\n', HOST)).toEqual([]);
    expect(validateWslConfig('memory=8GB\n', HOST)[0]).toMatchObject({ line: 1, key: 'memory' });
    expect(validateWslConfig(null, HOST)).toEqual([]);
  });

  it('counts a key and its [experimental] spelling as one setting', () => {
    const issues = validateWslConfig('[wsl2]\nnetworkingMode=nat\n[experimental]\nnetworkingMode=mirrored\n', HOST);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 4, key: 'wsl2.networkingMode' });
  });
});

describe('effectiveWslConfig', () => {
  it('defaults: half the RAM, every processor, swap a quarter rounded up to a GB, NAT, 60 s idle, dropCache, 1 TB disks', () => {
    expect(effectiveWslConfig(null, HOST)).toMatchObject({
      memoryLimitBytes: 16 * GIB,
      processors: 16,
      swapBytes: 4 * GIB,
      vmIdleTimeoutMs: 60_000,
      networkingMode: 'nat',
      localhostForwarding: true,
      autoMemoryReclaim: 'dropCache',
      kernel: null,
      kernelCommandLine: null,
      defaultVhdSizeBytes: 1024 * GIB,
      sparseVhd: false,
    });
  });

  it('derives swap from the configured memory and rounds it up to a whole GB', () => {
    expect(effectiveWslConfig('[wsl2]\nmemory=6GB\n', HOST).swapBytes).toBe(2 * GIB);
    expect(effectiveWslConfig('[wsl2]\nmemory=6GB\nswap=0\n', HOST).swapBytes).toBe(0);
    expect(effectiveWslConfig(null, { totalMemoryBytes: 7 * GIB, logicalProcessors: 4 })).toMatchObject({ memoryLimitBytes: 3.5 * GIB, swapBytes: GIB });
  });

  it('clamps memory to at least 256 MB and at most the host, processors to the host', () => {
    expect(effectiveWslConfig('[wsl2]\nmemory=100MB\n', HOST).memoryLimitBytes).toBe(256 * MIB);
    expect(effectiveWslConfig('[wsl2]\nmemory=64GB\n', HOST).memoryLimitBytes).toBe(32 * GIB);
    expect(effectiveWslConfig('[wsl2]\nprocessors=64\n', HOST).processors).toBe(16);
  });

  it('ignores bad values (the first occurrence wins even when bad) and reads keys in any case', () => {
    expect(effectiveWslConfig('[wsl2]\nmemory=4gb\nmemory=2GB\n', HOST).memoryLimitBytes).toBe(16 * GIB);
    expect(effectiveWslConfig('[WSL2]\nNetworkingMode=Mirrored\nVMIDLETIMEOUT=0x3e8\n', HOST)).toMatchObject({ networkingMode: 'mirrored', vmIdleTimeoutMs: 1000 });
    expect(effectiveWslConfig('[experimental]\nnetworkingMode=consomme\nautoMemoryReclaim=GRADUAL\n', HOST)).toMatchObject({ networkingMode: 'virtioproxy', autoMemoryReclaim: 'gradual' });
  });

  it('reads paths and strings unescaped', () => {
    expect(effectiveWslConfig('[wsl2]\nkernel=C:\\\\wsl\\\\bzImage\nkernelCommandLine = "quiet splash"\n', HOST)).toMatchObject({ kernel: 'C:\\wsl\\bzImage', kernelCommandLine: 'quiet splash' });
  });
});

describe('buildWslConfigView', () => {
  it('lists every known setting with the file value, the host default and the effective value', () => {
    const view = buildWslConfigView({ path: '/x/.wslconfig', text: '[wsl2]\nmemory=8GB\nlocalhostForwarding=nope\n' }, HOST, false);
    const byKey = Object.fromEntries(view.settings.map((s) => [s.key, s]));
    expect(byKey['wsl2.memory']).toMatchObject({ value: '8GB', defaultValue: '16GB', effectiveValue: '8GB', type: 'size', restartNeeded: true });
    expect(byKey['wsl2.swap']).toMatchObject({ value: null, defaultValue: '2GB', effectiveValue: '2GB' });
    expect(byKey['wsl2.localhostForwarding']).toMatchObject({ value: 'nope', effectiveValue: 'true' });
    expect(byKey['wsl2.networkingMode']?.choices).toContain('mirrored');
    expect(byKey['general.distributionInstallPath']?.restartNeeded).toBe(false);
    expect(view.settings.every((s) => s.section !== 'experimental' || s.restartNeeded)).toBe(true);
    expect(view.settings.filter((s) => s.key === 'experimental.networkingMode')).toEqual([]);
    expect(view.issues).toEqual([expect.objectContaining({ line: 3, key: 'wsl2.localhostForwarding' })]);
    expect(view.exists).toBe(true);
  });
});
