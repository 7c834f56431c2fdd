import { Transform } from 'node:stream';
import { ServiceError } from '../errors';

/** A transfer that moves no byte for this long is stopped. */
export const IDLE_MS = 60_000;

/** A pass-through that counts bytes, failing past `maxBytes` and after `idleMs` without a byte; `stop()` clears its timer. */
export interface TransferGuard {
  stream: Transform;
  bytes(): number;
  stop(): void;
}

/** Guards one transfer (`what` names it in the sentences: "download", "upload"). */
export function transferGuard(maxBytes: number, idleMs: number, what: string): TransferGuard {
  let bytes = 0;
  let timer: NodeJS.Timeout | null = null;
  const stop = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const arm = (): void => {
    stop();
    timer = setTimeout(() => stream.destroy(new ServiceError('TIMEOUT', `No data moved for ${idleMs / 1000} s; the ${what} was stopped.`)), idleMs);
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
  return { stream, bytes: () => bytes, stop };
}
