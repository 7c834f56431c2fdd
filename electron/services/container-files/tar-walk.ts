import type { Readable } from 'node:stream';
import tar, { type ExtractEvents } from 'tar-stream';
import { ServiceError } from '../errors';
import type { TarHeaderLike } from './fs-entry';

/** An entry's body as tar-stream gives it (a streamx Readable). */
export type EntryBody = ExtractEvents['entry'][1];

/** What a visitor answers for one entry: keep walking (its body is skipped for it), or stop here. */
export type Visit = 'next' | 'stop';

/** How a walk ended: the archive's end, a visitor's stop, or the byte bound. */
export type WalkEnd = 'end' | 'stopped' | 'byte-bound';

/** The bounds of one walk and what stops it from outside. */
export interface WalkOptions {
  maxBytes: number;
  signal: AbortSignal;
  /** Names the archive in error sentences. */
  what: string;
}

/**
 * Walks a tar stream entry by entry with tar-stream's extract. `visit` decides per entry; it may read the body only
 * when it answers 'stop' (otherwise the body is skipped with `resume()`). The source is destroyed as soon as the walk
 * ends (a stop, the byte bound, an abort, an error), so the engine stops sending. tar-stream bounds long headers to
 * 4 MiB itself; a broken or truncated archive rejects with INTERNAL, an abort with `signal.reason` as a ServiceError.
 */
export function walkTar(source: NodeJS.ReadableStream, visit: (header: TarHeaderLike, body: EntryBody) => Promise<Visit>, options: WalkOptions): Promise<WalkEnd> {
  return new Promise<WalkEnd>((resolve, reject) => {
    const extract = tar.extract();
    let bytes = 0;
    let settled = false;
    const finish = (outcome: WalkEnd | Error): void => {
      if (settled) return;
      settled = true;
      options.signal.removeEventListener('abort', onAbort);
      source.unpipe?.(extract);
      (source as Readable).destroy?.();
      extract.destroy();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const broken = (error: unknown): ServiceError =>
      error instanceof ServiceError ? error : new ServiceError('INTERNAL', `The engine sent a broken archive of ${options.what}: ${error instanceof Error ? error.message : String(error)}`);
    const onAbort = (): void => {
      const reason: unknown = options.signal.reason;
      finish(reason instanceof ServiceError ? reason : new ServiceError('TIMEOUT', `Reading ${options.what} was stopped.`));
    };
    if (options.signal.aborted) {
      onAbort();
      return;
    }
    options.signal.addEventListener('abort', onAbort, { once: true });
    extract.on('entry', (header, body, next) => {
      body.on('error', () => undefined);
      visit(header, body).then(
        (answer) => {
          if (answer === 'stop') return finish('stopped');
          body.on('end', () => next());
          body.resume();
        },
        (error: unknown) => finish(error instanceof Error ? error : new Error(String(error))),
      );
    });
    extract.on('finish', () => finish('end'));
    extract.on('error', (error: Error) => finish(broken(error)));
    source.on('error', (error: Error) => finish(broken(error)));
    source.on('data', (chunk: Buffer | string) => {
      bytes += chunk.length;
      if (bytes > options.maxBytes) finish('byte-bound');
    });
    source.pipe(extract as unknown as NodeJS.WritableStream);
  });
}
