import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { TRAY_ICON_SIZES, TRAY_ICON_STATES, drawTrayIcon, trayIconFileName, type TrayTheme } from '../../../../electron/main/tray/tray-icon';

const TRAY_DIR = path.resolve(import.meta.dirname, '../../../../build/resources/tray');

/** Width, height and RGBA pixels of an 8-bit RGBA PNG without filters (what encodePng writes). */
function decode(png: Buffer): { width: number; height: number; pixel: (x: number, y: number) => number[] } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idatLength = png.readUInt32BE(33);
  expect(png.subarray(37, 41).toString('ascii')).toBe('IDAT');
  const rows = zlib.inflateSync(png.subarray(41, 41 + idatLength));
  const stride = width * 4 + 1;
  return { width, height, pixel: (x, y) => [...rows.subarray(y * stride + 1 + x * 4, y * stride + 1 + x * 4 + 4)] };
}

describe('tray icons', () => {
  it.each(TRAY_ICON_SIZES)('are %i px square PNGs: transparent corner, the status dot in its colour', (size) => {
    const running = decode(drawTrayIcon('running', 'light', size));
    expect([running.width, running.height]).toEqual([size, size]);
    expect(running.pixel(size - 1, 0)[3]).toBe(0);
    const centre = Math.floor(size * 0.76);
    expect(running.pixel(centre, centre - Math.max(1, Math.round(size * 0.12)))).toEqual([22, 163, 74, 255]);
    // Stopped is a hollow ring: its centre is transparent.
    expect(decode(drawTrayIcon('stopped', 'dark', size)).pixel(centre, centre)[3]).toBe(0);
  });

  it('draws the glyph dark for a light taskbar and light for a dark one', () => {
    const solid = (theme: TrayTheme): number[] => {
      const icon = decode(drawTrayIcon('running', theme, 32));
      for (let y = 0; y < 32; y += 1) {
        const pixel = icon.pixel(3, y);
        if (pixel[3] === 255) return pixel;
      }
      throw new Error('no solid glyph pixel in column 3');
    };
    expect(solid('light')).toEqual([31, 41, 55, 255]);
    expect(solid('dark')).toEqual([243, 244, 246, 255]);
  });

  it('the committed PNGs in build/resources/tray are what the drawing code makes (run build/generate-tray-icons.mjs after a change)', () => {
    for (const state of TRAY_ICON_STATES) {
      for (const theme of ['light', 'dark'] as const) {
        for (const size of TRAY_ICON_SIZES) {
          const file = path.join(TRAY_DIR, trayIconFileName(state, theme, size));
          expect(fs.readFileSync(file).equals(drawTrayIcon(state, theme, size)), file).toBe(true);
        }
      }
    }
  });
});
