import { Transform } from 'node:stream';
import { ServiceError } from '../errors';

/** A transfer that moves no byte for this long is stopped. */
export const IDLE_MS = 60_000;

/**
 * A pass-through that counts bytes and fails past `maxBytes`, and a signal that aborts (with a TIMEOUT ServiceError as
 * its reason) after `idleMs` without a byte; `stop()` clears its timer.
 */
export interface TransferGuard {
  stream: Transform;
  /** Aborts when no byte moved for `idleMs`; pass it (with the caller's) to the pipeline or the engine call. */
  idle: AbortSignal;
  bytes(): number;
  stop(): void;
}

/** Guards one transfer (`what` names it in the sentences: "download", "upload"). */
export function transferGuard(maxBytes: number, idleMs: number, what: string): TransferGuard {
  let bytes = 0;
  let timer: NodeJS.Timeout | null = null;
  const idle = new AbortController();
  const stop = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const arm = (): void => {
    stop();
    timer = setTimeout(() => idle.abort(new ServiceError('TIMEOUT', `No data moved for ${idleMs / 1000} s; the ${what} was stopped.`)), idleMs);
  };
  const stream: Transform = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      arm();
      if (bytes > maxBytes) callback(new ServiceError('CONFLICT', `The ${what} is larger than ${Math.round(maxBytes / 1024 ** 2)} MiB; Lightdock stopped it.`));
      else callback(null, chunk);
    },
    flush(callback) {
      stop();
      callback();
    },
  });
  stream.on('close', stop);
  arm();
  return { stream, idle: idle.signal, bytes: () => bytes, stop };
}
