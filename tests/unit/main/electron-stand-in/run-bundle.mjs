// Runs the built main bundle (argv[2], out/main/index.js) under plain Node with `electron` mapped to the stand-in,
// drives it through ready → window and tray → one trusted and one untrusted IPC call → a state change → close →
// quit, and prints one JSON report line. The process must then end on its own: a handle left open keeps it alive.
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

register('./resolve-hook.mjs', import.meta.url);

const bundle = process.argv[2];
const { app, ipcMain, record } = await import('electron');

async function until(what, check, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const labels = (items) => items.map((item) => (item.type === 'separator' ? '---' : item.label));
const find = (items, id) => {
  for (const item of items ?? []) {
    if (item.id === id) return item;
    const inner = find(item.submenu, id);
    if (inner) return inner;
  }
  return undefined;
};

await import(pathToFileURL(bundle).href);
app.becomeReady();

const report = {};
const window = await until('the main window', () => record.windows[0]);
const tray = await until('the tray', () => record.trays[0]);
await until('the tray menu with the distros', () => find(tray.menu?.template, 'distro:Debian'));
await until('the window shown once painted', () => window.visible);

report.sandboxEnabled = record.sandboxEnabled;
report.privilegedSchemes = record.privilegedSchemes;
report.protocolSchemes = record.protocolHandlers.map((handler) => handler.scheme);
report.channels = [...ipcMain.handlers.keys()];
report.windowOptions = { ...window.options, webPreferences: { ...window.options.webPreferences, preload: typeof window.options.webPreferences.preload } };
report.loadedUrls = [...window.webContents.loadedUrls];
report.navigationGuarded = window.webContents.listenerCount('will-navigate') > 0 && window.webContents.windowOpenHandler !== null;
report.loginItem = record.loginItem;
report.tray = {
  toolTip: tray.toolTip,
  labels: labels(tray.menu.template),
  iconScales: [...tray.image.representations.keys()],
  debian: find(tray.menu.template, 'distro:Debian').label,
};
const menusBefore = tray.menuHistory.length;

const trusted = { sender: window.webContents, senderFrame: { url: 'app://bundle/index.html', parent: null } };
ipcMain.emit('app:renderer-ready', trusted);
report.roundTrip = await ipcMain.handlers.get('distros:start')(trusted, { name: 'Debian' });
report.invalid = await ipcMain.handlers.get('distros:start')(trusted, { name: 'Debian; rm -rf /' });
report.untrusted = await ipcMain.handlers.get('distros:list')({ sender: { id: 999 }, senderFrame: { url: 'https://example.com/', parent: null } }, {});

await until('the tray menu rebuilt with Debian running', () => find(tray.menu?.template, 'distro:Debian')?.label === 'Debian (Running)');
report.trayAfterChange = { rebuilds: tray.menuHistory.length - menusBefore, debian: find(tray.menu.template, 'distro:Debian').label, toolTip: tray.toolTip };
await until('the distros push to the window', () => window.webContents.sent.some((sent) => sent.channel === 'distros:changed'));
report.pushesToWindow = [...new Set(window.webContents.sent.map((sent) => sent.channel))].sort();

report.closeKeptInTray = window.close() === false && window.visible === false;
report.notifications = [...record.notifications];

app.quit();
report.afterQuit = { handlers: ipcMain.handlers.size, trayDestroyed: tray.destroyed, windows: record.windows.length, quitEvents: record.events.filter((event) => event === 'quit').length };
report.errors = record.events.filter((event) => event.startsWith('error-box'));
process.stdout.write(`${JSON.stringify(report)}\n`);
