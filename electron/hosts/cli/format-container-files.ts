import type { FsEntry, FsFileText, FsListing } from '../../../shared/model/container-files';
import { formatByteCount, widest } from './format-output';

/** Text from a container with control characters (terminal escapes) shown as `?`; newlines and tabs kept when `multiline`. */
export function printableText(text: string, multiline = false): string {
  return [...text]
    .map((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      if (multiline && (ch === '\n' || ch === '\t')) return ch;
      return code < 0x20 || (code >= 0x7f && code < 0xa0) ? '?' : ch;
    })
    .join('');
}

function when(ms: number | null): string {
  if (ms === null) return '-';
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

function shownName(entry: FsEntry): string {
  const name = printableText(entry.name);
  if (entry.type === 'directory') return `${name}/`;
  if (entry.type === 'symlink') return `${name} -> ${printableText(entry.linkTarget ?? '')}`;
  return name;
}

/**
 * `ls -l`-like lines of one page (mode, size, modified in UTC, name; folders end in `/`, links show their target),
 * then how to get the next page and whether the scan stopped at its bound.
 */
export function formatListing(listing: FsListing, container: string): string {
  if (listing.entries.length === 0) return listing.offset === 0 ? `${printableText(listing.path)} is empty.` : `No entries from ${listing.offset} on.`;
  const sizes = listing.entries.map((e) => (e.type === 'file' ? formatByteCount(e.sizeBytes) : '-'));
  const width = widest(4, sizes.map((s) => s.length));
  const lines = listing.entries.map((entry, i) => `${entry.mode}  ${(sizes[i] ?? '-').padStart(width)}  ${when(entry.modified)}  ${shownName(entry)}`);
  const next = listing.offset + listing.entries.length;
  if (!listing.complete) lines.push(`More entries: lightdock containers files ${container} ${listing.path} --offset ${next}`);
  if (listing.truncated) lines.push('The folder is too large to list whole; only part of it was read.');
  return lines.join('\n');
}

/** A file's text for `cat`, with a note (on its own line) when only its first MiB was read. */
export function formatFileText(file: FsFileText): string {
  const text = printableText(file.text ?? '', true);
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  return file.truncated ? `${body}\n[only the first ${formatByteCount(new TextEncoder().encode(file.text ?? '').length)} of ${formatByteCount(file.sizeBytes)} shown; use cp-out for the whole file]` : body;
}

/** What a download saved. */
export function formatDownload(result: { filePath: string; sizeBytes: number }): string {
  return `Saved ${result.filePath} (${formatByteCount(result.sizeBytes)}, a tar archive).`;
}

/** What an upload put where. */
export function formatUpload(result: { path: string; sizeBytes: number }): string {
  return `Copied ${formatByteCount(result.sizeBytes)} to ${printableText(result.path)}.`;
}
