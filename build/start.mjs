// `npm start`: launches the desktop app with the built bundles. Where the Electron binary is missing it
// tries Electron's own installer once (npm 11 does not run install scripts it was not told to trust);
// when that cannot work (no network, as on CI machines) it says so and starts the browser host instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

let binary = electronBinary();
if (!binary && process.env.LIGHTDOCK_NO_ELECTRON_DOWNLOAD !== '1') {
  const installer = path.join(root, 'node_modules', 'electron', 'install.js');
  if (existsSync(installer)) spawnSync(process.execPath, [installer], { cwd: path.dirname(installer), stdio: 'ignore', timeout: 120_000 });
  binary = electronBinary();
}

if (binary) {
  run(binary, [root]);
} else {
  console.log('The Electron binary is not installed and cannot be downloaded here, so Lightdock opens in your browser instead.');
  run(process.execPath, [path.join(root, 'out', 'web', 'serve.js'), ...process.argv.slice(2)]);
}
