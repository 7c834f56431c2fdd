import path from 'node:path';
import type { ContainerAction, ContainerDetail, ContainerStats, ContainerSummary, LogLine, PortBinding } from '../../../../shared/model/container';
import type { ImageSummary, NetworkSummary, PruneResult, VolumeSummary } from '../../../../shared/model/engine';
import { ServiceError } from '../../errors';
import type { Clock, Logger } from '../../ports';
import { JsonStateFile } from '../../storage/json-state-file';
import type { ImageDetail } from '../../../../shared/model/image-detail';
import type { RunSpec } from '../../../../shared/model/run-container';
import type {
  BuildOptions,
  ContainerEngine,
  ContainerMemoryUse,
  EngineEvent,
  EngineFacts,
  EngineIdentity,
  ExecHandle,
  ProgressMessage,
  RegistryAuth,
  StreamHandle,
} from '../container-engine';
import type { SimulatedAccess } from './simulated-access';
import { getSimulatedArchive, putSimulatedArchive } from './simulated-archive';
import { buildSimulatedImage, inspectSimulatedImage, tagSimulatedImage, transferSimulatedImage } from './simulated-images';
import { createSimulatedContainer } from './simulated-run';
import { applyAction, findContainer, requireContainer, withEvents } from './container-rules';
import { SimulatedEngineState, type SimulatedContainer, type SimulatedNetworkMode } from './engine-state';
import { seedEngineState, simulatedId } from './seed-engine';
import { shellContextFor } from './shell-context';
import { linesBetween, tailLines, toLogLine, type TimedLine } from './simulated-logs';
import { toDetail, toSummary } from './simulated-model';
import { imageRows, networkRows, pruneImages, pruneVolumes, removeImage, removeVolume, volumeRows } from './simulated-resources';
import { SimulatedShell, runCommand } from './simulated-shell';
import { sampleStats } from './simulated-stats';

/** File name of the simulated engine's state inside the data directory. */
export const SIMULATED_ENGINE_FILE = 'simulated-engine.json';

/** A container to create in the simulated engine (the same fields the engine contract suite asks for). */
export interface SimulatedContainerSpec {
  /** Unique container name. */
  name: string;
  labels?: Record<string, string>;
  /** Lines printed to stdout once at start, in order. */
  logLines?: string[];
  /** Then `tick-<n>` (n = 1, 2, …) every 200 ms for as long as it runs. */
  ticking?: boolean;
  /** `--memory` in bytes. */
  memory?: number;
  /** `--cpus` as nano CPUs (1.5 CPUs = 1_500_000_000). */
  nanoCpus?: number;
  /** `--pids-limit`. */
  pidsLimit?: number;
  /** `--pid host`. */
  pidHost?: boolean;
  /** `--network none`. */
  networkNone?: boolean;
  /** `--network container:<shareNetWith>` (a name or id of a running container). */
  shareNetWith?: string;
  /** `-p 127.0.0.1:<hostPort>:<containerPort>/tcp`; without hostPort the engine picks a free port. */
  publish?: { containerPort: number; hostPort?: number };
  /** `--tty`. */
  tty?: boolean;
  /** Start it after creating it (default true); false leaves it in the `created` state. */
  start?: boolean;
  /** Defaults to `busybox:1.36`, which the seed provides. */
  image?: string;
}

const FOLLOW_POLL_MS = 250;
const STATS_INTERVAL_MS = 1000;
const SHELLS = new Set(['sh', 'bash', 'ash', '/bin/sh', '/bin/bash', '/bin/ash']);
const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

const isUp = (c: SimulatedContainer): boolean => c.state === 'running' || c.state === 'paused';

/**
 * The container engine inside the simulated VM: the same port and model as a real Docker engine, persisted in
 * `<dataDir>/simulated-engine.json` so every process (desktop, browser host, CLI) sees and changes the same
 * containers, with Docker's lifecycle rules and errors, clock-driven status, stats and logs, a tiny exec shell,
 * and events for changes made by this process or any other.
 */
export class SimulatedEngine implements ContainerEngine {
  readonly kind = 'simulated' as const;
  readonly endpoint = 'simulated://lightdock';
  readonly context = null;
  private readonly file: JsonStateFile<SimulatedEngineState>;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly pullers = new Set<() => void>();
  private readonly shells = new Set<SimulatedShell>();
  private stopWatching: (() => void) | null = null;

  constructor(options: { dataDir: string; clock: Clock; logger: Logger }) {
    this.clock = options.clock;
    this.logger = options.logger;
    this.file = new JsonStateFile(
      path.join(options.dataDir, SIMULATED_ENGINE_FILE),
      SimulatedEngineState,
      () => seedEngineState(options.clock.now()),
      options.clock,
      options.logger,
    );
  }

  async ping(): Promise<EngineIdentity> {
    this.file.view();
    return { serverVersion: '27.3.1', apiVersion: '1.47', os: 'linux' };
  }

  async listContainers(): Promise<ContainerSummary[]> {
    const state = this.file.view();
    const now = this.clock.now();
    return [...state.containers].sort((a, b) => b.created - a.created).map((c) => toSummary(state, c, now));
  }

  async inspectContainer(ref: string): Promise<ContainerDetail> {
    const state = this.file.view();
    return toDetail(state, requireContainer(state, ref), this.clock.now());
  }

  async act(ref: string, action: ContainerAction, options: { force?: boolean; removeVolumes?: boolean }): Promise<void> {
    this.mutate((state) => applyAction(state, ref, action, options, this.clock.now()));
  }

  async statsOnce(ref: string): Promise<ContainerStats> {
    return sampleStats(requireContainer(this.file.view(), ref), this.clock.now());
  }

  /** Every running or paused container's modelled memory (sampleStats at the clock's now) and its `--memory` limit. */
  async memoryUse(): Promise<ContainerMemoryUse[]> {
    const state = this.file.view();
    const now = this.clock.now();
    return state.containers.filter(isUp).map((c) => ({ id: c.id, name: c.name, bytes: sampleStats(c, now).memoryUsedBytes, limitBytes: c.memory }));
  }

  async listImages(): Promise<ImageSummary[]> {
    return imageRows(this.file.view());
  }

  async removeImage(ref: string, force: boolean): Promise<void> {
    this.mutate((state) => removeImage(state, ref, force, this.clock.now()));
  }

  async pruneImages(): Promise<PruneResult> {
    let result: PruneResult = { deleted: [], reclaimedBytes: 0 };
    this.mutate((state) => {
      const pruned = pruneImages(state, this.clock.now());
      result = pruned.result;
      return pruned.state;
    });
    return result;
  }

  async listVolumes(): Promise<VolumeSummary[]> {
    return volumeRows(this.file.view());
  }

  async removeVolume(name: string, force: boolean): Promise<void> {
    this.mutate((state) => removeVolume(state, name, force, this.clock.now()));
  }

  async pruneVolumes(): Promise<PruneResult> {
    let result: PruneResult = { deleted: [], reclaimedBytes: 0 };
    this.mutate((state) => {
      const pruned = pruneVolumes(state, this.clock.now());
      result = pruned.result;
      return pruned.state;
    });
    return result;
  }

  async listNetworks(): Promise<NetworkSummary[]> {
    return networkRows(this.file.view());
  }

  /** Replays stored events from `sinceSeconds`, then delivers every new one, whichever process made it. */
  events(sinceSeconds: number | null, onEvent: (event: EngineEvent) => void, _onEnd: (error?: Error) => void): StreamHandle {
    const initial = this.file.view();
    let lastSeq = sinceSeconds === null ? initial.nextSeq - 1 : Math.min(...initial.events.filter((e) => e.time >= sinceSeconds).map((e) => e.seq), initial.nextSeq) - 1;
    const pull = (): void => {
      const state = this.file.view();
      if (state.nextSeq - 1 < lastSeq) lastSeq = state.nextSeq - 1;
      for (const event of state.events) {
        if (event.seq <= lastSeq) continue;
        lastSeq = event.seq;
        onEvent({ type: event.type, action: event.action, id: event.id, time: event.time });
      }
    };
    this.pullers.add(pull);
    this.watchFile();
    if (sinceSeconds !== null) this.later(pull, 0);
    return {
      stop: () => {
        this.pullers.delete(pull);
        if (this.pullers.size === 0) this.unwatchFile();
      },
    };
  }

  streamStats(ref: string, onSample: (sample: ContainerStats) => void, onEnd: (error?: Error) => void): StreamHandle {
    let id: string;
    try {
      id = requireContainer(this.file.view(), ref).id;
    } catch (error) {
      this.later(() => onEnd(error as Error), 0);
      return { stop: () => undefined };
    }
    const timer = this.every(STATS_INTERVAL_MS, () => {
      const container = findContainer(this.file.view(), id);
      if (!container) {
        this.clear(timer);
        onEnd();
        return;
      }
      onSample(sampleStats(container, this.clock.now()));
    });
    return { stop: () => this.clear(timer) };
  }

  async followLogs(
    ref: string,
    options: { tail: number; timestamps: boolean },
    onLines: (lines: LogLine[]) => void,
    onEnd: (error?: Error) => void,
  ): Promise<StreamHandle & { tty: boolean }> {
    const container = requireContainer(this.file.view(), ref);
    const toModel = (c: SimulatedContainer, lines: TimedLine[]): LogLine[] => lines.map((l) => toLogLine(c, l, options.timestamps));
    let last = this.clock.now();
    const initial = toModel(container, tailLines(container, options.tail, last));
    let deliveredAtLast = linesBetween(container, last - 1, last).length;
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    const stop = (): void => {
      stopped = true;
      if (timer) this.clear(timer);
    };
    const finish = (): void => {
      stop();
      onEnd();
    };
    const poll = (): void => {
      const now = this.clock.now();
      const current = findContainer(this.file.view(), container.id);
      if (!current) return finish();
      const fresh = linesBetween(current, last - 1, now);
      const unseen = fresh.filter((line, i) => !(line.time === last && i < deliveredAtLast));
      deliveredAtLast = fresh.filter((line) => line.time === now).length;
      last = now;
      if (unseen.length > 0) onLines(toModel(current, unseen));
      if (!isUp(current)) finish();
    };
    this.later(() => {
      if (stopped) return;
      if (initial.length > 0) onLines(initial);
      if (!isUp(container)) return finish();
      timer = this.every(FOLLOW_POLL_MS, poll);
    }, 0);
    return { tty: container.tty, stop };
  }

  async openExec(
    ref: string,
    options: { cols: number; rows: number; command?: string[] },
    onOutput: (data: string) => void,
    onExit: (exitCode: number | null) => void,
  ): Promise<ExecHandle> {
    const state = this.file.read();
    const container = requireContainer(state, ref);
    if (container.state === 'paused') throw new ServiceError('CONFLICT', `Container ${container.id} is paused, unpause the container before exec`);
    if (container.state !== 'running') throw new ServiceError('CONFLICT', `Container ${container.id} is not running`);
    const context = shellContextFor(state, container);
    const command = options.command ?? ['sh'];
    const [program, ...args] = command;
    const interactive = program === undefined || (SHELLS.has(program) && args.length === 0);
    if (!interactive) {
      const line = SHELLS.has(program ?? '') && args[0] === '-c' ? (args[1] ?? '') : command.join(' ');
      const outcome = runCommand(context, line);
      this.later(() => {
        onOutput(outcome.lines.map((l) => `${l}\r\n`).join(''));
        onExit(outcome.exit ?? outcome.status);
      }, 0);
      return { write: () => undefined, resize: async () => undefined, close: () => undefined };
    }
    const shell = new SimulatedShell(context, onOutput, (code) => {
      this.shells.delete(shell);
      onExit(code);
    });
    this.shells.add(shell);
    this.later(() => shell.start(), 0);
    return {
      write: (data) => shell.write(data),
      resize: async () => undefined,
      close: () => shell.terminate(null),
    };
  }

  /**
   * Creates (and by default starts) a busybox container from a spec, with Docker's checks: unique name,
   * no published ports without a network of its own, a running container to share a network namespace with.
   * For tests and scenarios; returns the full id.
   */
  createForTest(spec: SimulatedContainerSpec): string {
    if (!NAME.test(spec.name)) throw new ServiceError('VALIDATION', `Invalid container name (${spec.name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    let id = '';
    this.mutate((state) => {
      const now = this.clock.now();
      const clash = state.containers.find((c) => c.name === spec.name);
      if (clash) {
        throw new ServiceError(
          'CONFLICT',
          `Conflict. The container name "/${spec.name}" is already in use by container "${clash.id}". You have to remove (or rename) that container to be able to reuse that name.`,
        );
      }
      const imageRef = spec.image ?? 'busybox:1.36';
      const image = state.images.find((i) => i.tags.includes(imageRef) || i.id === imageRef);
      if (!image) throw new ServiceError('NOT_FOUND', `No such image: ${imageRef}`);
      const network = this.networkFor(state, spec);
      if (spec.publish && network.mode !== 'attached') {
        throw new ServiceError('VALIDATION', 'conflicting options: port publishing and the container type network mode');
      }
      id = simulatedId('container', `${spec.name}:${now}:${state.nextSeq}`);
      const ports: PortBinding[] = spec.publish
        ? [{ privatePort: spec.publish.containerPort, publicPort: spec.publish.hostPort ?? freePort(state), ip: '127.0.0.1', type: 'tcp' }]
        : [];
      const container: SimulatedContainer = {
        id,
        name: spec.name,
        image: imageRef,
        imageId: image.id,
        command: `sh -c 'trap "exit 0" TERM; printf ...; while :; do sleep 1; done'`,
        program: spec.ticking === true ? 'ticker' : 'lines',
        startLines: spec.logLines ?? [],
        created: now,
        labels: spec.labels ?? {},
        state: 'created',
        exitCode: 0,
        restartCount: 0,
        tty: spec.tty ?? false,
        pidHost: spec.pidHost ?? false,
        network,
        ports,
        mounts: [],
        memory: spec.memory ?? null,
        nanoCpus: spec.nanoCpus ?? null,
        pidsLimit: spec.pidsLimit ?? null,
        runs: [],
      };
      const created = withEvents({ ...state, containers: [...state.containers, container] }, now, [{ type: 'container', action: 'create', id }]);
      return spec.start === false ? created : applyAction(created, id, 'start', {}, now);
    });
    return id;
  }

  /** The simulated VM runs cgroup v2 without user-namespace remapping. */
  async engineFacts(): Promise<EngineFacts> {
    return { cgroupVersion: 2, usernsRemap: false };
  }

  createContainer(spec: RunSpec): Promise<{ id: string; warnings: string[] }> {
    return createSimulatedContainer(this.access(), spec);
  }

  inspectImage(ref: string): Promise<ImageDetail> {
    return inspectSimulatedImage(this.access(), ref);
  }

  tagImage(source: string, target: string): Promise<void> {
    return tagSimulatedImage(this.access(), source, target);
  }

  pullImage(reference: string, _auth: RegistryAuth | null, onMessage: (message: ProgressMessage) => void, signal: AbortSignal): Promise<void> {
    return transferSimulatedImage(this.access(), 'pull', reference, onMessage, signal);
  }

  pushImage(reference: string, _auth: RegistryAuth | null, onMessage: (message: ProgressMessage) => void, signal: AbortSignal): Promise<void> {
    return transferSimulatedImage(this.access(), 'push', reference, onMessage, signal);
  }

  buildImage(
    context: NodeJS.ReadableStream,
    options: BuildOptions,
    _auths: RegistryAuth[],
    onMessage: (message: ProgressMessage) => void,
    signal: AbortSignal,
  ): Promise<void> {
    return buildSimulatedImage(this.access(), context, options, onMessage, signal);
  }

  getArchive(ref: string, path: string, signal: AbortSignal): Promise<NodeJS.ReadableStream> {
    return getSimulatedArchive(this.access(), ref, path, signal);
  }

  putArchive(ref: string, folder: string, tar: NodeJS.ReadableStream, signal: AbortSignal): Promise<void> {
    return putSimulatedArchive(this.access(), ref, folder, tar, signal);
  }

  /** What the feature modules (run, images, archive) get of this engine. */
  private access(): SimulatedAccess {
    return {
      read: () => this.file.read(),
      mutate: (change) => this.mutate(change),
      clock: this.clock,
      logger: this.logger,
      later: (task, ms) => this.later(task, ms),
    };
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const shell of this.shells) shell.terminate(null);
    this.pullers.clear();
    this.unwatchFile();
  }

  private networkFor(state: SimulatedEngineState, spec: SimulatedContainerSpec): SimulatedNetworkMode {
    if (spec.networkNone) return { mode: 'none' };
    if (spec.shareNetWith !== undefined) return { mode: 'container', container: requireContainer(state, spec.shareNetWith).id };
    const used = new Set(state.containers.flatMap((c) => (c.network.mode === 'attached' ? c.network.attachments.map((a) => a.ip) : [])));
    let host = 2;
    while (used.has(`172.17.${Math.floor(host / 256)}.${host % 256}`)) host++;
    return { mode: 'attached', attachments: [{ network: 'bridge', ip: `172.17.${Math.floor(host / 256)}.${host % 256}` }] };
  }

  private mutate(change: (state: SimulatedEngineState) => SimulatedEngineState): void {
    this.file.update(change);
    this.deliverEvents();
  }

  private deliverEvents(): void {
    for (const pull of [...this.pullers]) {
      try {
        pull();
      } catch (error) {
        this.logger.warn('A simulated engine event listener failed', error);
      }
    }
  }

  private watchFile(): void {
    this.stopWatching ??= this.file.watch(() => this.deliverEvents());
  }

  private unwatchFile(): void {
    this.stopWatching?.();
    this.stopWatching = null;
  }

  private later(task: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      task();
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }

  private every(ms: number, task: () => void): NodeJS.Timeout {
    const timer = setInterval(task, ms);
    timer.unref();
    this.timers.add(timer);
    return timer;
  }

  private clear(timer: NodeJS.Timeout): void {
    clearInterval(timer);
    this.timers.delete(timer);
  }
}

/** The first host port from Docker's ephemeral range that no container publishes. */
function freePort(state: SimulatedEngineState): number {
  const used = new Set(state.containers.flatMap((c) => c.ports.map((p) => p.publicPort)));
  let port = 32768;
  while (used.has(port)) port++;
  return port;
}
