import { describe, expect, it } from 'vitest';
import { LogDemuxer, LogLineReader, toLogLine } from '../../../../electron/services/docker/log-demux';

function frame(type: number, text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const header = Buffer.alloc(8);
  header[0] = type;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

function chunksOf(buffer: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let i = 0; i < buffer.length; i += size) chunks.push(buffer.subarray(i, i + size));
  return chunks;
}

function joined(pieces: Array<{ stream: string; data: Buffer }>): Array<{ stream: string; text: string }> {
  const out: Array<{ stream: string; text: string }> = [];
  for (const piece of pieces) {
    const last = out[out.length - 1];
    if (last && last.stream === piece.stream) last.text += piece.data.toString('utf8');
    else out.push({ stream: piece.stream, text: piece.data.toString('utf8') });
  }
  return out;
}

describe('LogDemuxer', () => {
  const stream = Buffer.concat([frame(1, 'out one\n'), frame(2, 'err one\n'), frame(1, 'out two\n'), frame(0, 'stdin echo\n'), frame(3, 'daemon\n')]);
  const expected = [
    { stream: 'stdout', text: 'out one\n' },
    { stream: 'stderr', text: 'err one\n' },
    { stream: 'stdout', text: 'out two\nstdin echo\n' },
    { stream: 'stderr', text: 'daemon\n' },
  ];

  it('splits whole frames into stdout and stderr', () => {
    expect(joined(new LogDemuxer().push(stream))).toEqual(expected);
  });

  it.each([1, 2, 3, 5, 7, 8, 9, 13])('gives the same result when frames are split into %i-byte chunks', (size) => {
    const demuxer = new LogDemuxer();
    const pieces = chunksOf(stream, size).flatMap((chunk) => demuxer.push(chunk));
    expect(joined(pieces)).toEqual(expected);
  });

  it('handles a header split exactly between chunks and an empty frame', () => {
    const data = Buffer.concat([frame(2, ''), frame(2, 'x\n')]);
    const demuxer = new LogDemuxer();
    const pieces = [...demuxer.push(data.subarray(0, 12)), ...demuxer.push(data.subarray(12))];
    expect(joined(pieces)).toEqual([{ stream: 'stderr', text: 'x\n' }]);
  });

  it('passes everything through as stdout once a header is not a frame header (a TTY stream)', () => {
    const pieces = new LogDemuxer().push(Buffer.from('plain tty text\n'));
    expect(joined(pieces)).toEqual([{ stream: 'stdout', text: 'plain tty text\n' }]);
  });
});

describe('toLogLine', () => {
  it('takes the RFC 3339 nano prefix as the timestamp', () => {
    expect(toLogLine('stdout', '2026-11-26T01:13:44.201559151Z hello world', true)).toEqual({
      stream: 'stdout',
      text: 'hello world',
      timestamp: '2026-11-26T01:13:44.201559151Z',
    });
    expect(toLogLine('stderr', '2026-11-26T01:13:44+02:00 x', true)).toEqual({ stream: 'stderr', text: 'x', timestamp: '2026-11-26T01:13:44+02:00' });
  });

  it('leaves the text alone without timestamps or without a prefix', () => {
    expect(toLogLine('stdout', '2026-11-26T01:13:44Z x', false)).toEqual({ stream: 'stdout', text: '2026-11-26T01:13:44Z x', timestamp: null });
    expect(toLogLine('stdout', 'no stamp', true)).toEqual({ stream: 'stdout', text: 'no stamp', timestamp: null });
  });
});

describe('LogLineReader', () => {
  it('demultiplexes, reassembles lines split across frames and chunks, and parses timestamps', () => {
    const ts = '2026-11-26T01:00:00.000000001Z';
    const data = Buffer.concat([frame(1, `${ts} a long `), frame(2, `${ts} oops\n`), frame(1, `${ts} line\n`), frame(1, `${ts} last`)]);
    const reader = new LogLineReader({ tty: false, timestamps: true });
    const lines = chunksOf(data, 3).flatMap((chunk) => reader.push(chunk));
    expect(lines).toEqual([
      { stream: 'stderr', text: 'oops', timestamp: ts },
      { stream: 'stdout', text: 'a long line', timestamp: ts },
    ]);
    expect(reader.end()).toEqual([{ stream: 'stdout', text: 'last', timestamp: ts }]);
  });

  it.each([1, 4, 10, 1000])('keeps one timestamp for a line sent as partial messages (%i-byte chunks)', (size) => {
    const first = '2026-11-26T01:00:00.000000001Z';
    const second = '2026-11-26T01:00:00.000000002Z';
    const data = Buffer.concat([frame(1, `${first} part one, `), frame(2, `${second} err\n`), frame(1, `${second} part two\n`), frame(1, `${second} next\n`)]);
    const reader = new LogLineReader({ tty: false, timestamps: true });
    const lines = chunksOf(data, size).flatMap((chunk) => reader.push(chunk));
    expect(lines).toEqual([
      { stream: 'stderr', text: 'err', timestamp: second },
      { stream: 'stdout', text: 'part one, part two', timestamp: first },
      { stream: 'stdout', text: 'next', timestamp: second },
    ]);
  });

  it('marks the first piece of every frame', () => {
    const demuxer = new LogDemuxer();
    const data = Buffer.concat([frame(1, 'abcdef'), frame(2, 'gh')]);
    const pieces = chunksOf(data, 10).flatMap((chunk) => demuxer.push(chunk));
    expect(pieces.map((piece) => [piece.data.toString(), piece.frameStart])).toEqual([
      ['ab', true],
      ['cdef', false],
      ['gh', true],
    ]);
  });

  it('reads a TTY stream raw: no framing, everything on stdout, CRLF line ends', () => {
    const reader = new LogLineReader({ tty: true, timestamps: false });
    expect(reader.push(Buffer.from('\u0001first\r\nsec'))).toEqual([{ stream: 'stdout', text: '\u0001first', timestamp: null }]);
    expect(reader.push(Buffer.from('ond\r\n'))).toEqual([{ stream: 'stdout', text: 'second', timestamp: null }]);
    expect(reader.end()).toEqual([]);
  });
});
