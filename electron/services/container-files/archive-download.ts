import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ServiceError } from '../errors';
import { IDLE_MS, transferGuard } from './transfer-guard';

/** The largest archive a download saves. */
export const MAX_DOWNLOAD_BYTES = 8 * 1024 * 1024 * 1024;
/** Checks a download target before anything is fetched: it must not exist (never overwritten) and its folder must. */
export async function checkDownloadTarget(filePath: string): Promise<void> {
  if (!path.isAbsolute(filePath)) throw new ServiceError('VALIDATION', `The file to save must be an absolute path: ${filePath}`);
  const existing = await fs.promises.lstat(filePath).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : Promise.reject(error)));
  if (existing !== null) throw new ServiceError('CONFLICT', `${filePath} already exists; Lightdock never overwrites a file. Pick another name.`);
  const folder = path.dirname(filePath);
  const parent = await fs.promises.stat(folder).catch(() => null);
  if (parent === null || !parent.isDirectory()) throw new ServiceError('NOT_FOUND', `The folder ${folder} does not exist on this machine.`);
}

/**
 * Streams an archive into `<filePath>.partial` (created exclusively: a leftover stops it) with `stream.pipeline`,
 * then links it to `filePath` (which fails rather than overwrite a file that appeared meanwhile) and removes the
 * partial name. Any failure or abort removes the partial file, so a failed download leaves nothing behind.
 */
export async function saveArchive(source: NodeJS.ReadableStream, filePath: string, signal: AbortSignal): Promise<number> {
  const partial = `${filePath}.partial`;
  // Until the pipeline takes over (after the file is opened), a failing source must not throw unhandled.
  source.on('error', () => undefined);
  let counter: ReturnType<typeof transferGuard> | null = null;
  let created = false;
  try {
    const handle = await fs.promises.open(partial, 'wx').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') throw new ServiceError('CONFLICT', `${partial} exists (another download, or one that was interrupted); remove it or pick another name.`);
      throw error;
    });
    created = true;
    counter = transferGuard(MAX_DOWNLOAD_BYTES, IDLE_MS, 'download');
    const target = handle.createWriteStream();
    // The pipeline reports every stream's failure; these listeners keep one it tears down on an abort from reaching the process.
    for (const stream of [counter.stream, target]) stream.on('error', () => undefined);
    await pipeline(source, counter.stream, target, { signal: AbortSignal.any([signal, counter.idle]) });
    await place(partial, filePath);
    created = false;
    return counter.bytes();
  } catch (error) {
    (source as { destroy?: () => void }).destroy?.();
    if (counter?.idle.aborted === true && !signal.aborted) throw counter.idle.reason;
    if (signal.aborted && !(error instanceof ServiceError)) throw new ServiceError('TIMEOUT', 'The download was cancelled.');
    throw error;
  } finally {
    counter?.stop();
    if (created) await fs.promises.rm(partial, { force: true });
  }
}

/** Gives the finished partial file its name without ever replacing an existing file. */
async function place(partial: string, filePath: string): Promise<void> {
  try {
    await fs.promises.link(partial, filePath);
    await fs.promises.rm(partial, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new ServiceError('CONFLICT', `${filePath} appeared while downloading; Lightdock never overwrites a file.`);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
    // Filesystems without hard links (FAT, some network drives): check, then rename.
    if (await fs.promises.lstat(filePath).then(() => true, () => false)) throw new ServiceError('CONFLICT', `${filePath} appeared while downloading; Lightdock never overwrites a file.`);
    await fs.promises.rename(partial, filePath);
  }
}
