/** Longest partial line kept while waiting for its newline; a longer one is emitted as it is. */
export const MAX_LINE_BYTES = 64 * 1024;

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Splits a byte stream into UTF-8 lines on `\n`, whatever the chunk boundaries: a line split across
 * chunks (or a multi-byte character split between them) comes out whole, the trailing `\r` of a
 * `\r\n` is dropped, and a partial line longer than `maxLineBytes` is emitted rather than grown.
 */
export class LineSplitter {
  private rest: Buffer = Buffer.alloc(0);

  constructor(private readonly maxLineBytes = MAX_LINE_BYTES) {}

  /** True while part of a line is waiting for its newline. */
  get hasPartial(): boolean {
    return this.rest.length > 0;
  }

  /** Adds a chunk and returns the lines it completed, in order. */
  push(chunk: Buffer): string[] {
    const data = this.rest.length === 0 ? chunk : Buffer.concat([this.rest, chunk]);
    const lines: string[] = [];
    let start = 0;
    let newline = data.indexOf(NEWLINE, start);
    while (newline !== -1) {
      lines.push(decodeLine(data, start, newline));
      start = newline + 1;
      newline = data.indexOf(NEWLINE, start);
    }
    if (data.length - start > this.maxLineBytes) {
      const cut = completeCharactersEnd(data, start);
      lines.push(decodeLine(data, start, cut));
      start = cut;
    }
    this.rest = start === data.length ? Buffer.alloc(0) : Buffer.from(data.subarray(start));
    return lines;
  }

  /** Returns the unterminated last line, if any, and forgets it (call when the stream ends). */
  flush(): string | null {
    if (this.rest.length === 0) return null;
    const line = decodeLine(this.rest, 0, this.rest.length);
    this.rest = Buffer.alloc(0);
    return line;
  }
}

/** Where the last whole UTF-8 character of `data` ends, so a forced cut never splits one. */
function completeCharactersEnd(data: Buffer, start: number): number {
  let lead = data.length - 1;
  while (lead > start && lead > data.length - 4 && ((data[lead] ?? 0) & 0xc0) === 0x80) lead -= 1;
  const first = data[lead] ?? 0;
  const width = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 1;
  return lead + width > data.length ? lead : data.length;
}

function decodeLine(data: Buffer, start: number, end: number): string {
  const stop = end > start && data[end - 1] === CARRIAGE_RETURN ? end - 1 : end;
  return data.toString('utf8', start, stop);
}
