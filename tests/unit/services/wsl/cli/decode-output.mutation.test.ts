import { describe, expect, it } from 'vitest';
import { decodeRegOutput, decodeWslOutput, looksLikeUtf16le } from '../../../../../electron/services/wsl/cli/decode-output';

// Edges the mutation run (npm run mutation) found untested: a cut (odd-length) UTF-16 output, NUL handling, what
// is and is not a byte-order mark, and reg.exe's OEM fallback.

const bytes = (...values: number[]): Buffer => Buffer.from(values);
/** `没有` in UTF-16LE: four bytes, none of them NUL. */
const CJK_UTF16 = Buffer.from('没有', 'utf16le');

describe('looksLikeUtf16le', () => {
  it('says UTF-16 for ASCII text in UTF-16LE, although its bytes are also valid UTF-8', () => {
    expect(looksLikeUtf16le(Buffer.from('Ubuntu\r\n', 'utf16le'))).toBe(true);
  });

  it('says UTF-16 for output cut to an odd length when it opens with the byte-order mark', () => {
    const cut = Buffer.concat([bytes(0xff, 0xfe), CJK_UTF16, bytes(0x41)]);
    expect(looksLikeUtf16le(cut)).toBe(true);
    expect(decodeWslOutput(cut)).toBe('没有');
  });

  it('says UTF-8 for odd-length bytes without a mark or NUL, even when they are not valid UTF-8', () => {
    expect(looksLikeUtf16le(bytes(0x41, 0xfe, 0x42))).toBe(false);
    expect(looksLikeUtf16le(bytes(0xff, 0x41, 0x42))).toBe(false);
    expect(decodeWslOutput(bytes(0x41, 0xfe, 0x42))).toBe('A\uFFFDB');
  });

  it('says UTF-8 for nothing and for one ASCII byte', () => {
    expect(looksLikeUtf16le(bytes())).toBe(false);
    expect(looksLikeUtf16le(bytes(0x41))).toBe(false);
  });
});

describe('decodeWslOutput', () => {
  it('drops stray NUL characters inside UTF-16 text', () => {
    expect(decodeWslOutput(Buffer.from('Ubuntu\0\0\r\n', 'utf16le'))).toBe('Ubuntu\n');
  });

  it('drops only a leading byte-order mark and keeps a U+FEFF inside the text', () => {
    expect(decodeWslOutput(Buffer.from('\uFEFFa\uFEFFb', 'utf16le'))).toBe('a\uFEFFb');
    expect(decodeWslOutput(Buffer.from('a\uFEFFb', 'utf16le'))).toBe('a\uFEFFb');
    expect(decodeRegOutput(Buffer.from('a\uFEFFb', 'utf16le'))).toBe('a\uFEFFb');
  });
});

describe('decodeRegOutput', () => {
  it('reads UTF-16LE with a byte-order mark even when no byte is NUL (CJK text)', () => {
    expect(decodeRegOutput(Buffer.concat([bytes(0xff, 0xfe), CJK_UTF16]))).toBe('没有');
    expect(decodeRegOutput(bytes(0xff, 0xfe))).toBe('');
  });

  it('reads 0xFF not followed by 0xFE, or 0xFE alone, as the OEM code page', () => {
    expect(decodeRegOutput(bytes(0xff, 0x41))).toBe('\u00A0A');
    expect(decodeRegOutput(bytes(0x41, 0xfe))).toBe('A■');
    expect(decodeRegOutput(bytes(0x80, 0x81, 0x7f))).toBe('Çü\u007f');
  });

  it('drops stray NULs and turns \\r\\r\\n and \\r\\n into \\n', () => {
    expect(decodeRegOutput(Buffer.from('A\0\r\r\nB\r\nC\n', 'utf16le'))).toBe('A\nB\nC\n');
    expect(decodeRegOutput(Buffer.from('A\r\r\nB\r\n', 'utf8'))).toBe('A\nB\n');
  });
});
