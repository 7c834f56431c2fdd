// Writes the tray icons (engine running/stopped/starting/error × light/dark taskbar × 16/24/32 px) to
// build/resources/tray/ from the same drawing code the desktop app uses at run time
// (electron/main/tray/tray-icon.ts, transpiled here with Vite's esbuild). Run: node build/generate-tray-icons.mjs
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { transformWithEsbuild } from 'vite';

const root = path.resolve(import.meta.dirname, '..');
const source = path.join(root, 'electron/main/tray/tray-icon.ts');
const { code } = await transformWithEsbuild(fs.readFileSync(source, 'utf8'), source, { loader: 'ts', format: 'esm' });
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'lightdock-tray-'));
try {
  const module = path.join(temp, 'tray-icon.mjs');
  fs.writeFileSync(module, code);
  const { TRAY_ICON_SIZES, TRAY_ICON_STATES, drawTrayIcon, trayIconFileName } = await import(pathToFileURL(module).href);
  const out = path.join(root, 'build/resources/tray');
  fs.mkdirSync(out, { recursive: true });
  let written = 0;
  for (const state of TRAY_ICON_STATES) {
    for (const theme of ['light', 'dark']) {
      for (const size of TRAY_ICON_SIZES) {
        fs.writeFileSync(path.join(out, trayIconFileName(state, theme, size)), drawTrayIcon(state, theme, size));
        written += 1;
      }
    }
  }
  console.log(`Wrote ${written} tray icons to ${path.relative(root, out)}`);
} finally {
  fs.rmSync(temp, { recursive: true, force: true });
}
