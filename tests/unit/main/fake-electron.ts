import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import type { SenderEvent, TrustedContents } from '../../../electron/main/security/trusted-senders';

type InvokeListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;
type SignalListener = (event: IpcMainEvent, ...args: unknown[]) => void;

/** An in-memory ipcMain: records handlers and listeners and lets a test play the renderer. */
export class FakeIpcMain implements Pick<IpcMain, 'handle' | 'removeHandler' | 'on' | 'removeListener'> {
  readonly handlers = new Map<string, InvokeListener>();
  readonly listeners = new Map<string, Set<SignalListener>>();

  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  on(channel: string, listener: SignalListener): IpcMain {
    const set = this.listeners.get(channel) ?? new Set();
    set.add(listener);
    this.listeners.set(channel, set);
    return this as unknown as IpcMain;
  }

  removeListener(channel: string, listener: (...args: never[]) => void): IpcMain {
    this.listeners.get(channel)?.delete(listener as SignalListener);
    return this as unknown as IpcMain;
  }

  /** Calls the handler of a channel as `ipcRenderer.invoke` would. */
  async invoke(channel: string, event: SenderEvent, request?: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event as IpcMainInvokeEvent, request);
  }

  /** Sends a fire-and-forget signal as `ipcRenderer.send` would. */
  send(channel: string, event: SenderEvent): void {
    for (const listener of this.listeners.get(channel) ?? []) listener(event as IpcMainEvent);
  }

  /** How many listeners are bound to a signal channel. */
  listenerCount(channel: string): number {
    return this.listeners.get(channel)?.size ?? 0;
  }
}

/** An IPC event from web contents `id`, sent by a frame at `url` (a main frame unless a parent is given). */
export function senderEvent(id: number, url: string | null, parent: unknown = null): SenderEvent {
  return { sender: { id }, senderFrame: url === null ? null : { url, parent } };
}

/** A web contents that records what it was sent and can be destroyed. */
export class FakeContents implements TrustedContents {
  readonly sent: { channel: string; args: unknown[] }[] = [];
  private destroyed = false;
  private readonly onDestroyed: (() => void)[] = [];

  constructor(readonly id: number) {}

  isDestroyed(): boolean {
    return this.destroyed;
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  }

  once(_event: 'destroyed', listener: () => void): this {
    this.onDestroyed.push(listener);
    return this;
  }

  destroy(): void {
    this.destroyed = true;
    for (const listener of this.onDestroyed.splice(0)) listener();
  }
}

/** A template item as Menu.buildFromTemplate receives it (the fields the tray sets). */
export interface FakeMenuItemOptions {
  id?: string;
  label?: string;
  type?: string;
  enabled?: boolean;
  toolTip?: string;
  click?: () => void;
  submenu?: FakeMenuItemOptions[];
}

/** A built menu: the template it came from, searchable by item id. */
export class FakeMenu {
  constructor(readonly template: FakeMenuItemOptions[]) {}

  /** The item with this id anywhere in the tree (throws when there is none). */
  item(id: string): FakeMenuItemOptions {
    const found = FakeMenu.find(this.template, id);
    if (found === undefined) throw new Error(`No menu item '${id}'`);
    return found;
  }

  /** Top-level labels, separators as '---'. */
  labels(): string[] {
    return this.template.map((entry) => (entry.type === 'separator' ? '---' : (entry.label ?? '')));
  }

  private static find(items: FakeMenuItemOptions[], id: string): FakeMenuItemOptions | undefined {
    for (const entry of items) {
      if (entry.id === id) return entry;
      const inner = entry.submenu === undefined ? undefined : FakeMenu.find(entry.submenu, id);
      if (inner !== undefined) return inner;
    }
    return undefined;
  }
}

/** Menu.buildFromTemplate, recording every menu built. */
export const FakeMenuModule = {
  built: [] as FakeMenu[],
  buildFromTemplate(template: FakeMenuItemOptions[]): FakeMenu {
    const menu = new FakeMenu(template);
    FakeMenuModule.built.push(menu);
    return menu;
  },
};

/** A nativeImage that keeps its PNG representations by scale factor. */
export class FakeNativeImage {
  readonly representations = new Map<number, Buffer>();
  addRepresentation(options: { scaleFactor: number; buffer?: Buffer }): void {
    if (options.buffer !== undefined) this.representations.set(options.scaleFactor, options.buffer);
  }
  isEmpty(): boolean {
    return this.representations.size === 0;
  }
}

/** nativeImage's factory functions. */
export const fakeNativeImage = {
  createEmpty: (): FakeNativeImage => new FakeNativeImage(),
  createFromBuffer(buffer: Buffer, options?: { scaleFactor?: number }): FakeNativeImage {
    const image = new FakeNativeImage();
    image.addRepresentation({ scaleFactor: options?.scaleFactor ?? 1, buffer });
    return image;
  },
};

/** A Tray that records its image, tooltip and menu, and can be clicked. */
export class FakeTray {
  static readonly instances: FakeTray[] = [];
  image: unknown;
  toolTip = '';
  menu: FakeMenu | null = null;
  destroyed = false;
  readonly images: unknown[] = [];
  private readonly clicks: (() => void)[] = [];

  constructor(image: unknown) {
    this.image = image;
    FakeTray.instances.push(this);
  }
  setImage(image: unknown): void {
    this.image = image;
    this.images.push(image);
  }
  setToolTip(toolTip: string): void {
    this.toolTip = toolTip;
  }
  setContextMenu(menu: FakeMenu | null): void {
    this.menu = menu;
  }
  on(event: string, listener: () => void): this {
    if (event === 'click') this.clicks.push(listener);
    return this;
  }
  /** Plays a click on the icon. */
  click(): void {
    for (const listener of this.clicks) listener();
  }
  destroy(): void {
    this.destroyed = true;
  }
}

/** nativeTheme with a switchable dark mode and its `updated` event. */
export class FakeNativeTheme {
  shouldUseDarkColors = false;
  private readonly listeners = new Set<() => void>();
  on(_event: 'updated', listener: () => void): this {
    this.listeners.add(listener);
    return this;
  }
  removeListener(_event: 'updated', listener: () => void): this {
    this.listeners.delete(listener);
    return this;
  }
  /** Switches the theme and fires `updated`. */
  setDark(dark: boolean): void {
    this.shouldUseDarkColors = dark;
    for (const listener of [...this.listeners]) listener();
  }
  listenerCount(): number {
    return this.listeners.size;
  }
}

/** Notification that records what was shown. */
export class FakeNotification {
  static readonly shown: { title: string; body: string }[] = [];
  /** What isSupported answers (a Linux desktop without a notification server says false). */
  static supported = true;
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  constructor(private readonly options: { title: string; body: string }) {}
  show(): void {
    FakeNotification.shown.push(this.options);
  }
}
