import { ServiceError } from '../errors';
import type { Clock, Logger } from '../ports';
import type { EngineSetting } from '../settings/settings';
import type { JsonStateFile } from '../storage/json-state-file';
import type { ContainerEngine } from './container-engine';
import { DockerodeEngine } from './dockerode/dockerode-engine';
import { openSimulatedPower, type SimulatedPower } from './engine-lifecycle';
import { DEFAULT_CONTEXT } from './endpoint/docker-config';
import { resolveEndpoint, type DockerEndpoint, type EndpointEnvironment } from './endpoint/resolve-endpoint';
import { ENGINE_ENV } from './select-engine';
import { SimulatedEngine } from './simulated/simulated-engine';

/** Deadline of the ping that decides, in `auto` mode, whether a real engine is there. */
export const AUTO_PING_MS = 1_500;

/** Where the engine is looked for and how: the setting, the environment, the folders, the clock and the log. */
export interface EngineSurroundings {
  /** The engine setting the factory read (`auto`, `docker` or `simulated`). */
  kind: EngineSetting;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  homeDir: string;
  dataDir: string;
  clock: Clock;
  logger: Logger;
}

/** What the selection is built from. */
export interface EngineSelectionOptions extends EngineSurroundings {
  /** The connection's session now: an engine chosen for an older one is closed and refused. */
  session(): number;
  /** True once the connection is disposed: nothing is chosen any more. */
  disposed(): boolean;
}

/**
 * Which engine is in use: chosen lazily on first use from the setting (`auto` = the real engine at the resolved
 * endpoint if it answers a ping, else the simulated one), built once and kept until dropped; plus the simulated
 * engine's persisted power switch. Building a real engine for an endpoint happens here and only here.
 */
export class EngineSelection {
  private engine: ContainerEngine | null = null;
  private selecting: Promise<ContainerEngine> | null = null;
  private simulated: SimulatedEngine | null = null;
  private preferDocker = false;
  private power: JsonStateFile<SimulatedPower> | null = null;

  constructor(private readonly options: EngineSelectionOptions) {}

  /** The setting this selection was built with. */
  get kind(): EngineSetting {
    return this.options.kind;
  }

  /** True once a real engine was asked for (a Docker context chosen) or found (the `auto` probe); `auto` then stays with it. */
  get prefersDocker(): boolean {
    return this.preferDocker;
  }

  /** Where endpoints and Docker contexts are resolved from. */
  where(): EndpointEnvironment {
    return { env: this.options.env, platform: this.options.platform, homeDir: this.options.homeDir };
  }

  /** The engine chosen and created on first call (never before: constructing the selection connects nothing). */
  selected(): Promise<ContainerEngine> {
    if (this.options.disposed()) return Promise.reject(new ServiceError('UNAVAILABLE', 'The engine service has been shut down.'));
    if (this.engine !== null) return Promise.resolve(this.engine);
    if (this.selecting === null) {
      const session = this.options.session();
      const selecting = this.select().then((engine) => {
        if (session !== this.options.session() || this.options.disposed()) {
          if (engine !== this.simulated) engine.close();
          throw new ServiceError('UNAVAILABLE', 'The engine changed while connecting; try again.');
        }
        this.engine = engine;
        return engine;
      });
      this.selecting = selecting;
      const clear = (): void => {
        if (this.selecting === selecting) this.selecting = null;
      };
      selecting.then(clear, clear);
    }
    return this.selecting;
  }

  /** The engine chosen so far, or null before the first use or after `drop()`. */
  engineNow(): ContainerEngine | null {
    return this.engine;
  }

  /** True for the simulated engine (whose power switch Lightdock holds). */
  isSimulated(engine: ContainerEngine | null): boolean {
    return engine !== null && engine === this.simulated;
  }

  /** Whether the simulated engine runs (persisted, so every process agrees). */
  simulatedRunning(): boolean {
    return this.simulatedPower().read().running;
  }

  /** Turns the simulated engine on or off for every process. */
  setSimulatedRunning(running: boolean): void {
    this.simulatedPower().write({ running });
  }

  /** Calls `listener` when any process switches the simulated engine on or off; answers the unsubscribe. */
  watchSimulatedPower(listener: () => void): () => void {
    return this.simulatedPower().watch(listener);
  }

  private simulatedPower(): JsonStateFile<SimulatedPower> {
    this.power ??= openSimulatedPower(this.options.dataDir, this.options.clock, this.options.logger);
    return this.power;
  }

  /**
   * A real engine at `endpoint`, by default the one resolved now (DOCKER_HOST, then the current Docker context, then
   * the platform's socket); the caller owns it and closes it.
   */
  dockerEngine(endpoint: DockerEndpoint = resolveEndpoint(this.where())): DockerodeEngine {
    return new DockerodeEngine({ endpoint, env: this.options.env, platform: this.options.platform, logger: this.options.logger });
  }

  /**
   * Where one named context's engine is, as `docker --context <name>` reaches it: `default` is DOCKER_HOST (with its
   * TLS variables) when set, as `docker context ls` shows it, else the platform's socket. NOT_FOUND for an unknown name.
   */
  contextEndpoint(name: string): DockerEndpoint {
    const dockerHost = this.options.env['DOCKER_HOST'];
    if (name === DEFAULT_CONTEXT && dockerHost !== undefined && dockerHost !== '') return resolveEndpoint(this.where());
    return resolveEndpoint(this.where(), name);
  }

  /** The endpoint a real engine would be built for now, for a status line when building it failed (bad TLS files); null when it cannot be resolved. */
  endpointNow(): string | null {
    try {
      return resolveEndpoint(this.where()).host;
    } catch {
      return null;
    }
  }

  /** Forgets the engine in use (closing a real one) so the next use chooses again, preferring Docker from now on. */
  dropForDocker(): void {
    this.preferDocker = true;
    if (this.engine !== null && this.engine !== this.simulated) this.engine.close();
    this.engine = null;
    this.selecting = null;
  }

  /** Closes every engine built; nothing is chosen afterwards. */
  close(): void {
    this.engine?.close();
    if (this.simulated !== null && this.simulated !== this.engine) this.simulated.close();
    this.engine = null;
  }

  private simulatedEngine(): SimulatedEngine {
    this.simulated ??= new SimulatedEngine({ dataDir: this.options.dataDir, clock: this.options.clock, logger: this.options.logger });
    return this.simulated;
  }

  private async select(): Promise<ContainerEngine> {
    if (this.options.kind === 'simulated') return this.simulatedEngine();
    const wantDocker = this.options.kind === 'docker' || this.preferDocker;
    let engine: DockerodeEngine;
    try {
      engine = this.dockerEngine();
    } catch (error) {
      if (wantDocker) throw error;
      this.options.logger.warn('No usable Docker endpoint; using the simulated engine', error);
      return this.simulatedEngine();
    }
    if (wantDocker) return engine;
    try {
      await engine.ping(AUTO_PING_MS);
      return engine;
    } catch {
      engine.close();
      this.options.logger.info(`No Docker engine answered at ${engine.endpoint}; using the simulated engine (set ${ENGINE_ENV}=docker to insist).`);
      return this.simulatedEngine();
    }
  }
}
