import fs from 'node:fs';
import { ServiceError } from '../../errors';

/** How a `.wslconfig` file's bytes map to text; a BOM is not part of the charset but kept as `\uFEFF` in the text. */
export type WslConfigCharset = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** A decoded file: its text (with a leading `\uFEFF` when it had a BOM), its charset, and whether encoding the text gives the same bytes back. */
export interface DecodedWslConfig {
  text: string;
  charset: WslConfigCharset;
  /** Null when the bytes decode exactly; else why rewriting the file would change bytes nobody asked to change. */
  damage: string | null;
}

/**
 * Bytes 0x80–0x9F of windows-1252 as the WHATWG Encoding Standard maps them (the rest are Latin-1).
 * Spelled out because Node 20's `TextDecoder('windows-1252')` decodes as Latin-1 (0x80 → U+0080, not €).
 */
const CP1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];
const CP1252_DECODE: string[] = Array.from({ length: 256 }, (_, byte) => String.fromCharCode(byte >= 0x80 && byte < 0xa0 ? (CP1252_HIGH[byte - 0x80] ?? byte) : byte));
const CP1252_ENCODE = new Map<string, number>(CP1252_DECODE.map((ch, byte) => [ch, byte]));

/** The ANSI code page Lightdock assumes for a file that is not UTF-8 or UTF-16 (Windows' Western European default). */
export const ANSI_CHARSET: WslConfigCharset = 'windows-1252';

const NAMES: Record<WslConfigCharset, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE', 'windows-1252': 'windows-1252 (ANSI)' };

/** The UTF-16 byte order the NUL bytes suggest (ASCII-heavy text has a zero in every other byte), or null; the caller still checks the bytes are UTF-16. */
function utf16ByNulPattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) zeroEven += 1;
    if (bytes[i + 1] === 0) zeroOdd += 1;
  }
  const pairs = bytes.length / 2;
  if (zeroOdd > zeroEven && zeroOdd * 4 >= pairs) return 'utf-16le';
  if (zeroEven > zeroOdd && zeroEven * 4 >= pairs) return 'utf-16be';
  return null;
}

function decodeStrict(bytes: Uint8Array, label: 'utf-8' | 'utf-16le' | 'utf-16be'): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes `.wslconfig` bytes the way they were written: a UTF-8 or UTF-16 BOM says so, UTF-16 without
 * a BOM shows by its NUL bytes, valid UTF-8 is UTF-8, and anything else is the ANSI code page.
 */
export function decodeWslConfig(bytes: Uint8Array): DecodedWslConfig {
  const bomLe = bytes[0] === 0xff && bytes[1] === 0xfe;
  const bomBe = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (bomLe || bomBe) {
    const charset = bomLe ? 'utf-16le' : 'utf-16be';
    const strict = decodeStrict(bytes, charset);
    if (strict !== null) return { text: strict, charset, damage: null };
    const lossy = new TextDecoder(charset, { ignoreBOM: true }).decode(bytes);
    return { text: lossy, charset, damage: `it starts with a ${NAMES[charset]} byte order mark but is not valid ${NAMES[charset]}` };
  }
  const utf16 = utf16ByNulPattern(bytes);
  const asUtf16 = utf16 === null ? null : decodeStrict(bytes, utf16);
  if (utf16 !== null && asUtf16 !== null) return { text: asUtf16, charset: utf16, damage: null };
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, charset: 'utf-8', damage: null };
  let text = '';
  for (const byte of bytes) text += CP1252_DECODE[byte];
  return { text, charset: ANSI_CHARSET, damage: null };
}

/** The first character of `text` the charset cannot store (a lone surrogate, or a character the code page lacks), or null. */
function unencodable(text: string, charset: WslConfigCharset): string | null {
  if (charset === 'windows-1252') {
    for (const ch of text) if (!CP1252_ENCODE.has(ch)) return ch;
    return null;
  }
  return /\p{Cs}/u.exec(text)?.[0] ?? null;
}

function describeChar(ch: string): string {
  const hex = (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return /\p{Cs}/u.test(ch) ? `an unpaired surrogate U+${hex}` : `"${ch}" (U+${hex})`;
}

/** Why `text` cannot be stored in `charset` so that it reads back the same, or null when it can. */
export function wslConfigEncodingProblem(text: string, charset: WslConfigCharset): string | null {
  const bad = unencodable(text, charset);
  return bad === null ? null : `.wslconfig is stored as ${NAMES[charset]}, which cannot hold ${describeChar(bad)}; nothing was changed.`;
}

/** The bytes of `text` in `charset`; refuses (VALIDATION, nothing written) text that would not read back the same. */
export function encodeWslConfig(text: string, charset: WslConfigCharset): Buffer {
  const problem = wslConfigEncodingProblem(text, charset);
  if (problem !== null) throw new ServiceError('VALIDATION', problem);
  switch (charset) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-16le':
      return Buffer.from(text, 'utf16le');
    case 'utf-16be':
      return Buffer.from(text, 'utf16le').swap16();
    case 'windows-1252':
      return Buffer.from(Array.from(text, (ch) => CP1252_ENCODE.get(ch) ?? 0));
  }
}

/**
 * The bytes to replace a file with `text`, in the encoding the file has now (`existing`, null when there
 * is no file: UTF-8). Refuses (VALIDATION) a file whose bytes would not survive a rewrite, and text the
 * encoding cannot hold, before anything is written.
 */
export function encodeLikeExisting(existing: Uint8Array | null, text: string, filePath: string): Buffer {
  if (existing === null) return encodeWslConfig(text, 'utf-8');
  const decoded = decodeWslConfig(existing);
  if (decoded.damage !== null) {
    throw new ServiceError('VALIDATION', `${filePath} is not rewritten because ${decoded.damage}; fix or re-save it first. Nothing was changed.`);
  }
  return encodeWslConfig(text, decoded.charset);
}

function readFailure(filePath: string, error: unknown): null {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
  throw new ServiceError('INTERNAL', `${filePath} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
}

/** The file's bytes, or null when there is none; any other failure is INTERNAL with the path and the reason. */
export async function readWslConfigBytes(filePath: string): Promise<Buffer | null> {
  try {
    return await fs.promises.readFile(filePath);
  } catch (error) {
    return readFailure(filePath, error);
  }
}

/** `readWslConfigBytes` for callers that read synchronously. */
export function readWslConfigBytesSync(filePath: string): Buffer | null {
  try {
    return fs.readFileSync(filePath);
  } catch (error) {
    return readFailure(filePath, error);
  }
}
