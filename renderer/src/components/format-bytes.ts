const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/**
 * A byte count as people read it, in binary units like `docker stats` and Task Manager: "0 B", "512 B", "1.5 GiB",
 * "12.3 MiB", "980 MiB" (three significant digits at most). Null, negative or non-finite input gives "—".
 */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${Math.round(value)} B`;
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  const fixed = value.toFixed(digits);
  const text = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  return `${text} ${UNITS[unit]}`;
}

/** A part of a whole as a whole-number percentage ("42%", "<1%" for a sliver); "—" when the whole is zero or unknown. */
export function formatPercent(part: number | null | undefined, whole: number | null | undefined): string {
  if (part === null || part === undefined || whole === null || whole === undefined || whole <= 0) return '—';
  const percent = Math.round((part / whole) * 100);
  return percent === 0 && part > 0 ? '<1%' : `${percent}%`;
}
