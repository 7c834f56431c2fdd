import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { ServiceError } from '../../errors';
import { engineError } from './dockerode-streams';
import { containerSegment } from './engine-paths';
import { engineMessage } from './map-engine-error';

/** How long the engine may take to answer with the archive's headers (the body then flows as long as the caller wants). */
const OPEN_TIMEOUT_MS = 15_000;

/** The archive endpoints' options with the abort signal dockerode accepts but its types omit. */
type ArchiveOptions = { path: string };

/**
 * The engine's sentence for a failed archive call as a ServiceError: a missing path is NOT_FOUND "No such file or
 * folder in <container>: <path>" (a missing container keeps the engine's "No such container"), a path through a
 * file is CONFLICT (without the engine's host path of the layer), the rest as every dockerode call maps them.
 */
function archiveError(error: unknown, docker: Docker, ref: string, path: string): Error {
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number') {
    const message = engineMessage(error as { statusCode: number });
    if (status === 404 && !/^no such container/i.test(message)) {
      return new ServiceError('NOT_FOUND', `No such file or folder in ${ref}: ${path}`, { statusCode: 404 });
    }
    if ((status === 500 || status === 400) && /not a directory/i.test(message)) {
      return new ServiceError('CONFLICT', `Not a folder in ${ref}: ${path}`, { statusCode: status });
    }
  }
  return engineError(error, docker);
}

/** A signal that aborts with `outer` and, until `settled()` is called, after `ms`. */
function openingSignal(outer: AbortSignal, ms: number): { signal: AbortSignal; settled(): void } {
  const controller = new AbortController();
  const abort = (): void => controller.abort(outer.reason ?? new DOMException('The operation was aborted.', 'AbortError'));
  if (outer.aborted) abort();
  else outer.addEventListener('abort', abort, { once: true });
  const timer = setTimeout(() => controller.abort(new DOMException('The engine did not answer in time.', 'TimeoutError')), ms);
  return { signal: controller.signal, settled: () => clearTimeout(timer) };
}

/**
 * `GET /containers/{ref}/archive?path=` as a tar stream (a folder's entries start with its base name, `/` for the
 * root). The engine has OPEN_TIMEOUT_MS to answer; after that the stream lives until it ends, the caller destroys
 * it or `signal` aborts it. Keeps the port's contract: NOT_FOUND for a missing path or container.
 */
export async function getArchive(docker: Docker, ref: string, path: string, signal: AbortSignal): Promise<NodeJS.ReadableStream> {
  const opening = openingSignal(signal, OPEN_TIMEOUT_MS);
  try {
    const options = { path, abortSignal: opening.signal } as ArchiveOptions;
    const stream = (await docker.getContainer(containerSegment(ref)).getArchive(options)) as Readable;
    // Consumers attach their own handlers; this one keeps a late socket error from becoming an uncaught exception.
    stream.on('error', () => undefined);
    return stream;
  } catch (error) {
    throw archiveError(error, docker, ref, path);
  } finally {
    opening.settled();
  }
}

/**
 * `PUT /containers/{ref}/archive?path=<folder>` with `tar` as the body, streamed (dockerode pipes it and destroys
 * the request when it fails). Resolves when the engine has extracted it; `signal` aborts the upload.
 */
export async function putArchive(docker: Docker, ref: string, folder: string, tar: NodeJS.ReadableStream, signal: AbortSignal): Promise<void> {
  let tarError: Error | null = null;
  tar.on('error', (error: Error) => {
    tarError = error;
  });
  try {
    const options = { path: folder, abortSignal: signal } as ArchiveOptions;
    await docker.getContainer(containerSegment(ref)).putArchive(tar, options);
  } catch (error) {
    if (tarError !== null) throw tarError;
    throw archiveError(error, docker, ref, folder);
  }
}
