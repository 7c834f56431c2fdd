import { isAppOriginUrl } from './app-protocol';

/** The parts of an IPC event the sender check reads (`IpcMainInvokeEvent` and `IpcMainEvent` both fit). */
export interface SenderEvent {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/** The parts of a window's web contents the registry and the event sink use. */
export interface TrustedContents {
  readonly id: number;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
  once(event: 'destroyed', listener: () => void): unknown;
}

/**
 * The web contents of the app's own windows. Only these may call IPC or receive pushes; each entry
 * leaves the registry when its web contents is destroyed.
 */
export class TrustedSenderRegistry {
  private readonly entries = new Map<number, TrustedContents>();

  /** Trusts this web contents until it is destroyed. */
  add(contents: TrustedContents): void {
    const id = contents.id;
    this.entries.set(id, contents);
    contents.once('destroyed', () => {
      this.entries.delete(id);
    });
  }

  /** True when the web contents with this id is a registered, live app window. */
  has(id: number): boolean {
    const contents = this.entries.get(id);
    return contents !== undefined && !contents.isDestroyed();
  }

  /** The registered web contents that are still alive. */
  live(): TrustedContents[] {
    return [...this.entries.values()].filter((contents) => !contents.isDestroyed());
  }
}

/**
 * True only when the frame still exists, is a main frame (no parent), its URL is on the app origin
 * (parsed with `new URL`, never compared by prefix) and its web contents is a registered app window.
 * @see https://www.electronjs.org/docs/latest/tutorial/security#17-validate-the-sender-of-all-ipc-messages
 */
export function isTrustedSender(event: SenderEvent, registry: Pick<TrustedSenderRegistry, 'has'>): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  return isAppOriginUrl(url) && registry.has(event.sender.id);
}
