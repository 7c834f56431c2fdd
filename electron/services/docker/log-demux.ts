import type { LogLine } from '../../../shared/model/container';
import { LineSplitter } from './line-splitter';

/** Which output a piece of a multiplexed stream belongs to. */
export type OutputStream = LogLine['stream'];

/** A piece of one frame's payload (frames may arrive in several pieces); `frameStart` marks a frame's first piece. */
export interface DemuxedChunk {
  stream: OutputStream;
  data: Buffer;
  frameStart: boolean;
}

const HEADER_BYTES = 8;

/**
 * Demultiplexes the Engine API's stdout/stderr framing (non-TTY logs, attach and exec): each frame is an
 * 8-byte header `[type, 0, 0, 0, size as uint32 big-endian]` and `size` bytes of payload; type 0 (stdin)
 * and 1 are stdout, 2 and 3 (daemon error) stderr. Headers and payloads split across chunks are joined.
 * A header that is not one (a TTY stream after all) switches to raw pass-through on stdout for good.
 */
export class LogDemuxer {
  private readonly header = Buffer.alloc(HEADER_BYTES);
  private headerLength = 0;
  private payloadLeft = 0;
  private current: OutputStream = 'stdout';
  private atFrameStart = false;
  private raw = false;

  /** Adds a chunk and returns the payload pieces it holds, in order. */
  push(chunk: Buffer): DemuxedChunk[] {
    const out: DemuxedChunk[] = [];
    let offset = 0;
    while (offset < chunk.length) {
      if (this.raw) {
        out.push({ stream: 'stdout', data: chunk.subarray(offset), frameStart: false });
        break;
      }
      if (this.payloadLeft > 0) {
        const end = Math.min(chunk.length, offset + this.payloadLeft);
        out.push({ stream: this.current, data: chunk.subarray(offset, end), frameStart: this.atFrameStart });
        this.atFrameStart = false;
        this.payloadLeft -= end - offset;
        offset = end;
        continue;
      }
      const take = Math.min(HEADER_BYTES - this.headerLength, chunk.length - offset);
      chunk.copy(this.header, this.headerLength, offset, offset + take);
      this.headerLength += take;
      offset += take;
      if (this.headerLength < HEADER_BYTES) break;
      this.headerLength = 0;
      const type = this.header[0] ?? 0;
      if (type > 3 || this.header[1] !== 0 || this.header[2] !== 0 || this.header[3] !== 0) {
        this.raw = true;
        out.push({ stream: 'stdout', data: Buffer.from(this.header), frameStart: false });
        continue;
      }
      this.current = type >= 2 ? 'stderr' : 'stdout';
      this.payloadLeft = this.header.readUInt32BE(4);
      this.atFrameStart = true;
    }
    return out;
  }
}

/** The longest timestamp prefix the engine writes (`2006-01-02T15:04:05.999999999+07:00 `). */
const MAX_TIMESTAMP_PREFIX_BYTES = 36;
const SPACE = 0x20;

const TIMESTAMP_PREFIX = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})) ?/;

/** Turns one log line into a `LogLine`, taking the engine's RFC 3339 (nano) prefix as the timestamp when asked. */
export function toLogLine(stream: OutputStream, text: string, timestamps: boolean): LogLine {
  if (!timestamps) return { stream, text, timestamp: null };
  const match = TIMESTAMP_PREFIX.exec(text);
  if (!match || match[1] === undefined) return { stream, text, timestamp: null };
  return { stream, text: text.slice(match[0].length), timestamp: match[1] };
}

/**
 * Reads a container's log stream into whole lines: demultiplexed when the container has no TTY,
 * raw (all stdout) when it has one; stdout and stderr are reassembled separately on `\n`. With
 * timestamps, a long line the engine sent as several partial messages keeps only its first timestamp
 * (each continuation frame's own prefix is dropped).
 */
export class LogLineReader {
  private readonly demuxer: LogDemuxer | null;
  private readonly splitters: Record<OutputStream, LineSplitter> = { stdout: new LineSplitter(), stderr: new LineSplitter() };
  /** Bytes of a continuation frame's timestamp prefix dropped so far, per stream; null when not dropping. */
  private readonly skipped: Record<OutputStream, number | null> = { stdout: null, stderr: null };

  constructor(private readonly options: { tty: boolean; timestamps: boolean }) {
    this.demuxer = options.tty ? null : new LogDemuxer();
  }

  /** Adds a chunk of the engine's stream and returns the lines it completed. */
  push(chunk: Buffer): LogLine[] {
    const pieces = this.demuxer ? this.demuxer.push(chunk) : [{ stream: 'stdout' as const, data: chunk, frameStart: false }];
    const lines: LogLine[] = [];
    for (const piece of pieces) {
      const splitter = this.splitters[piece.stream];
      if (this.options.timestamps && piece.frameStart && splitter.hasPartial) this.skipped[piece.stream] = 0;
      const data = this.dropContinuationPrefix(piece.stream, piece.data);
      for (const text of splitter.push(data)) lines.push(toLogLine(piece.stream, text, this.options.timestamps));
    }
    return lines;
  }

  private dropContinuationPrefix(stream: OutputStream, data: Buffer): Buffer {
    const skipped = this.skipped[stream];
    if (skipped === null) return data;
    const space = data.subarray(0, MAX_TIMESTAMP_PREFIX_BYTES - skipped).indexOf(SPACE);
    if (space !== -1) {
      this.skipped[stream] = null;
      return data.subarray(space + 1);
    }
    const total = skipped + data.length;
    this.skipped[stream] = total < MAX_TIMESTAMP_PREFIX_BYTES ? total : null;
    return total < MAX_TIMESTAMP_PREFIX_BYTES ? Buffer.alloc(0) : data;
  }

  /** Returns the unterminated last lines, if any (call when the stream ends). */
  end(): LogLine[] {
    const lines: LogLine[] = [];
    for (const stream of ['stdout', 'stderr'] as const) {
      const text = this.splitters[stream].flush();
      if (text !== null) lines.push(toLogLine(stream, text, this.options.timestamps));
    }
    return lines;
  }
}
