/** A fixed-capacity FIFO: pushing onto a full buffer drops the oldest item, so it never holds more than `capacity`. */
export class RingBuffer<T> {
  private readonly items: (T | undefined)[];
  private start = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`Ring capacity must be a positive integer (got ${capacity}).`);
    this.items = new Array<T | undefined>(capacity);
  }

  /** How many items it holds (at most `capacity`). */
  get size(): number {
    return this.count;
  }

  /** Appends an item, dropping the oldest one when full. */
  push(item: T): void {
    if (this.count < this.capacity) {
      this.items[(this.start + this.count) % this.capacity] = item;
      this.count += 1;
      return;
    }
    this.items[this.start] = item;
    this.start = (this.start + 1) % this.capacity;
  }

  /** The newest item, or undefined when empty. */
  last(): T | undefined {
    return this.count === 0 ? undefined : this.items[(this.start + this.count - 1) % this.capacity];
  }

  /** Every item, oldest first, as a new array. */
  toArray(): T[] {
    const out: T[] = [];
    for (let index = 0; index < this.count; index += 1) out.push(this.items[(this.start + index) % this.capacity] as T);
    return out;
  }

  /** A buffer holding the newest `capacity` items of `items` (given oldest first). */
  static from<T>(capacity: number, items: readonly T[]): RingBuffer<T> {
    const ring = new RingBuffer<T>(capacity);
    for (const item of items.slice(Math.max(0, items.length - capacity))) ring.push(item);
    return ring;
  }
}
