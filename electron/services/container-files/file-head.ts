import type { TarHeaderLike } from './fs-entry';
import { walkTar, type EntryBody, type WalkOptions } from './tar-walk';

/** Bytes of a file read shows at most. */
export const MAX_TEXT_BYTES = 1024 * 1024;
/** Bytes checked for NUL and invalid UTF-8 to tell a binary file. */
const SNIFF_BYTES = 8 * 1024;

/** The first entry of a path's archive: its header and, for a regular file, its first `maxBytes`. */
export interface FirstEntry {
  header: TarHeaderLike;
  head: Buffer | null;
}

/** Reads at most `maxBytes` of a body, then stops reading it. */
function readHead(body: EntryBody, maxBytes: number): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const done = (): void => {
      body.off('data', onData);
      resolve(Buffer.concat(chunks, Math.min(length, maxBytes)));
    };
    const onData = (data: unknown): void => {
      const chunk = data as Buffer;
      chunks.push(chunk);
      length += chunk.length;
      if (length >= maxBytes) done();
    };
    body.on('data', onData);
    body.on('end', done);
    body.on('error', reject);
  });
}

/** The first entry of an archive (the path itself), its body read up to `maxBytes` when it is a regular file; null for an empty archive. */
export async function firstEntry(source: NodeJS.ReadableStream, maxBytes: number, options: WalkOptions): Promise<FirstEntry | null> {
  let found: FirstEntry | null = null;
  await walkTar(
    source,
    async (header, body) => {
      const regular = header.type === 'file' || header.type === 'contiguous-file' || header.type === undefined || header.type === null;
      found = { header, head: regular ? await readHead(body, maxBytes) : null };
      return 'stop';
    },
    options,
  );
  return found;
}

/** True when the start of a file holds a NUL byte or is not UTF-8 (a sequence cut at the sniff's end does not count). */
export function looksBinary(head: Buffer): boolean {
  const sniff = head.subarray(0, SNIFF_BYTES);
  if (sniff.includes(0)) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sniff, { stream: true });
    return false;
  } catch {
    return true;
  }
}

/** The head as text, a multi-byte character cut at its end left out. */
export function headText(head: Buffer): string {
  return new TextDecoder('utf-8').decode(head, { stream: true });
}
