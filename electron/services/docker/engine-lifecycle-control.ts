import type { EngineLifecycle, EngineLifecycleState } from '../../../shared/model/engine-lifecycle';
import { ServiceError } from '../errors';
import type { Clock, EventSink } from '../ports';
import type { ContainerEngine } from './container-engine';
import { STATUS_PING_MS, reachMessage, type EngineConnection } from './engine-connection';
import { lifecycleRecord, manageabilityOf, sameLifecycle, type EngineHost } from './engine-lifecycle';

/** How long the simulated engine takes to start or stop, so every view sees the transition. */
const SIMULATED_TRANSITION_MS = 600;
/** How long a started real engine may take to answer its first ping. */
const START_WAIT_MS = 30_000;
/** Between pings while waiting for a started engine. */
const START_POLL_MS = 500;

/** What starting and stopping the engine is built from. */
export interface EngineLifecycleControlOptions {
  connection: EngineConnection;
  /** Where Lightdock can start and stop a real engine (the WSL distro's service manager); absent elsewhere. */
  engineHost?: EngineHost;
  clock: Clock;
  events: EventSink;
  /** How long the simulated engine's start and stop take (default 600 ms). */
  simulatedTransitionMs?: number;
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Starts and stops the engine Lightdock manages (the simulated one, or Docker in the WSL distro through the
 * EngineHost), one at a time, and pushes `engine:lifecycle-changed` whenever its life state or manageability changes.
 */
export class EngineLifecycleControl {
  private transition: 'starting' | 'stopping' | null = null;
  /** Set from the moment a start or stop is accepted until it has answered, so a second one is refused. */
  private busy: 'starting' | 'stopping' | null = null;
  private failure: string | null = null;
  private last: EngineLifecycle | null = null;

  constructor(private readonly options: EngineLifecycleControlOptions) {}

  /** The lifecycle as the last status, a transition under way or the last failed start/stop imply. */
  private lifecycleOf(engine: ContainerEngine | null, statusMessage: string | null): EngineLifecycle {
    const { connection } = this.options;
    const { selection } = connection;
    const manage =
      engine === null
        ? { manageable: false, reason: statusMessage ?? 'No Docker engine was found.' }
        : manageabilityOf({ kind: engine.kind, endpoint: engine.endpoint, context: engine.context }, this.options.engineHost !== undefined);
    const lastStatus = connection.latestStatus();
    let state: EngineLifecycleState;
    let message: string | null = null;
    if (this.transition !== null) state = this.transition;
    else if (this.failure !== null) [state, message] = ['error', this.failure];
    else if (selection.isSimulated(engine) && !selection.simulatedRunning()) state = 'stopped';
    else if (lastStatus?.state === 'connected') state = 'running';
    else if (lastStatus?.state === 'reconnecting') [state, message] = ['error', lastStatus.message];
    else state = 'stopped';
    return lifecycleRecord(this.last, state, manage, message, this.options.clock.now());
  }

  /** Records the lifecycle a status about `engine` implies and pushes `engine:lifecycle-changed` when it changed. */
  push(engine: ContainerEngine | null, statusMessage: string | null): EngineLifecycle {
    const next = this.lifecycleOf(engine, statusMessage);
    const changed = !sameLifecycle(this.last, next);
    this.last = next;
    if (changed) this.options.events.emit('engine:lifecycle-changed', next);
    return next;
  }

  /** Where the engine is in its life (stopped, starting, running, stopping, error) and whether Lightdock may manage it. */
  async lifecycle(): Promise<EngineLifecycle> {
    const status = await this.options.connection.status();
    return this.push(this.options.connection.selection.engineNow(), status.message);
  }

  /**
   * Starts the engine Lightdock manages: the simulated one (persisted, so every process sees it) or the Docker service
   * in the WSL distro (then waits for its first ping). Pushes starting, then running or error; idempotent when running.
   */
  startEngine(): Promise<EngineLifecycle> {
    return this.switchPower('start');
  }

  /** Stops the engine Lightdock manages; pushes stopping, then stopped or error; idempotent when stopped. */
  stopEngine(): Promise<EngineLifecycle> {
    return this.switchPower('stop');
  }

  /** Runs one start or stop, if Lightdock may manage the engine and no other one runs; frees the slot after. */
  private async switchPower(verb: 'start' | 'stop'): Promise<EngineLifecycle> {
    const engine = await this.manageableEngine(verb);
    try {
      return await this.power(engine, verb);
    } finally {
      this.busy = null;
    }
  }

  /** The engine to start or stop, refused in one sentence when Lightdock cannot manage it or is already doing so. */
  private async manageableEngine(verb: 'start' | 'stop'): Promise<ContainerEngine> {
    const engine = await this.options.connection.selection.selected();
    const manage = manageabilityOf({ kind: engine.kind, endpoint: engine.endpoint, context: engine.context }, this.options.engineHost !== undefined);
    if (!manage.manageable) throw new ServiceError('CONFLICT', manage.reason ?? `Lightdock cannot ${verb} this engine.`);
    if (this.busy !== null) throw new ServiceError('CONFLICT', `The Docker engine is already ${this.busy}; wait until it finishes.`);
    this.busy = verb === 'start' ? 'starting' : 'stopping';
    return engine;
  }

  private async power(engine: ContainerEngine, verb: 'start' | 'stop'): Promise<EngineLifecycle> {
    const on = verb === 'start';
    if ((await this.lifecycle()).state === (on ? 'running' : 'stopped')) return this.push(engine, null);
    const { selection } = this.options.connection;
    await this.runTransition(engine, on ? 'starting' : 'stopping', async () => {
      if (selection.isSimulated(engine)) {
        await wait(this.options.simulatedTransitionMs ?? SIMULATED_TRANSITION_MS);
        selection.setSimulatedRunning(on);
      } else if (on) {
        await this.options.engineHost?.start();
        await this.waitForPing(engine);
      } else {
        await this.options.engineHost?.stop();
      }
    });
    this.options.connection.reconnectIfWatching();
    return this.lifecycle();
  }

  private async runTransition(engine: ContainerEngine, transition: 'starting' | 'stopping', work: () => Promise<void>): Promise<void> {
    this.transition = transition;
    this.failure = null;
    this.push(engine, null);
    try {
      await work();
    } catch (error) {
      this.failure = reachMessage(error);
      this.transition = null;
      this.push(engine, null);
      throw error;
    }
    // The status ping that follows publishes the outcome (running or stopped) without a stale step between.
    this.transition = null;
  }

  private async waitForPing(engine: ContainerEngine): Promise<void> {
    const deadline = Date.now() + START_WAIT_MS;
    for (;;) {
      try {
        await engine.ping(STATUS_PING_MS);
        return;
      } catch (error) {
        if (Date.now() >= deadline || this.options.connection.isDisposed()) {
          throw new ServiceError('TIMEOUT', `The Docker service started but the engine at ${engine.endpoint} did not answer within ${START_WAIT_MS / 1000} s.`, {
            cause: reachMessage(error),
          });
        }
        await wait(START_POLL_MS);
      }
    }
  }
}
