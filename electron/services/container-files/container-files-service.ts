import type { FsFileText, FsListing } from '../../../shared/model/container-files';
import type { ActionDeps } from '../action-deps';
import { ServiceError } from '../errors';
import { pipeline } from 'node:stream';
import { checkDownloadTarget, saveArchive } from './archive-download';
import { checkUploadSource, MAX_UPLOAD_BYTES, packOneFile } from './archive-upload';
import { archiveBaseName, joinContainerPath, normalizeContainerPath, resolveLinkTarget } from './container-path';
import { firstEntry, headText, looksBinary, MAX_TEXT_BYTES } from './file-head';
import { MAX_CHILDREN, MAX_SCAN_BYTES, scanFolder } from './folder-scan';
import { IDLE_MS, transferGuard } from './transfer-guard';

/** Entries in one page of a listing. */
export const PAGE_SIZE = 200;
/** How long a listing or a read may take in all. */
const READ_DEADLINE_MS = 120_000;
/** Symlinks a read follows before it gives up (as Linux's ELOOP). */
const MAX_LINK_HOPS = 8;
/**
 * Bytes a read may take beyond the text before its first entry begins: room for long-name headers (tar-stream caps
 * each at 4 MiB) and for a whole file arriving in one chunk, while an endless run of headers is still stopped.
 */
const HEADER_ALLOWANCE_BYTES = 32 * 1024 * 1024;

/**
 * A container's filesystem through the Engine API archive endpoints (stopped containers too): a folder's page,
 * a file's first MiB as text, a file or folder saved as a tar on this machine, a local file put into a folder.
 * Every archive is streamed and bounded; nothing that fails leaves a file behind.
 */
export class ContainerFilesService {
  private readonly running = new Set<AbortController>();

  constructor(private readonly deps: ActionDeps) {}

  /**
   * One page (PAGE_SIZE entries from `offset`) of a folder's immediate children, folders first then by name. The
   * archive is scanned to its end or a bound (MAX_CHILDREN children, MAX_SCAN_BYTES bytes; `truncated` says so).
   * A symlink to a folder is listed as the folder (the engine follows it for a trailing `/`).
   */
  async list(id: string, rawPath: string, offset: number): Promise<FsListing> {
    const path = normalizeContainerPath(rawPath);
    const scan = await this.withSignal(READ_DEADLINE_MS, async (signal) => {
      const asked = path === '/' ? '/' : `${path}/`;
      const source = await (await this.deps.engine.current()).getArchive(id, asked, signal).catch((error: unknown) => {
        // The engine's sentence names the path with the `/` that asked it to follow a link; people asked without.
        if (error instanceof ServiceError && error.message.endsWith(`: ${asked}`)) throw new ServiceError(error.code, `${error.message.slice(0, -asked.length)}${path}`, error.details);
        throw error;
      });
      return scanFolder(source, archiveBaseName(path), { maxBytes: MAX_SCAN_BYTES, maxChildren: MAX_CHILDREN, signal, what: `${path} in ${id}` });
    });
    if (!scan.sawFolder) {
      if (scan.self !== null) throw new ServiceError('CONFLICT', `Not a folder in ${id}: ${path}`);
      throw new ServiceError('INTERNAL', `The engine's archive of ${path} in ${id} does not hold the folder.`);
    }
    const entries = scan.entries.slice(offset, offset + PAGE_SIZE);
    return { path, entries, offset, complete: offset + entries.length >= scan.entries.length, truncated: scan.truncated };
  }

  /**
   * A file's first MiB as text (symlinks followed, at most MAX_LINK_HOPS); `binary` (and no text) when its first
   * 8 KiB hold a NUL byte or invalid UTF-8; `truncated` when it is larger. CONFLICT for a folder or a device.
   */
  async read(id: string, rawPath: string): Promise<FsFileText> {
    const requested = normalizeContainerPath(rawPath);
    return this.withSignal(READ_DEADLINE_MS, async (signal) => {
      let path = requested;
      for (let hop = 0; hop <= MAX_LINK_HOPS; hop++) {
        const source = await (await this.deps.engine.current()).getArchive(id, path, signal);
        const first = await firstEntry(source, MAX_TEXT_BYTES, { maxBytes: MAX_TEXT_BYTES + HEADER_ALLOWANCE_BYTES, signal, what: `${path} in ${id}` });
        if (first === null) throw new ServiceError('INTERNAL', `The engine's archive of ${path} in ${id} is empty.`);
        const { header, head } = first;
        if (header.type === 'directory') throw new ServiceError('CONFLICT', `${path} in ${id} is a folder; open it instead.`);
        if (header.type === 'symlink') {
          path = normalizeContainerPath(resolveLinkTarget(path, header.linkname ?? ''));
          continue;
        }
        if (head === null) throw new ServiceError('CONFLICT', `${path} in ${id} is not a regular file.`);
        const size = header.size !== undefined && Number.isSafeInteger(header.size) && header.size > 0 ? header.size : head.length;
        const binary = looksBinary(head);
        return { path: requested, sizeBytes: size, text: binary ? null : headText(head), binary, truncated: size > head.length };
      }
      throw new ServiceError('CONFLICT', `${requested} in ${id}: too many levels of symbolic links.`);
    });
  }

  /**
   * Saves a file or folder of the container as a tar at `filePath` on this machine: refused (CONFLICT) when the
   * file exists, NOT_FOUND when its folder does not; streamed through `<filePath>.partial`, removed on any failure.
   */
  async download(id: string, rawPath: string, filePath: string): Promise<{ filePath: string; sizeBytes: number }> {
    const path = normalizeContainerPath(rawPath);
    await checkDownloadTarget(filePath);
    this.deps.logger.info('Saving a container path as a tar', { container: id, path, filePath });
    const sizeBytes = await this.withSignal(null, async (signal) => {
      const source = await (await this.deps.engine.current()).getArchive(id, path, signal);
      return saveArchive(source, filePath, signal);
    });
    return { filePath, sizeBytes };
  }

  /**
   * Copies a regular file of this machine (at most 1 GiB) into a folder of the container as a one-entry tar, as
   * `docker cp` does (a file of the same name is replaced); NOT_FOUND when the folder does not exist there.
   */
  async upload(id: string, rawFolder: string, filePath: string): Promise<{ path: string; sizeBytes: number }> {
    const folder = normalizeContainerPath(rawFolder);
    const source = await checkUploadSource(filePath);
    this.deps.logger.info('Uploading a file into a container', { container: id, folder, filePath, sizeBytes: source.sizeBytes });
    await this.withSignal(null, async (signal) => {
      const guard = transferGuard(MAX_UPLOAD_BYTES + 64 * 1024, IDLE_MS, 'upload');
      const tar = packOneFile(source);
      pipeline(tar, guard.stream, () => undefined);
      try {
        await (await this.deps.engine.current()).putArchive(id, folder, guard.stream, AbortSignal.any([signal, guard.idle]));
      } catch (error) {
        if (guard.idle.aborted && !signal.aborted) throw guard.idle.reason;
        throw error;
      } finally {
        guard.stop();
        tar.destroy();
        guard.stream.destroy();
      }
    });
    return { path: joinContainerPath(folder, source.name), sizeBytes: source.sizeBytes };
  }

  /** Stops every listing, read and transfer in progress (their partial files are removed). */
  dispose(): void {
    for (const controller of this.running) controller.abort(new ServiceError('UNAVAILABLE', 'Lightdock is closing.'));
  }

  /** Runs `work` with a signal that aborts after `deadlineMs` (none when null) or on dispose. */
  private async withSignal<T>(deadlineMs: number | null, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    this.running.add(controller);
    const timer = deadlineMs === null ? null : setTimeout(() => controller.abort(new ServiceError('TIMEOUT', `The engine took longer than ${deadlineMs / 1000} s.`)), deadlineMs);
    try {
      return await work(controller.signal);
    } catch (error) {
      const reason: unknown = controller.signal.reason;
      if (controller.signal.aborted && reason instanceof ServiceError && !(error instanceof ServiceError && error.code === reason.code)) throw reason;
      throw error;
    } finally {
      if (timer !== null) clearTimeout(timer);
      controller.abort();
      this.running.delete(controller);
    }
  }
}
