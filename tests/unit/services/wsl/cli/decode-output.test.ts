import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeWslOutput, looksLikeUtf16le } from '../../../../../electron/services/wsl/cli/decode-output';

const fixture = (name: string): Buffer => fs.readFileSync(path.resolve(import.meta.dirname, '../../../../fixtures/wsl', name));

describe('decodeWslOutput', () => {
  it('decodes UTF-16LE without BOM and turns CRLF into LF', () => {
    const text = decodeWslOutput(fixture('list-verbose-ready.utf16le.txt'));
    expect(text.split('\n')[1]).toBe('* Ubuntu-24.04      Running         2');
    expect(text).not.toMatch(/[\r\0]/);
  });

  it('gives the same text for the WSL_UTF8=1 bytes', () => {
    expect(decodeWslOutput(fixture('list-verbose-ready.utf8.txt'))).toBe(decodeWslOutput(fixture('list-verbose-ready.utf16le.txt')));
  });

  it('reads the \\r\\r\\n line ends of old inbox builds', () => {
    expect(decodeWslOutput(fixture('list-verbose-old-crcrlf.utf16le.txt'))).toBe(
      '  NAME      STATE           VERSION\n* Ubuntu    Stopped         1\n',
    );
  });

  it('keeps non-ASCII letters in both encodings', () => {
    const german = 'Es ist keine Distribution mit dem angegebenen Namen vorhanden.';
    expect(decodeWslOutput(fixture('error-distro-not-found-de.utf16le.txt'))).toContain(german);
    expect(decodeWslOutput(Buffer.from('Windows-Subsystem für Linux\r\n', 'utf8'))).toBe('Windows-Subsystem für Linux\n');
  });

  it('strips a byte-order mark in either encoding', () => {
    expect(decodeWslOutput(Buffer.from('\uFEFFUbuntu\r\n', 'utf16le'))).toBe('Ubuntu\n');
    expect(decodeWslOutput(Buffer.from('\uFEFFUbuntu\r\n', 'utf8'))).toBe('Ubuntu\n');
  });

  it('detects UTF-16LE text that has no NUL byte at all (CJK without a line end)', () => {
    const cjk = Buffer.from('没有正在运行的分发', 'utf16le');
    expect(cjk.includes(0)).toBe(false);
    expect(looksLikeUtf16le(cjk)).toBe(true);
    expect(decodeWslOutput(cjk)).toBe('没有正在运行的分发');
  });

  it('reads CJK UTF-8 as UTF-8', () => {
    expect(decodeWslOutput(Buffer.from('没有正在运行的分发。\r\n', 'utf8'))).toBe('没有正在运行的分发。\n');
  });

  it('decodes empty output to an empty string', () => {
    expect(decodeWslOutput(Buffer.alloc(0))).toBe('');
  });
});
