import { describe, expect, it } from 'vitest';
import { RingBuffer } from '../../../../electron/services/metrics/ring-buffer';

describe('RingBuffer', () => {
  it('keeps items oldest first below its capacity', () => {
    const ring = new RingBuffer<number>(3);
    expect(ring.toArray()).toEqual([]);
    expect(ring.last()).toBeUndefined();
    ring.push(1);
    ring.push(2);
    expect(ring.toArray()).toEqual([1, 2]);
    expect(ring.size).toBe(2);
    expect(ring.last()).toBe(2);
  });

  it('drops the oldest item once full and never holds more than its capacity', () => {
    const ring = new RingBuffer<number>(3);
    for (let value = 1; value <= 8; value += 1) ring.push(value);
    expect(ring.toArray()).toEqual([6, 7, 8]);
    expect(ring.size).toBe(3);
    expect(ring.last()).toBe(8);
  });

  it('from() keeps only the newest items that fit', () => {
    expect(RingBuffer.from(2, [1, 2, 3, 4]).toArray()).toEqual([3, 4]);
    expect(RingBuffer.from(5, [1, 2]).toArray()).toEqual([1, 2]);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
    expect(() => new RingBuffer(1.5)).toThrow(RangeError);
  });
});
