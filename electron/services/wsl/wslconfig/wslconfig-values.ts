/** One GiB, the unit `.wslconfig` sizes usually use. */
export const GIB = 1024 ** 3;
/** One MiB. */
export const MIB = 1024 ** 2;

const SIZE_FACTORS: Record<string, number> = {
  '': 1,
  B: 1,
  K: 1024,
  KB: 1024,
  M: MIB,
  MB: MIB,
  G: GIB,
  GB: GIB,
  T: 1024 ** 4,
  TB: 1024 ** 4,
};

/**
 * WSL's `ParseMemorySize`: decimal digits (strtoull: leading blanks and `+` allowed), then nothing or a
 * case-sensitive binary suffix `B`, `K`/`KB`, `M`/`MB`, `G`/`GB`, `T`/`TB`; no decimals. Null when invalid.
 */
export function parseSize(value: string): number | null {
  const match = /^[ \t\n\v\f\r]*\+?(\d+)(.*)$/s.exec(value);
  if (!match) return null;
  const [, digits = '', suffix = ''] = match;
  const factor = SIZE_FACTORS[suffix];
  if (factor === undefined) return null;
  const bytes = Number(digits) * factor;
  return Number.isSafeInteger(bytes) ? bytes : null;
}

/** WSL's `ParseBool`: `1`, `0`, or `true`/`false` in any case; null for anything else. */
export function parseBoolean(value: string): boolean | null {
  if (value === '1' || value.toLowerCase() === 'true') return true;
  if (value === '0' || value.toLowerCase() === 'false') return false;
  return null;
}

/**
 * `strtol(value, &end, 0)` as WSL uses it for integers: optional blanks and sign, `0x` hex, a leading
 * `0` octal, the whole string consumed, within a 32-bit int. Null when invalid.
 */
export function parseInteger(value: string): number | null {
  const match = /^[ \t\n\v\f\r]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/.exec(value);
  if (!match) return null;
  const [, sign = '', body = ''] = match;
  let magnitude: number;
  if (/^0[xX]/.test(body)) magnitude = parseInt(body.slice(2), 16);
  else if (body.startsWith('0')) magnitude = body.length === 1 ? 0 : parseInt(body.slice(1), 8);
  else magnitude = parseInt(body, 10);
  const number = sign === '-' ? -magnitude : magnitude;
  return number >= -(2 ** 31) && number <= 2 ** 31 - 1 ? number : null;
}

/** Bytes as WSL users write them: whole GB or MB when exact, else bytes (`8GB`, `512MB`, `1000B`). */
export function formatSize(bytes: number): string {
  if (bytes > 0 && bytes % GIB === 0) return `${bytes / GIB}GB`;
  if (bytes > 0 && bytes % MIB === 0) return `${bytes / MIB}MB`;
  return `${bytes}B`;
}
