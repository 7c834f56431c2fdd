import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../../../../electron/services/docker/line-splitter';

describe('LineSplitter', () => {
  it('returns whole lines whatever the chunk boundaries, and keeps the unterminated rest', () => {
    const splitter = new LineSplitter();
    expect(splitter.push(Buffer.from('{"a":1}\n{"b"'))).toEqual(['{"a":1}']);
    expect(splitter.push(Buffer.from(':2}'))).toEqual([]);
    expect(splitter.push(Buffer.from('\n{"c":3}\n{"d":4}\n'))).toEqual(['{"b":2}', '{"c":3}', '{"d":4}']);
    expect(splitter.flush()).toBeNull();
  });

  it('drops the carriage return of CRLF line ends and keeps empty lines', () => {
    const splitter = new LineSplitter();
    expect(splitter.push(Buffer.from('one\r\n\r\ntwo\n\n'))).toEqual(['one', '', 'two', '']);
  });

  it('joins a multi-byte character split between chunks', () => {
    const bytes = Buffer.from('héllo → wörld\n', 'utf8');
    const splitter = new LineSplitter();
    const lines: string[] = [];
    for (let i = 0; i < bytes.length; i += 1) lines.push(...splitter.push(bytes.subarray(i, i + 1)));
    expect(lines).toEqual(['héllo → wörld']);
  });

  it('flushes the last line that has no newline', () => {
    const splitter = new LineSplitter();
    expect(splitter.push(Buffer.from('a\npartial'))).toEqual(['a']);
    expect(splitter.flush()).toBe('partial');
    expect(splitter.flush()).toBeNull();
  });

  it('emits an over-long partial line instead of growing without bound, never splitting a character', () => {
    const splitter = new LineSplitter(8);
    expect(splitter.push(Buffer.from('0123456789'))).toEqual(['0123456789']);
    expect(splitter.push(Buffer.from('ab\n'))).toEqual(['ab']);
    // 'ééééé' is 10 bytes; cut the last one in half: the emitted part holds whole characters only.
    const bytes = Buffer.from('éééééé', 'utf8');
    expect(splitter.push(bytes.subarray(0, 11))).toEqual(['ééééé']);
    expect(splitter.push(Buffer.concat([bytes.subarray(11), Buffer.from('\n')]))).toEqual(['é']);
  });
});
