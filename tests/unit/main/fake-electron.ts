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
