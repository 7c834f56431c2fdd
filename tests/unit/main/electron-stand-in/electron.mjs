// A plain-Node stand-in for the `electron` module, just enough for the built main bundle (out/main/index.js) to start,
// build its window and tray, answer IPC and quit. Everything it is asked to do is recorded on `record`, which the
// smoke-test driver (run-bundle.mjs) reads. No behaviour beyond what the bundle needs; no Electron binary involved.
import { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';

/** What the bundle did, for the driver. */
export const record = {
  sandboxEnabled: false,
  privilegedSchemes: [],
  protocolHandlers: [],
  permissionHandlers: [],
  windows: [],
  trays: [],
  menus: 0,
  loginItem: null,
  notifications: [],
  quitCalls: 0,
  exitCode: null,
  events: [],
};

let nextContentsId = 1;

class WebContents extends EventEmitter {
  constructor() {
    super();
    this.id = nextContentsId++;
    this.destroyed = false;
    this.sent = [];
    this.loadedUrls = [];
    this.windowOpenHandler = null;
  }
  isDestroyed() {
    return this.destroyed;
  }
  send(channel, ...args) {
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  async loadURL(url) {
    this.loadedUrls.push(url);
    this.emit('did-navigate');
  }
  destroy() {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.visible = false;
    this.minimized = false;
    this.webContents = new WebContents();
    record.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    const loading = this.webContents.loadURL(url);
    queueMicrotask(() => this.emit('ready-to-show'));
    return loading;
  }
  show() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
  focus() {}
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
  }
  /** Plays a close: listeners may prevent it; otherwise the window and its contents go away. */
  close() {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return false;
    this.webContents.destroy();
    this.emit('closed');
    record.windows = record.windows.filter((window) => window !== this);
    return true;
  }
}

class IpcMain extends EventEmitter {
  constructor() {
    super();
    this.handlers = new Map();
  }
  handle(channel, listener) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel) {
    this.handlers.delete(channel);
  }
}
export const ipcMain = new IpcMain();

class App extends EventEmitter {
  constructor() {
    super();
    this.readyResolvers = [];
    this.isReadyNow = false;
  }
  enableSandbox() {
    record.sandboxEnabled = true;
  }
  requestSingleInstanceLock() {
    return true;
  }
  whenReady() {
    if (this.isReadyNow) return Promise.resolve();
    return new Promise((resolve) => this.readyResolvers.push(resolve));
  }
  /** The driver's `ready`. */
  becomeReady() {
    this.isReadyNow = true;
    this.emit('ready');
    for (const resolve of this.readyResolvers.splice(0)) resolve();
  }
  getPath() {
    return path.join(os.tmpdir(), 'lightdock-electron-stand-in');
  }
  getVersion() {
    return '0.0.0-stand-in';
  }
  setLoginItemSettings(settings) {
    record.loginItem = settings;
  }
  /** As Electron: before-quit, then each window closes (one that refuses cancels the quit), then will-quit and quit. */
  quit() {
    record.quitCalls += 1;
    let cancelled = false;
    this.emit('before-quit', { preventDefault: () => (cancelled = true) });
    if (cancelled) return;
    for (const window of [...record.windows]) {
      if (!window.close()) return;
    }
    this.emit('will-quit', { preventDefault: () => undefined });
    this.emit('quit');
    record.events.push('quit');
  }
  exit(code) {
    record.exitCode = code;
  }
}
export const app = new App();

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    record.privilegedSchemes.push(...schemes);
  },
  handle(scheme, handler) {
    record.protocolHandlers.push({ scheme, handler });
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler) {
      record.permissionHandlers.push({ kind: 'request', handler });
    },
    setPermissionCheckHandler(handler) {
      record.permissionHandlers.push({ kind: 'check', handler });
    },
    setDevicePermissionHandler(handler) {
      record.permissionHandlers.push({ kind: 'device', handler });
    },
  },
};

export const shell = {
  opened: [],
  async openExternal(url) {
    shell.opened.push(url);
  },
  async openPath() {
    return '';
  },
};

export const dialog = {
  showErrorBox(title, content) {
    record.events.push(`error-box: ${title}: ${content}`);
  },
};

class NativeImage {
  constructor() {
    this.representations = new Map();
  }
  addRepresentation({ scaleFactor, buffer }) {
    this.representations.set(scaleFactor, buffer);
  }
  isEmpty() {
    return this.representations.size === 0;
  }
}
export const nativeImage = {
  createEmpty: () => new NativeImage(),
  createFromBuffer(buffer, options = {}) {
    const image = new NativeImage();
    image.addRepresentation({ scaleFactor: options.scaleFactor ?? 1, buffer });
    return image;
  },
};

class NativeTheme extends EventEmitter {
  constructor() {
    super();
    this.shouldUseDarkColors = false;
  }
}
export const nativeTheme = new NativeTheme();

export class Tray extends EventEmitter {
  constructor(image) {
    super();
    this.image = image;
    this.toolTip = '';
    this.menu = null;
    this.menuHistory = [];
    this.destroyed = false;
    record.trays.push(this);
  }
  setImage(image) {
    this.image = image;
  }
  setToolTip(toolTip) {
    this.toolTip = toolTip;
  }
  setContextMenu(menu) {
    this.menu = menu;
    this.menuHistory.push(menu);
  }
  destroy() {
    this.destroyed = true;
  }
}

export const Menu = {
  buildFromTemplate(template) {
    record.menus += 1;
    return { template };
  },
};

export class Notification {
  static isSupported() {
    return true;
  }
  constructor(options) {
    this.options = options;
  }
  show() {
    record.notifications.push(this.options);
  }
}

export default { app, BrowserWindow, dialog, ipcMain, Menu, nativeImage, nativeTheme, Notification, protocol, session, shell, Tray };
