import type { ContainerAction, ContainerDetail, ContainerStats, ContainerSummary, LogLine } from '../../../shared/model/container';
import type { EngineKind, ImageSummary, NetworkSummary, PruneResult, VolumeSummary } from '../../../shared/model/engine';
import type { ImageDetail } from '../../../shared/model/image-detail';
import type { RunSpec } from '../../../shared/model/run-container';

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

/** Credentials for one registry, as the Engine API's X-Registry-Auth carries them; never stored by Lightdock. */
export interface RegistryAuth {
  serveraddress: string;
  username?: string;
  password?: string;
  identitytoken?: string;
}

/** One message of the engine's JSON progress stream (pull, push, build), already parsed; every field is untrusted. */
export interface ProgressMessage {
  id?: string;
  status?: string;
  progress?: string;
  progressDetail?: { current?: number; total?: number };
  /** A build's output. */
  stream?: string;
  error?: string;
  errorDetail?: { message?: string };
  /** A build's image id (`{"ID": "sha256:…"}`) or a push's digest. */
  aux?: { ID?: string; Digest?: string; Tag?: string };
}

/** What a build sends besides its context. */
export interface BuildOptions {
  dockerfile: string;
  tag: string | null;
  buildArgs: Record<string, string>;
  noCache: boolean;
  pull: boolean;
}

/** The engine's setup a run preview needs. */
export interface EngineFacts {
  cgroupVersion: 1 | 2 | null;
  usernsRemap: boolean;
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
  /** The cgroup version and user-namespace remapping, for a run's isolation preview. */
  engineFacts(): Promise<EngineFacts>;
  /** `docker create` from a validated spec (volumes created when missing); CONFLICT for a name in use, NOT_FOUND for a missing image. */
  createContainer(spec: RunSpec): Promise<{ id: string; warnings: string[] }>;
  /** An image in full with its history and the containers made from it. */
  inspectImage(ref: string): Promise<ImageDetail>;
  /** `docker tag source target`. */
  tagImage(source: string, target: string): Promise<void>;
  /** Pulls, calling `onMessage` per progress message; rejects with the stream's error; `signal` aborts it. */
  pullImage(reference: string, auth: RegistryAuth | null, onMessage: (message: ProgressMessage) => void, signal: AbortSignal): Promise<void>;
  /** Pushes, as pullImage. */
  pushImage(reference: string, auth: RegistryAuth | null, onMessage: (message: ProgressMessage) => void, signal: AbortSignal): Promise<void>;
  /** Builds from a tar of the context, as pullImage; `auths` serve the FROM pulls. */
  buildImage(
    context: NodeJS.ReadableStream,
    options: BuildOptions,
    auths: RegistryAuth[],
    onMessage: (message: ProgressMessage) => void,
    signal: AbortSignal,
  ): Promise<void>;
  /** A tar stream of a path inside the container (`GET /containers/{id}/archive`); NOT_FOUND for a missing path. */
  getArchive(ref: string, path: string, signal: AbortSignal): Promise<NodeJS.ReadableStream>;
  /** Extracts a tar into a folder of the container (`PUT /containers/{id}/archive`). */
  putArchive(ref: string, folder: string, tar: NodeJS.ReadableStream, signal: AbortSignal): Promise<void>;
}
