import { eventContract, type EventChannel, type EventPayload } from '../../../shared/ipc/contract';
import type { EventHub } from '../../services/event-hub';
import type { Logger } from '../../services/ports';
import { windowClientId } from './register-invoke-handlers';
import type { TrustedContents, TrustedSenderRegistry } from '../security/trusted-senders';

/** One window's delivery state: ready windows get pushes at once, others keep the latest payload per channel. */
interface WindowState {
  ready: boolean;
  pending: Map<EventChannel, unknown>;
}

/**
 * Delivers every EventHub push to the app's trusted, live windows. Payloads are validated against the
 * contract first (an invalid one is logged and dropped). A window that has not yet said it is ready
 * keeps the latest payload of each channel (pushes are snapshots) and gets them, in order, on ready.
 */
export class WindowEventSink {
  private readonly states = new Map<number, WindowState>();

  constructor(
    private readonly registry: Pick<TrustedSenderRegistry, 'live'>,
    private readonly logger: Logger,
  ) {}

  /** Starts forwarding the hub's events; returns the function that stops it. */
  attach(hub: Pick<EventHub, 'subscribe'>): () => void {
    return hub.subscribe((channel, payload, target) => this.deliver(channel, payload, target));
  }

  /** Validates one push and sends or queues it for every trusted live window. */
  deliver<C extends EventChannel>(channel: C, payload: EventPayload<C>, target?: string): void {
    const schema = Object.hasOwn(eventContract, channel) ? eventContract[channel] : undefined;
    const parsed = schema?.safeParse(payload);
    if (parsed === undefined || !parsed.success) {
      try {
        this.logger.error(`Dropped a ${String(channel)} push that is not in or does not match the contract`, parsed?.error.issues);
      } catch {
        // A logger that fails must not take the hub's listener down with it; the push is dropped either way.
      }
      return;
    }
    const live = this.registry.live();
    this.forgetGone(live);
    for (const contents of live) {
      if (target !== undefined && target !== windowClientId(contents.id)) continue;
      const state = this.stateOf(contents.id);
      if (state.ready) {
        this.send(contents, channel, parsed.data);
      } else {
        state.pending.delete(channel);
        state.pending.set(channel, parsed.data);
      }
    }
  }

  /** The window said it subscribed: flush what it missed and send it later pushes directly. */
  markReady(id: number): void {
    const state = this.stateOf(id);
    state.ready = true;
    const contents = this.registry.live().find((candidate) => candidate.id === id);
    const pending = [...state.pending];
    state.pending.clear();
    if (contents === undefined) return;
    for (const [channel, payload] of pending) this.send(contents, channel, payload);
  }

  /** The window (re)loaded its page: queue again until it says it is ready. */
  markPending(id: number): void {
    const state = this.stateOf(id);
    state.ready = false;
  }

  private stateOf(id: number): WindowState {
    let state = this.states.get(id);
    if (state === undefined) {
      state = { ready: false, pending: new Map() };
      this.states.set(id, state);
    }
    return state;
  }

  private forgetGone(live: TrustedContents[]): void {
    const liveIds = new Set(live.map((contents) => contents.id));
    for (const id of this.states.keys()) if (!liveIds.has(id)) this.states.delete(id);
  }

  private send(contents: TrustedContents, channel: EventChannel, payload: unknown): void {
    if (contents.isDestroyed()) return;
    try {
      contents.send(channel, payload);
    } catch (error) {
      this.logger.warn(`Could not send ${channel} to window ${contents.id}`, error);
    }
  }
}
