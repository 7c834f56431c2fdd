import type { MenuItemConstructorOptions } from 'electron';
import type { EventChannel, EventPayload } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/result';
import {
  buildQuickActionsMenu,
  isSeparator,
  type InvokeAction,
  type MenuAction,
  type MenuEntry,
  type MenuModel,
  type QuickActionsState,
  type TrayIconState,
} from '../../../shared/quick-actions/quick-actions-menu';
import type { Logger } from '../../services/ports';
import type { TrayTheme } from './tray-icon';

/** Quiet time after the last state change before the menu is rebuilt. */
export const TRAY_REBUILD_DEBOUNCE_MS = 250;

/** The part of Electron's Tray the controller uses. */
export interface TrayHandle {
  setImage(image: unknown): void;
  setToolTip(toolTip: string): void;
  setContextMenu(menu: unknown): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

/** The Electron pieces the tray needs, passed in so tests use fakes and the controller stays a plain class. */
export interface TrayPlatform {
  createTray(image: unknown): TrayHandle;
  buildMenu(template: MenuItemConstructorOptions[]): unknown;
  /** The image (all sizes) of an icon state on a light or dark taskbar. */
  icon(state: TrayIconState, theme: TrayTheme): unknown;
  /** The taskbar's theme now. */
  theme(): TrayTheme;
}

/** A listener of every service push (the event hub's subscribe). */
export type PushListener = <C extends EventChannel>(channel: C, payload: EventPayload<C>, target: string | undefined) => void;

/** What the tray reads and drives: the pushes, a first snapshot, the dispatcher and the window. */
export interface TrayControllerDeps {
  platform: TrayPlatform;
  subscribe(listener: PushListener): () => void;
  /** The first snapshot (distros, VM, engine status and lifecycle, containers); parts that fail stay null. */
  loadState(): Promise<QuickActionsState>;
  /** Sends one request through the shared dispatcher (validation included) as the tray client. */
  invoke(action: InvokeAction): Promise<IpcResult<unknown>>;
  /** Shows, restores and focuses the main window (creating it if needed). */
  showWindow(): void;
  /** Shows the window on a route (`#/settings`). */
  navigate(route: string): void;
  openUrl(url: string): void;
  quit(options: { stopEngine: boolean }): void;
  logger: Logger;
  debounceMs?: number;
}

/** Channels that change what the menu shows; stats, logs and terminal output never rebuild it. */
const STATE_CHANNELS = new Set<EventChannel>(['engine:status-changed', 'engine:lifecycle-changed', 'vm:changed', 'distros:changed', 'containers:changed']);

/**
 * The system tray: an icon by engine state and taskbar theme, a tooltip in words, and the quick-actions menu built
 * by `buildQuickActionsMenu` from the pushed state, rebuilt (debounced) only when a state push changes it. A click
 * on the icon opens the window; each item calls the dispatcher, the window or the app, as its action says.
 */
export class TrayController {
  private state: QuickActionsState = { engine: null, lifecycle: null, vm: null, distros: null, containers: null };
  private tray: TrayHandle | null = null;
  private unsubscribe: (() => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private shown: { icon: string; tooltip: string; items: string } | null = null;
  /** The menu model shown now. */
  model: MenuModel = buildQuickActionsMenu(this.state);
  /** How many times the native menu was built (a test and log figure). */
  menuBuilds = 0;

  constructor(private readonly deps: TrayControllerDeps) {}

  /** Creates the tray with what is known, then listens to pushes and loads the first snapshot. */
  start(): Promise<void> {
    const { platform } = this.deps;
    this.tray = platform.createTray(platform.icon(this.model.icon, platform.theme()));
    this.tray.on('click', () => this.deps.showWindow());
    this.render();
    this.unsubscribe = this.deps.subscribe((channel, payload, target) => this.onPush(channel, payload, target));
    return this.deps.loadState().then(
      (loaded) => {
        // A push that arrived while loading is newer than the snapshot.
        this.state = {
          engine: this.state.engine ?? loaded.engine,
          lifecycle: this.state.lifecycle ?? loaded.lifecycle,
          vm: this.state.vm ?? loaded.vm,
          distros: this.state.distros ?? loaded.distros,
          containers: this.state.containers ?? loaded.containers,
        };
        this.scheduleRebuild();
      },
      (error: unknown) => this.deps.logger.warn('The tray could not load its first state', error),
    );
  }

  /** Re-renders at once (the taskbar theme changed). */
  refresh(): void {
    this.shown = null;
    this.render();
  }

  private onPush<C extends EventChannel>(channel: C, payload: EventPayload<C>, target: string | undefined): void {
    if (target !== undefined || !STATE_CHANNELS.has(channel)) return;
    const value = payload as unknown;
    switch (channel) {
      case 'engine:status-changed':
        this.state = { ...this.state, engine: value as EventPayload<'engine:status-changed'> };
        break;
      case 'engine:lifecycle-changed':
        this.state = { ...this.state, lifecycle: value as EventPayload<'engine:lifecycle-changed'> };
        break;
      case 'vm:changed': {
        const vm = value as EventPayload<'vm:changed'>;
        this.state = { ...this.state, vm: { state: vm.state, runningDistros: vm.runningDistros } };
        break;
      }
      case 'distros:changed':
        this.state = { ...this.state, distros: value as EventPayload<'distros:changed'> };
        break;
      default:
        this.state = { ...this.state, containers: value as EventPayload<'containers:changed'> };
    }
    this.scheduleRebuild();
  }

  private scheduleRebuild(): void {
    if (this.tray === null) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.render();
    }, this.deps.debounceMs ?? TRAY_REBUILD_DEBOUNCE_MS);
  }

  /** Builds the model and updates only what changed: the icon, the tooltip, the native menu. */
  private render(): void {
    const tray = this.tray;
    if (tray === null) return;
    const { platform } = this.deps;
    const theme = platform.theme();
    this.model = buildQuickActionsMenu(this.state, 'tray');
    const next = { icon: `${this.model.icon}-${theme}`, tooltip: this.model.tooltip, items: JSON.stringify(this.model.items) };
    if (this.shown?.icon !== next.icon) tray.setImage(platform.icon(this.model.icon, theme));
    if (this.shown?.tooltip !== next.tooltip) tray.setToolTip(next.tooltip);
    if (this.shown?.items !== next.items) {
      tray.setContextMenu(platform.buildMenu(this.template(this.model.items)));
      this.menuBuilds += 1;
    }
    this.shown = next;
  }

  private template(entries: readonly MenuEntry[]): MenuItemConstructorOptions[] {
    return entries.map((entry): MenuItemConstructorOptions => {
      if (isSeparator(entry)) return { id: entry.id, type: 'separator' };
      const options: MenuItemConstructorOptions = { id: entry.id, label: entry.label, enabled: entry.enabled };
      if (entry.disabledReason !== undefined) options.toolTip = entry.disabledReason;
      if (entry.submenu !== undefined) options.submenu = this.template(entry.submenu);
      const action = entry.action;
      if (action !== undefined && entry.enabled) options.click = () => this.perform(action, entry.label);
      return options;
    });
  }

  /** Runs one item's action; a failed request is logged with its sentence (the item's view shows the outcome). */
  perform(action: MenuAction, label: string): void {
    if ('channel' in action) {
      this.deps.invoke(action).then(
        (result) => {
          if (!result.ok) this.deps.logger.warn(`${label}: ${result.error.message}`);
        },
        (error: unknown) => this.deps.logger.error(`${label} failed`, error),
      );
    } else if ('navigate' in action) {
      this.deps.navigate(action.navigate);
    } else if ('openUrl' in action) {
      this.deps.openUrl(action.openUrl);
    } else if (action.app === 'open') {
      this.deps.showWindow();
    } else {
      this.deps.quit({ stopEngine: action.app === 'quit-and-stop-engine' });
    }
  }

  /** Stops listening, drops a pending rebuild and removes the icon. */
  dispose(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.tray?.destroy();
    this.tray = null;
  }
}
