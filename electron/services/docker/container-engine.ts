import type { ContainerAction, ContainerDetail, ContainerStats, ContainerSummary, LogLine } from '../../../shared/model/container';
import type { EngineKind, ImageSummary, NetworkSummary, PruneResult, VolumeSummary } from '../../../shared/model/engine';

/** What a ping learns of the engine. */
export interface EngineIdentity {
  serverVersion: string | null;
  apiVersion: string | null;
  os: string | null;
}

/** One engine event (`docker events`), reduced to what the service reacts to. */
export interface EngineEvent {
  type: string;
  action: string;
  id: string;
  /** Seconds since the epoch (the engine's `time`). */
  time: number;
}

/** One running container's memory: its cgroup's use without the inactive file cache, and its `--memory` limit (null when unlimited). */
export interface ContainerMemoryUse {
  id: string;
  name: string;
  bytes: number;
  limitBytes: number | null;
}

/** A running stream that can be stopped; stopping twice is harmless. */
export interface StreamHandle {
  stop(): void;
}

/** A running interactive exec. */
export interface ExecHandle {
  write(data: string): void;
  resize(cols: number, rows: number): Promise<void>;
  close(): void;
  /** Stops reading the command's output until `resume()` (backpressure); engines that cannot, omit both. */
  pause?(): void;
  resume?(): void;
}

/**
 * The port both engines implement: a real Docker engine through dockerode, or the simulated host's.
 * References are validated ids or names; failures are `ServiceError`s (NOT_FOUND for an unknown
 * container, UNAVAILABLE when the engine does not answer, CONFLICT for a refused state change).
 */
export interface ContainerEngine {
  readonly kind: EngineKind;
  /** Where the engine is (`unix:///var/run/docker.sock`, `npipe:////./pipe/…`, `simulated://`) and the context used. */
  readonly endpoint: string;
  readonly context: string | null;
  /** Answers within the timeout or throws UNAVAILABLE. */
  ping(timeoutMs: number): Promise<EngineIdentity>;
  listContainers(): Promise<ContainerSummary[]>;
  inspectContainer(ref: string): Promise<ContainerDetail>;
  act(ref: string, action: ContainerAction, options: { force?: boolean; removeVolumes?: boolean }): Promise<void>;
  /** One sample with a previous sample included, as `docker stats --no-stream`. */
  statsOnce(ref: string): Promise<ContainerStats>;
  listImages(): Promise<ImageSummary[]>;
  removeImage(ref: string, force: boolean): Promise<void>;
  pruneImages(): Promise<PruneResult>;
  listVolumes(): Promise<VolumeSummary[]>;
  removeVolume(name: string, force: boolean): Promise<void>;
  pruneVolumes(): Promise<PruneResult>;
  listNetworks(): Promise<NetworkSummary[]>;
  /** Streams engine events from `sinceSeconds` (if given); `onEnd` fires once when the stream ends or fails. */
  events(sinceSeconds: number | null, onEvent: (event: EngineEvent) => void, onEnd: (error?: Error) => void): StreamHandle;
  /** Streams stats samples (the first, without a previous sample, is dropped). */
  streamStats(ref: string, onSample: (sample: ContainerStats) => void, onEnd: (error?: Error) => void): StreamHandle;
  /** Follows logs: demultiplexed for non-TTY containers, raw for TTY ones, split into whole lines. */
  followLogs(
    ref: string,
    options: { tail: number; timestamps: boolean },
    onLines: (lines: LogLine[]) => void,
    onEnd: (error?: Error) => void,
  ): Promise<StreamHandle & { tty: boolean }>;
  /** An interactive TTY exec (a shell by default: bash, else sh). */
  openExec(
    ref: string,
    options: { cols: number; rows: number; command?: string[] },
    onOutput: (data: string) => void,
    onExit: (exitCode: number | null) => void,
  ): Promise<ExecHandle>;
  /** Releases sockets and streams. */
  close(): void;
  /**
   * Memory of every running container, cheap enough to call every second: cgroup files where the engine is on
   * this machine, else one-shot stats at bounded concurrency. Engines without it are sampled through `statsOnce`.
   */
  memoryUse?(): Promise<ContainerMemoryUse[]>;
}
