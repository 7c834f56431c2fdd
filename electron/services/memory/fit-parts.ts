/**
 * `amounts` (non-negative integers) scaled down to add up to exactly `total` when they add up to more, by largest
 * remainder; each result is at most its amount. Amounts that fit are returned unchanged.
 */
export function scaleTo(amounts: readonly number[], total: number): number[] {
  const sum = amounts.reduce((acc, a) => acc + a, 0);
  if (sum <= total) return [...amounts];
  const ratio = total / sum;
  const scaled = amounts.map((a) => Math.min(a, Math.floor(a * ratio)));
  let leftover = total - scaled.reduce((acc, a) => acc + a, 0);
  const order = amounts.map((a, i) => ({ i, fraction: a * ratio - Math.floor(a * ratio) })).sort((x, y) => y.fraction - x.fraction);
  while (leftover > 0) {
    for (const { i } of order) {
      if (leftover === 0) break;
      const room = (amounts[i] as number) - (scaled[i] as number);
      const add = Math.min(room, Math.max(1, Math.ceil(leftover / order.length)), leftover);
      scaled[i] = (scaled[i] as number) + add;
      leftover -= add;
    }
  }
  return scaled;
}

/**
 * Shares of `total` for parts that want `desired` bytes: all of it when it fits; else each keeps its `floor`
 * (the part of it that is measured) and the rest is scaled; when even the floors do not fit, the floors are
 * scaled. The result never adds up to more than `total` and no share exceeds what its part wanted.
 */
export function fitParts(total: number, desired: readonly number[], floors: readonly number[]): number[] {
  const wanted = desired.reduce((acc, d) => acc + d, 0);
  if (wanted <= total) return [...desired];
  const floorSum = floors.reduce((acc, f) => acc + f, 0);
  if (floorSum > total) return scaleTo(floors, total);
  const extra = scaleTo(
    desired.map((d, i) => d - (floors[i] ?? 0)),
    total - floorSum,
  );
  return floors.map((f, i) => f + (extra[i] ?? 0));
}
