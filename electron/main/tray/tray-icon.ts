import zlib from 'node:zlib';
import type { TrayIconState } from '../../../shared/quick-actions/quick-actions-menu';

/** The taskbar the icon sits on: `light` draws a dark glyph, `dark` a light one. */
export type TrayTheme = 'light' | 'dark';

/** Sizes Windows (16, 24 at 150 %, 32 at 200 %) and Linux trays (16 to 32) ask for. */
export const TRAY_ICON_SIZES = [16, 24, 32] as const;

/** Every icon state, in the order the generator writes them. */
export const TRAY_ICON_STATES: readonly TrayIconState[] = ['running', 'stopped', 'starting', 'error'];

type Rgb = readonly [number, number, number];

const GLYPH: Record<TrayTheme, Rgb> = { light: [31, 41, 55], dark: [243, 244, 246] };
const DOT: Record<TrayIconState, Rgb> = { running: [22, 163, 74], stopped: [156, 163, 175], starting: [245, 158, 11], error: [220, 38, 38] };
const SAMPLES = 4;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG (8-bit RGBA, no interlace) of `rgba`, `width × height × 4` bytes, row by row. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y += 1) rows.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** Signed distance to a rounded box centred at (cx, cy) with half sizes (hx, hy) and corner radius r. */
function roundedBox(x: number, y: number, cx: number, cy: number, hx: number, hy: number, r: number): number {
  const qx = Math.abs(x - cx) - hx + r;
  const qy = Math.abs(y - cy) - hy + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** What covers one point of the unit square: the status dot (error adds a white bar, a no-entry sign), the glyph, or nothing. */
function paint(state: TrayIconState, x: number, y: number): 'dot' | 'mark' | 'glyph' | null {
  const dot = Math.hypot(x - 0.76, y - 0.76);
  if (state === 'error' && Math.abs(y - 0.76) <= 0.045 && Math.abs(x - 0.76) <= 0.13) return 'mark';
  if (state === 'stopped' ? dot <= 0.22 && dot >= 0.12 : dot <= 0.22) return 'dot';
  if (dot <= 0.31) return null;
  // A container: a rounded outline with two ribs, over a dock line.
  const outer = roundedBox(x, y, 0.42, 0.42, 0.36, 0.3, 0.08);
  if (outer <= 0 && outer >= -0.1) return 'glyph';
  if (outer < 0 && (Math.abs(x - 0.3) <= 0.045 || Math.abs(x - 0.54) <= 0.045)) return 'glyph';
  if (roundedBox(x, y, 0.42, 0.86, 0.4, 0.05, 0.04) <= 0) return 'glyph';
  return null;
}

/** The tray icon for an engine state on a light or dark taskbar, `size` pixels square, as PNG bytes (4×4 supersampled). */
export function drawTrayIcon(state: TrayIconState, theme: TrayTheme, size: number): Buffer {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let glyph = 0;
      let dot = 0;
      let mark = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const hit = paint(state, (px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          if (hit === 'glyph') glyph += 1;
          else if (hit === 'dot') dot += 1;
          else if (hit === 'mark') mark += 1;
        }
      }
      const covered = glyph + dot + mark;
      if (covered === 0) continue;
      const [gr, gg, gb] = GLYPH[theme];
      const [dr, dg, db] = DOT[state];
      const offset = (py * size + px) * 4;
      rgba[offset] = Math.round((gr * glyph + dr * dot + 255 * mark) / covered);
      rgba[offset + 1] = Math.round((gg * glyph + dg * dot + 255 * mark) / covered);
      rgba[offset + 2] = Math.round((gb * glyph + db * dot + 255 * mark) / covered);
      rgba[offset + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
    }
  }
  return encodePng(size, size, rgba);
}

/** The file name the generator gives an icon (build/resources/tray/). */
export function trayIconFileName(state: TrayIconState, theme: TrayTheme, size: number): string {
  return `tray-${state}-${theme}-${size}.png`;
}
