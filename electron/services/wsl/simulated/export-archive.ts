import fs from 'node:fs';
import { z } from 'zod';

/** What an export carries about its distro, so importing it back restores the same figures. */
export const ArchiveManifest = z.object({
  name: z.string(),
  osName: z.string().nullable(),
  usedBytes: z.number().int().nonnegative(),
  defaultUser: z.string(),
  defaultUid: z.number().int().nonnegative(),
  systemd: z.boolean(),
  memoryBytes: z.number().int().nonnegative(),
});
export type ArchiveManifest = z.infer<typeof ArchiveManifest>;

/** The first bytes of every VHDX file (its file-type identifier). */
const VHDX_SIGNATURE = 'vhdxfile';
const MANIFEST_NAME = '.lightdock-export.json';
const BLOCK = 512;

/** One ustar header block for a regular file. */
function tarHeader(name: string, size: number, mtimeSeconds: number): Buffer {
  const header = Buffer.alloc(BLOCK, 0);
  const put = (offset: number, length: number, value: string): void => {
    header.write(value.slice(0, length), offset, 'ascii');
  };
  const octal = (value: number, length: number): string => `${value.toString(8).padStart(length - 1, '0')}\0`;
  put(0, 100, name);
  put(100, 8, octal(0o644, 8));
  put(108, 8, octal(0, 8));
  put(116, 8, octal(0, 8));
  put(124, 12, octal(size, 12));
  put(136, 12, octal(mtimeSeconds, 12));
  put(148, 8, '        ');
  put(156, 1, '0');
  put(257, 6, 'ustar\0');
  put(263, 2, '00');
  let sum = 0;
  for (const byte of header) sum += byte;
  put(148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return header;
}

function tarEntry(name: string, content: Buffer, mtimeSeconds: number): Buffer {
  const padding = (BLOCK - (content.length % BLOCK)) % BLOCK;
  return Buffer.concat([tarHeader(name, content.length, mtimeSeconds), content, Buffer.alloc(padding, 0)]);
}

/**
 * A small stand-in for an exported distro: a real (tiny) tar with the manifest and `etc/os-release`,
 * or a file that starts with the VHDX signature followed by the manifest. Real exports are the size of
 * the distro; these stay a few KB on purpose.
 */
export function buildArchive(format: 'tar' | 'vhdx', manifest: ArchiveManifest, now: number): Buffer {
  const json = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  if (format === 'vhdx') return Buffer.concat([Buffer.from(VHDX_SIGNATURE, 'ascii'), Buffer.from('\n'), json]);
  const seconds = Math.floor(now / 1000);
  const osRelease = Buffer.from(`PRETTY_NAME="${manifest.osName ?? 'Linux'}"\n`, 'utf8');
  return Buffer.concat([tarEntry(MANIFEST_NAME, json, seconds), tarEntry('etc/os-release', osRelease, seconds), Buffer.alloc(BLOCK * 2, 0)]);
}

/** What a file on disk looks like: a VHDX (by signature or extension), a tar (ustar magic), or something else. */
export function sniffArchive(filePath: string, head: Buffer): 'vhdx' | 'tar' | 'other' {
  if (head.subarray(0, VHDX_SIGNATURE.length).toString('ascii') === VHDX_SIGNATURE || /\.vhdx?$/i.test(filePath)) return 'vhdx';
  if (head.subarray(257, 262).toString('ascii') === 'ustar') return 'tar';
  return 'other';
}

/** The manifest inside an archive this module wrote, or null for any other file. */
export function readManifest(content: Buffer): ArchiveManifest | null {
  let json: string | null = null;
  if (content.subarray(0, VHDX_SIGNATURE.length).toString('ascii') === VHDX_SIGNATURE) {
    json = content.subarray(VHDX_SIGNATURE.length + 1).toString('utf8');
  } else if (content.length >= BLOCK && content.subarray(0, MANIFEST_NAME.length).toString('ascii') === MANIFEST_NAME) {
    const size = parseInt(content.subarray(124, 135).toString('ascii'), 8);
    json = content.subarray(BLOCK, BLOCK + size).toString('utf8');
  }
  if (json === null) return null;
  try {
    const parsed = ArchiveManifest.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Reads at most the first `bytes` of a file. */
export function readHead(filePath: string, bytes: number): Buffer {
  const fd = fs.openSync(filePath, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const read = fs.readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}
