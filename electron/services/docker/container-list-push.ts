import { containerRow, type ContainerRow } from '../../../shared/model/container';
import type { EventSink, Logger } from '../ports';
import type { ContainerEngine, EngineEvent } from './container-engine';

/** Events arriving within this window after the first one are answered by one re-list (event → UI well under 150 ms). */
const RELIST_WINDOW_MS = 15;
/** The container state an engine event implies, for the immediate push before the re-list. */
const EVENT_STATES: Partial<Record<string, ContainerRow['state']>> = {
  start: 'running',
  restart: 'running',
  unpause: 'running',
  pause: 'paused',
  die: 'exited',
};
/** Container event actions that never change the container list. */
const QUIET_ACTIONS = /^(exec_|attach|detach|resize|top|archive-path|extract-to-dir|export|copy)/;

/** What the push reads from the connection that feeds it events. */
export interface ContainerListSource {
  /** The engine in use now, or null before one is chosen. */
  engine(): ContainerEngine | null;
  /** True while `session` is the connection's current one and the service is not disposed. */
  isCurrent(session: number): boolean;
}

/** What the push is built from. */
export interface ContainerListPushOptions {
  source: ContainerListSource;
  events: EventSink;
  logger: Logger;
}

/**
 * `containers:changed` from the engine's event stream: the state an event implies at once, on top of the last list
 * pushed, then one re-list per burst of events. A list older than the last push, or of an ended session, is dropped.
 */
export class ContainerListPush {
  private relistTimer: ReturnType<typeof setTimeout> | null = null;
  private relistSequence = 0;
  private publishedSequence = 0;
  private lastPushed: ContainerRow[] | null = null;

  constructor(private readonly options: ContainerListPushOptions) {}

  /** Handles one event of `session`: patches the last list at once, and re-lists soon when the list may have changed. */
  onEvent(event: EngineEvent, session: number): void {
    if (event.type === 'container') this.patchFromEvent(event);
    if (event.type === 'network' || (event.type === 'container' && !QUIET_ACTIONS.test(event.action))) this.scheduleRelist(session);
  }

  private scheduleRelist(session: number): void {
    if (this.relistTimer !== null) return;
    this.relistTimer = setTimeout(() => {
      this.relistTimer = null;
      void this.relist(session);
    }, RELIST_WINDOW_MS);
  }

  /**
   * Pushes the state an event implies at once (start → running, die → exited, pause, unpause, destroy) on top of
   * the last list pushed; the re-list that follows within RELIST_WINDOW_MS brings the status text and the rest.
   */
  private patchFromEvent(event: EngineEvent): void {
    if (this.lastPushed === null) return;
    const index = this.lastPushed.findIndex((container) => container.id === event.id);
    if (index < 0) return;
    let next: ContainerRow[];
    if (event.action === 'destroy') {
      next = this.lastPushed.filter((container) => container.id !== event.id);
    } else {
      const state = EVENT_STATES[event.action];
      const current = this.lastPushed[index];
      if (state === undefined || current === undefined || current.state === state) return;
      next = this.lastPushed.with(index, { ...current, state });
    }
    this.lastPushed = next;
    // A re-list already under way started before this event: its answer is older than this push.
    this.publishedSequence = this.relistSequence;
    this.options.events.emit('containers:changed', next);
  }

  /** Lists the containers and pushes them, unless a newer list went out or `session` ended meanwhile; a failure is logged. */
  async relist(session: number): Promise<void> {
    const engine = this.options.source.engine();
    if (engine === null) return;
    const sequence = ++this.relistSequence;
    try {
      const containers = (await engine.listContainers()).map(containerRow);
      // A newer list than the last one pushed goes out at once, even if another re-list has started since:
      // waiting for the newest would starve the UI while events keep coming.
      if (!this.options.source.isCurrent(session) || sequence <= this.publishedSequence) return;
      this.publishedSequence = sequence;
      this.lastPushed = containers;
      this.options.events.emit('containers:changed', containers);
    } catch (error) {
      this.options.logger.warn('re-listing containers after an event failed', error);
    }
  }

  /** Drops a re-list that has not started yet. */
  cancel(): void {
    if (this.relistTimer !== null) clearTimeout(this.relistTimer);
    this.relistTimer = null;
  }
}
