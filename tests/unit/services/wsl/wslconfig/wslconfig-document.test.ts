import { describe, expect, it } from 'vitest';
import { parseWslConfig, serializeWslConfig, setWslConfigKey } from '../../../../../electron/services/wsl/wslconfig/wslconfig-document';

const SAMPLE = [
  '# Settings for the WSL 2 VM',
  '[wsl2]',
  'memory=8GB   # half of it',
  'Processors = 4',
  'customThing = keep me',
  '',
  '[experimental]',
  'autoMemoryReclaim = gradual',
  '',
].join('\r\n');

describe('parseWslConfig / serializeWslConfig', () => {
  it.each([
    ['CRLF with comments and unknown keys', SAMPLE],
    ['LF without a final newline', '[wsl2]\nmemory=4GB\n# trailing comment'],
    ['a UTF-8 BOM', '\uFEFF[wsl2]\r\nswap=0\r\n'],
    ['mixed line endings and odd spacing', '  [wsl2]  \n\tmemory =\t2GB\r\n\r\n;not a comment\rkernel="C:\\\\k"\n'],
    ['an empty file', ''],
    ['garbage lines', '[wsl2\n=x\n123=4\n[wsl2] junk\n'],
  ])('gives back the exact text for %s', (_label, text) => {
    expect(serializeWslConfig(parseWslConfig(text))).toBe(text);
  });

  it('reads sections and keys case-insensitively, values with comments, quotes and escapes as WSL does', () => {
    const doc = parseWslConfig(
      ['[WSL2]', 'Memory = 8GB # comment', 'kernel = C:\\\\wsl\\\\kernel', 'kernelCommandLine = " quiet # not a comment "', 'swapFile = a\\', 'b', 'x = "open'].join('\n'),
    );
    const values = Object.fromEntries(doc.entries.map((e) => [e.key, e.value]));
    expect(values).toEqual({
      'wsl2.memory': '8GB',
      'wsl2.kernel': 'C:\\wsl\\kernel',
      'wsl2.kernelcommandline': ' quiet # not a comment ',
      'wsl2.swapfile': 'ab',
      'wsl2.x': null,
    });
    expect(doc.entries.find((e) => e.key === 'wsl2.swapfile')).toMatchObject({ line: 5, endLine: 6 });
    expect(doc.syntaxIssues.map((i) => i.line)).toEqual([7]);
  });

  it('flags an invalid escape (a single backslash in a path) and lines WSL skips', () => {
    const doc = parseWslConfig('[wsl2]\nkernel=C:\\wsl\\kernel\n1abc=2\n[bad section]\nmemory 8GB\n');
    expect(doc.syntaxIssues.map((i) => i.line)).toEqual([2, 3, 4, 5]);
    expect(doc.syntaxIssues[0]?.message).toContain('\\w');
  });
});

describe('setWslConfigKey', () => {
  it('rewrites the first occurrence in place, keeping its spacing, comment and every other byte', () => {
    const next = setWslConfigKey(SAMPLE, 'wsl2.memory', '16GB');
    expect(next).toBe(SAMPLE.replace('memory=8GB   # half of it', 'memory=16GB   # half of it'));
  });

  it('matches the key case-insensitively', () => {
    expect(setWslConfigKey(SAMPLE, 'WSL2.processors', '8')).toBe(SAMPLE.replace('Processors = 4', 'Processors = 8'));
  });

  it('adds a missing key at the end of its section with the file\'s line ending', () => {
    const next = setWslConfigKey(SAMPLE, 'wsl2.swap', '0', 'swap');
    expect(next).toBe(SAMPLE.replace('customThing = keep me\r\n', 'customThing = keep me\r\nswap=0\r\n'));
  });

  it('appends a missing section', () => {
    expect(setWslConfigKey('[wsl2]\nmemory=4GB', 'experimental.sparseVhd', 'true', 'sparseVhd')).toBe('[wsl2]\nmemory=4GB\n\n[experimental]\nsparseVhd=true\n');
    expect(setWslConfigKey('', 'wsl2.memory', '4GB', 'memory')).toBe('[wsl2]\nmemory=4GB\n');
  });

  it('removes every occurrence on null and leaves the rest alone', () => {
    const text = '[wsl2]\nmemory=4GB\nswap=0 # no swap\nmemory=8GB\n';
    expect(setWslConfigKey(text, 'wsl2.memory', null)).toBe('[wsl2]\nswap=0 # no swap\n');
    expect(setWslConfigKey(text, 'wsl2.kernel', null)).toBe(text);
  });

  it('escapes backslashes and quotes values WSL would otherwise cut, so they read back unchanged', () => {
    const next = setWslConfigKey('', 'wsl2.kernel', 'C:\\wsl\\my kernel#1', 'kernel');
    expect(next).toBe('[wsl2]\nkernel="C:\\\\wsl\\\\my kernel#1"\n');
    expect(parseWslConfig(next).entries[0]?.value).toBe('C:\\wsl\\my kernel#1');
  });

  it('replaces a continued value with a single line', () => {
    expect(setWslConfigKey('[wsl2]\nkernelCommandLine = a \\\nb # c\nswap=0\n', 'wsl2.kernelCommandLine', 'quiet')).toBe('[wsl2]\nkernelCommandLine = quiet # c\nswap=0\n');
  });

  it('keeps a BOM', () => {
    expect(setWslConfigKey('\uFEFF[wsl2]\r\nmemory=4GB\r\n', 'wsl2.memory', '2GB')).toBe('\uFEFF[wsl2]\r\nmemory=2GB\r\n');
  });
});

describe('setWslConfigKey keeps what is not its own', () => {
  it('gives a rewritten line its own terminator in a mixed CRLF/LF file, not the usual one', () => {
    const text = '[wsl2]\r\nmemory=4GB\nswap=0\r\nprocessors=2\r\n';
    expect(setWslConfigKey(text, 'wsl2.memory', '8GB')).toBe('[wsl2]\r\nmemory=8GB\nswap=0\r\nprocessors=2\r\n');
    expect(setWslConfigKey('[wsl2]\nmemory=4GB\rswap=0\n', 'wsl2.memory', '8GB')).toBe('[wsl2]\nmemory=8GB\rswap=0\n');
  });

  it('keeps the trailing blanks of an unterminated last line, whether it is rewritten or a key is added after it', () => {
    expect(setWslConfigKey('[wsl2]\nmemory=4GB  \t', 'wsl2.memory', '8GB')).toBe('[wsl2]\nmemory=8GB  \t');
    expect(setWslConfigKey('[wsl2]\r\nmemory=4GB  ', 'wsl2.swap', '0', 'swap')).toBe('[wsl2]\r\nmemory=4GB  \r\nswap=0\r\n');
  });

  it.each([
    [' quiet', '" quiet"'],
    ['quiet ', '"quiet "'],
    ['\tquiet', '"\\tquiet"'],
    ['a b', 'a b'],
    ['quiet', 'quiet'],
    ['a#b', '"a#b"'],
  ])('writes %j as %s so WSL reads it back unchanged', (value, written) => {
    const next = setWslConfigKey('[wsl2]\nkernelCommandLine=x\n', 'wsl2.kernelCommandLine', value);
    expect(next).toBe(`[wsl2]\nkernelCommandLine=${written}\n`);
    expect(parseWslConfig(next).entries[0]?.value).toBe(value);
  });

  it('adds a key before a last entry whose "\\" continues nothing, so it is not swallowed as a continuation', () => {
    const next = setWslConfigKey('[experimental]\r\nfoo=x \\\r\n', 'experimental.autoMemoryReclaim', 'gradual', 'autoMemoryReclaim');
    expect(next).toBe('[experimental]\r\nautoMemoryReclaim=gradual\r\nfoo=x \\\r\n');
    expect(parseWslConfig(next).entries.map((e) => [e.key, e.value])).toEqual([
      ['experimental.automemoryreclaim', 'gradual'],
      ['experimental.foo', null],
    ]);
    const appended = setWslConfigKey('[experimental]\nfoo=x \\', 'wsl2.memory', '4GB', 'memory');
    expect(appended).toBe('[wsl2]\nmemory=4GB\n\n[experimental]\nfoo=x \\');
    expect(parseWslConfig(appended).entries.map((e) => [e.key, e.value])).toEqual([
      ['wsl2.memory', '4GB'],
      ['experimental.foo', null],
    ]);
  });
});
