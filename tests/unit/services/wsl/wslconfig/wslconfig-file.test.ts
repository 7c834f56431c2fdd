import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../../../electron/services/errors';
import { decodeWslConfig, encodeLikeExisting, encodeWslConfig, wslConfigEncodingProblem } from '../../../../../electron/services/wsl/wslconfig/wslconfig-file';

const bytes = (...b: number[]): Buffer => Buffer.from(b);

describe('decodeWslConfig', () => {
  it.each([
    ['an empty file', bytes(), '', 'utf-8'],
    ['UTF-8', Buffer.from('[wsl2]\nkernelCommandLine=é\n', 'utf8'), '[wsl2]\nkernelCommandLine=é\n', 'utf-8'],
    ['UTF-8 with a BOM (kept in the text)', Buffer.from('\uFEFFa=1', 'utf8'), '\uFEFFa=1', 'utf-8'],
    ['UTF-16 LE with a BOM', bytes(0xff, 0xfe, 0x61, 0x00, 0xe9, 0x00), '\uFEFFaé', 'utf-16le'],
    ['UTF-16 BE with a BOM', bytes(0xfe, 0xff, 0x00, 0x61, 0x20, 0xac), '\uFEFFa€', 'utf-16be'],
    ['UTF-16 LE without a BOM (NULs in odd bytes)', Buffer.from('[wsl2]\r\nmemory=4GB\r\n', 'utf16le'), '[wsl2]\r\nmemory=4GB\r\n', 'utf-16le'],
    ['UTF-16 BE without a BOM (NULs in even bytes)', Buffer.from('[wsl2]\nswap=0\n', 'utf16le').swap16(), '[wsl2]\nswap=0\n', 'utf-16be'],
    ['windows-1252 (invalid UTF-8)', bytes(0x23, 0x20, 0x80, 0x20, 0xe9, 0x0a), '# € é\n', 'windows-1252'],
    ['windows-1252 that starts like a UTF-8 BOM but is not UTF-8', bytes(0xef, 0xbb, 0xbf, 0xe9), 'ï»¿é', 'windows-1252'],
    ['windows-1252 that starts with þ (half a UTF-16 BE BOM)', bytes(0xfe, 0x61, 0x0a), 'þa\n', 'windows-1252'],
    ['windows-1252 that starts with ÿ (half a UTF-16 LE BOM)', bytes(0xff, 0x61, 0x0a), 'ÿa\n', 'windows-1252'],
  ])('reads %s', (_label, input, text, charset) => {
    expect(decodeWslConfig(input)).toEqual({ text, charset, damage: null });
  });

  it('maps every windows-1252 byte to the WHATWG code point (not Latin-1, as Node 20 TextDecoder does) and back', () => {
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    all[0] = 0xff;
    const { text, charset } = decodeWslConfig(all);
    expect(charset).toBe('windows-1252');
    expect([text[0x80], text[0x81], text[0x8a], text[0x9f], text[0xe9]]).toEqual(['€', '\u0081', 'Š', 'Ÿ', 'é']);
    expect(encodeWslConfig(text, 'windows-1252').equals(all)).toBe(true);
  });

  it('marks a file with a UTF-16 BOM that is not valid UTF-16 as damaged', () => {
    const decoded = decodeWslConfig(bytes(0xff, 0xfe, 0x61, 0x00, 0x00, 0xd8, 0x62));
    expect(decoded.charset).toBe('utf-16le');
    expect(decoded.damage).toContain('not valid UTF-16 LE');
  });

  it.each([
    ['a few NULs', Buffer.from('[wsl2]\nmemory=4GB\n\0\0', 'utf8'), 'utf-8'],
    ['as many NULs in even as in odd bytes', Buffer.from('ab\0\0', 'utf8'), 'utf-8'],
    ['an odd length', Buffer.from('a\0b\0c', 'utf8'), 'utf-8'],
    ['a NUL pattern but an unpaired surrogate', bytes(0x61, 0x00, 0x00, 0xd8, 0x62, 0x00), 'windows-1252'],
  ])('does not take bytes with %s for UTF-16', (_label, input, charset) => {
    const decoded = decodeWslConfig(input);
    expect(decoded.charset).toBe(charset);
    expect(encodeWslConfig(decoded.text, decoded.charset).equals(input)).toBe(true);
  });

  it('takes UTF-16 without a BOM where only a quarter of the characters have a zero byte', () => {
    expect(decodeWslConfig(Buffer.from('中中a', 'utf16le'))).toEqual({ text: '中中a', charset: 'utf-16le', damage: null });
    expect(decodeWslConfig(Buffer.from('中中a', 'utf16le').swap16())).toEqual({ text: '中中a', charset: 'utf-16be', damage: null });
  });
});

describe('encodeWslConfig / encodeLikeExisting', () => {
  it('round-trips text in each charset', () => {
    for (const charset of ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const) {
      const text = '\uFEFF[wsl2]\r\nkernelCommandLine="é €"\n'.slice(charset === 'windows-1252' ? 1 : 0);
      const encoded = encodeWslConfig(text, charset);
      expect(decodeWslConfig(encoded)).toEqual({ text, charset, damage: null });
    }
  });

  it.each([
    ['windows-1252', 'Ł', 'U+0141'],
    ['windows-1252', '😀', 'U+1F600'],
    ['utf-8', 'a\uD800b', 'unpaired surrogate U+D800'],
    ['utf-16le', '\uDC00', 'unpaired surrogate U+DC00'],
  ] as const)('refuses text %s cannot hold (%j), naming the character', (charset, text, named) => {
    expect(wslConfigEncodingProblem(text, charset)).toContain(named);
    expect(() => encodeWslConfig(text, charset)).toThrow(ServiceError);
  });

  it('writes like the file there is: UTF-8 for a new one, the same charset otherwise, and refuses a damaged one', () => {
    expect(encodeLikeExisting(null, 'a=é', '/x').equals(Buffer.from('a=é', 'utf8'))).toBe(true);
    expect(() => encodeLikeExisting(null, 'a=\uD800', '/x')).toThrow(/unpaired surrogate U\+D800/);
    expect(encodeLikeExisting(bytes(0xff, 0xfe, 0x61, 0x00), '\uFEFFb', '/x').equals(bytes(0xff, 0xfe, 0x62, 0x00))).toBe(true);
    expect(encodeLikeExisting(bytes(0x61, 0xe9), 'é', '/x').equals(bytes(0xe9))).toBe(true);
    expect(() => encodeLikeExisting(bytes(0xfe, 0xff, 0xd8, 0x00), '\uFEFFa', '/x/.wslconfig')).toThrow(/\/x\/\.wslconfig is not rewritten because .*not valid UTF-16 BE/);
  });
});
