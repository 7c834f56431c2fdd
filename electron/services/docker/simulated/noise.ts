/** A deterministic number in [0, 1) for a key and an index: the simulated engine's only source of variety. */
export function noise(key: string, index: number): number {
  let h = 2166136261 ^ index;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  h ^= Math.imul(index, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** Picks one item of a non-empty list deterministically. */
export function pick<T>(items: readonly [T, ...T[]], key: string, index: number): T {
  return items[Math.floor(noise(key, index) * items.length)] ?? items[0];
}
