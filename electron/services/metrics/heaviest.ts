/** The name under which every figure beyond the heaviest ones is summed. */
export const OTHERS = '(others)';

/**
 * The `max` largest figures of `byName` kept by name and the rest summed under `(others)` (present only when
 * something was summed), so a history point holds at most `max + 1` names. Ties keep the name that sorts first.
 */
export function keepHeaviest(byName: ReadonlyMap<string, number>, max: number): Record<string, number> {
  const ordered = [...byName].sort(([nameA, a], [nameB, b]) => b - a || (nameA < nameB ? -1 : nameA > nameB ? 1 : 0));
  const kept: Record<string, number> = {};
  let others = 0;
  let summed = false;
  for (const [index, [name, bytes]] of ordered.entries()) {
    if (index < max && name !== OTHERS) {
      kept[name] = bytes;
    } else {
      others += bytes;
      summed = true;
    }
  }
  if (summed) kept[OTHERS] = others;
  return kept;
}
