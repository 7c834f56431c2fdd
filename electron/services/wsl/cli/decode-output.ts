const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * True when wsl.exe's own bytes are UTF-16LE: a UTF-16 byte-order mark, any NUL byte anywhere in the
 * buffer (UTF-8 text never contains one, and every wsl.exe line ends in `0D 00 0A 00`), or, for text
 * with no NUL at all (CJK without a line end), an even length that is not valid UTF-8.
 */
export function looksLikeUtf16le(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return true;
  if (bytes.includes(0)) return true;
  if (bytes.length % 2 !== 0) return false;
  try {
    utf8.decode(bytes);
    return false;
  } catch {
    return true;
  }
}

/**
 * Decodes wsl.exe's own output (not a Linux command's): UTF-16LE without BOM by default, UTF-8 with
 * `WSL_UTF8=1`, whichever the bytes are. Drops a BOM and stray NULs and turns `\r\n` and the old
 * builds' `\r\r\n` into `\n`.
 */
export function decodeWslOutput(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = looksLikeUtf16le(buffer) ? buffer.toString('utf16le') : buffer.toString('utf8');
  return text.replace(/^\uFEFF/, '').replace(/\0/g, '').replace(/\r*\n/g, '\n');
}

/** Code page 850 (the OEM code page of Western European Windows consoles), bytes 0x80 to 0xFF. */
const CP850_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00AD±‗¾¶§÷¸°¨·¹³²■\u00A0';

/**
 * Decodes reg.exe's output: UTF-16LE when it looks so (a BOM or NULs), UTF-8 when the bytes are valid
 * UTF-8 (all-ASCII output is), else the console's OEM code page, read as code page 850; line ends become `\n`.
 */
export function decodeRegOutput(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe;
  return (bom || buffer.includes(0) ? buffer.toString('utf16le') : utf8OrOem(buffer)).replace(/^\uFEFF/, '').replace(/\0/g, '').replace(/\r*\n/g, '\n');
}

function utf8OrOem(buffer: Buffer): string {
  try {
    return utf8.decode(buffer);
  } catch {
    return Array.from(buffer, (byte) => (byte < 0x80 ? String.fromCharCode(byte) : (CP850_HIGH[byte - 0x80] ?? '?'))).join('');
  }
}
