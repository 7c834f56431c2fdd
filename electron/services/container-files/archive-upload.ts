import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import tar from 'tar-stream';
import { ServiceError } from '../errors';

/** The largest file an upload sends. */
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

/** A local file checked for upload: its name in the container, size, mode and time. */
export interface UploadSource {
  filePath: string;
  name: string;
  sizeBytes: number;
  mode: number;
  mtime: Date;
}

/** Checks the local file: it must exist and be a regular file (a link is not followed) of at most MAX_UPLOAD_BYTES. */
export async function checkUploadSource(filePath: string): Promise<UploadSource> {
  if (!path.isAbsolute(filePath)) throw new ServiceError('VALIDATION', `The file to upload must be an absolute path: ${filePath}`);
  const stat = await fs.promises.lstat(filePath).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') throw new ServiceError('NOT_FOUND', `No such file on this machine: ${filePath}`);
    throw error;
  });
  if (!stat.isFile()) throw new ServiceError('VALIDATION', `${filePath} is not a regular file; only files can be uploaded.`);
  if (stat.size > MAX_UPLOAD_BYTES) throw new ServiceError('VALIDATION', `${filePath} is larger than 1 GiB; Lightdock uploads files up to 1 GiB.`);
  const name = path.basename(filePath);
  if (name === '' || name === '.' || name === '..' || name.includes('/')) throw new ServiceError('VALIDATION', `${filePath} has no file name to give it in the container.`);
  return { filePath, name, sizeBytes: stat.size, mode: stat.mode & 0o777, mtime: stat.mtime };
}

/**
 * A one-entry tar of the file, streamed from disk with tar-stream's pack (its backpressure holds the file reader
 * back). Exactly `sizeBytes` bytes are read; a file that shrank meanwhile fails the tar (tar-stream's size check).
 */
export function packOneFile(source: UploadSource): Readable {
  const pack = tar.pack();
  const entry = pack.entry({ name: source.name, type: 'file', size: source.sizeBytes, mode: source.mode, mtime: source.mtime, uid: 0, gid: 0 }, (error) => {
    if (error) pack.destroy(error);
    else pack.finalize();
  });
  const file = source.sizeBytes === 0 ? null : fs.createReadStream(source.filePath, { start: 0, end: source.sizeBytes - 1 });
  entry.on('error', (error: Error) => pack.destroy(error));
  if (file === null) {
    entry.end(Buffer.alloc(0));
  } else {
    file.on('error', (error) => pack.destroy(error));
    file.pipe(entry);
  }
  const out = Readable.from(pack);
  out.on('close', () => {
    file?.destroy();
    pack.destroy();
  });
  return out;
}
