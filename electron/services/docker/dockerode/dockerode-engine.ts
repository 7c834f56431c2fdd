import fs from 'node:fs';
import type Docker from 'dockerode';
import type { ContainerAction, ContainerDetail, ContainerStats, ContainerSummary, LogLine } from '../../../../shared/model/container';
import type { ImageSummary, NetworkSummary, PruneResult, VolumeSummary } from '../../../../shared/model/engine';
import { ServiceError } from '../../errors';
import type { Logger } from '../../ports';
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
import { getArchive, putArchive } from './dockerode-archive';
import { buildImage, inspectImage, pullImage, pushImage, tagImage } from './dockerode-images';
import { createContainer } from './dockerode-run';
import { dockerodeOptions } from '../endpoint/dockerode-options';
import { SshDialAgent } from '../endpoint/ssh-dial-agent';
import { SSH_CONNECT_TIMEOUT_S } from '../endpoint/ssh-command';
import type { DockerEndpoint } from '../endpoint/resolve-endpoint';
import { LineSplitter } from '../line-splitter';
import { computeStats, type DockerStatsJson } from '../stats-math';
import { followLogs, openExec, streamStats } from './dockerode-streams';
import { containerSegment, engineIdSegment, imageSegment, volumeSegment } from './engine-paths';
import { readCgroupInactiveFileBytes, readCgroupUsageBytes, usedWithoutInactive } from './cgroup-memory';
import { localCgroupVersion, readLocalProcess } from './local-proc';
import { containerName, mapContainerDetail, mapContainerSummary, type HostFacts, type RawContainerInspect, type RawContainerListItem } from './map-container';
import { mapEngineError } from './map-engine-error';
import { unavailableMessage } from './unreachable-message';
import { newDockerode } from './new-dockerode';
import { refuseEngineRedirects } from './refuse-redirects';
import { mapImage, mapImagePrune, mapNetwork, mapVolume, mapVolumePrune, type RawImage, type RawNetwork, type RawVolume } from './map-resources';

/** Deadline of list, inspect and other quick calls. */
const QUICK_MS = 15_000;
/** Deadline of state changes: stop and restart wait for the container's own stop timeout (10 s by default). */
const ACTION_MS = 120_000;
/** Deadline of a stats sample with its previous sample (the engine waits two collection cycles). */
const STATS_MS = 30_000;
/** Deadline of prunes, which walk every image or volume. */
const PRUNE_MS = 120_000;

/**
 * How long what memoryUse learned of a running container by inspecting it (limit, cgroup path) is trusted: a
 * container that stops is forgotten at once (it leaves the list, or its cgroup vanishes), so only a `docker update`
 * of a running container's limit waits this long to show.
 */
const MEMORY_FACTS_MS = 300_000;
/** Containers memoryUse inspects or samples at once. */
const MEMORY_CONCURRENCY = 4;
/** How long memoryUse reuses its list of running containers while it reads their cgroup files on this machine. */
const MEMORY_RELIST_MS = 5_000;
/** Containers memoryUse reads at most (the rest are left out). */
const MEMORY_MAX_CONTAINERS = 1000;

/** How long a container's inactive file cache (a memory.stat line, a few kilobytes to read) is reused; the charge is read every time. */
const INACTIVE_FILE_MS = 5_000;

/** What memoryUse keeps of one running container between calls. */
interface MemoryFacts {
  limitBytes: number | null;
  cgroupPath: string | null;
  at: number;
  /** The last inactive file cache read from memory.stat, and when. */
  inactive: { bytes: number | null; at: number } | null;
}

/** The engine's cgroup and security setup from `docker info`. */

interface EngineSetup {
  cgroupVersion: 1 | 2 | null;
  cgroupDriver: string | null;
  usernsRemap: boolean;
}

/** `version` and `info` with the options object dockerode accepts but its types omit. */
interface SignalledSystemCalls {
  version(options: { abortSignal: AbortSignal }): Promise<{ Version?: string; ApiVersion?: string; Os?: string }>;
  info(options: { abortSignal: AbortSignal }): Promise<{ CgroupVersion?: string; CgroupDriver?: string; SecurityOptions?: string[] | null }>;
}

/** What the dockerode engine needs: where the engine is, the environment docker-modem would read, and the platform. */
export interface DockerodeEngineOptions {
  endpoint: DockerEndpoint;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  logger: Logger;
}

/** Adds an abort signal to dockerode call options (its types lag the library, which accepts one on every call). */
function signalled<T extends object>(signal: AbortSignal, options?: T): T {
  return { ...options, abortSignal: signal } as unknown as T;
}

/**
 * The ContainerEngine port over a real Docker engine through dockerode. Unary calls carry their own
 * AbortSignal deadline (never a socket `timeout`, which would kill streams); the API version is never
 * pinned; containers are mapped to the model with namespaces and cgroup read from /proc and /sys/fs/cgroup
 * when the engine runs on this machine. Streams (stats, logs, exec) are delegated to dockerode-streams.
 * Every reference reaches a path through engine-paths (validated, one encoded segment) and redirects are
 * never followed.
 */
export class DockerodeEngine implements ContainerEngine {
  readonly kind = 'docker' as const;
  readonly endpoint: string;
  readonly context: string | null;
  private readonly docker: Docker;
  private readonly local: boolean;
  private setup: Promise<EngineSetup> | null = null;
  private readonly eventStreams = new Set<StreamHandle>();
  private readonly memoryFacts = new Map<string, MemoryFacts>();
  private memoryRows: { at: number; rows: RawContainerListItem[] } | null = null;
  /** For ssh:// endpoints, the agent whose ssh children carry every connection (owned: killed by close()). */
  private readonly sshAgent: SshDialAgent | null;

  constructor(private readonly options: DockerodeEngineOptions) {
    this.endpoint = options.endpoint.host;
    this.context = options.endpoint.context;
    refuseEngineRedirects();
    const dockerOptions = dockerodeOptions(options.endpoint, options.env, options.logger) as Docker.DockerOptions & { agent?: unknown };
    this.sshAgent = dockerOptions.agent instanceof SshDialAgent ? dockerOptions.agent : null;
    this.docker = newDockerode(dockerOptions);
    const socket = options.endpoint.host.startsWith('unix://') ? options.endpoint.host.slice('unix://'.length) : null;
    this.local = options.platform === 'linux' && socket !== null && fs.existsSync(socket);
  }

  private async call<T>(timeoutMs: number, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    try {
      return await run(AbortSignal.timeout(timeoutMs));
    } catch (error) {
      throw mapEngineError(error, this.endpoint, timeoutMs);
    }
  }

  /**
   * Answers with the engine's identity (`GET /version`) within the timeout, else UNAVAILABLE. Over ssh:// the deadline
   * is at least ssh's own connect timeout plus 2 s: a first ping includes the ssh handshake, and aborting it would kill
   * that ssh and make every later ping start over.
   */
  async ping(timeoutMs: number): Promise<EngineIdentity> {
    const deadline = this.sshAgent === null ? timeoutMs : Math.max(timeoutMs, (SSH_CONNECT_TIMEOUT_S + 2) * 1000);
    try {
      const version = await (this.docker as unknown as SignalledSystemCalls).version({ abortSignal: AbortSignal.timeout(deadline) });
      return { serverVersion: version.Version ?? null, apiVersion: version.ApiVersion ?? null, os: version.Os ?? null };
    } catch (error) {
      const mapped = mapEngineError(error, this.endpoint, deadline);
      if (mapped instanceof ServiceError && mapped.code === 'UNAVAILABLE') throw mapped;
      const code = mapped instanceof ServiceError && mapped.code === 'TIMEOUT' ? 'ETIMEDOUT' : undefined;
      throw new ServiceError('UNAVAILABLE', unavailableMessage(this.endpoint, code), { cause: mapped instanceof Error ? mapped.message : String(mapped) });
    }
  }

  /** Every container, stopped ones included, newest first (the engine's order). */
  async listContainers(): Promise<ContainerSummary[]> {
    const rows = await this.call(QUICK_MS, (signal) => this.docker.listContainers(signalled(signal, { all: true })));
    return (rows as unknown as RawContainerListItem[]).map(mapContainerSummary);
  }

  /** The container in full; its list row keeps `status` identical to the list's. */
  async inspectContainer(ref: string): Promise<ContainerDetail> {
    const raw = (await this.call(QUICK_MS, (signal) => this.docker.getContainer(containerSegment(ref)).inspect(signalled(signal, {})))) as unknown as RawContainerInspect;
    const [rows, facts] = await Promise.all([
      this.call(QUICK_MS, (signal) => this.docker.listContainers(signalled(signal, { all: true, filters: { id: [raw.Id] } }))),
      this.hostFacts(raw),
    ]);
    const row = (rows as unknown as RawContainerListItem[]).find((r) => r.Id === raw.Id);
    return mapContainerDetail(raw, row === undefined ? null : mapContainerSummary(row), facts);
  }

  /** Start, stop, restart, pause, unpause, kill or remove; "already started/stopped" (304) is success. */
  async act(ref: string, action: ContainerAction, options: { force?: boolean; removeVolumes?: boolean }): Promise<void> {
    try {
      await this.call(ACTION_MS, (signal) => {
        const container = this.docker.getContainer(containerSegment(ref));
        switch (action) {
          case 'start':
            return container.start(signalled(signal, {}));
          case 'stop':
            return container.stop(signalled(signal, {}));
          case 'restart':
            return container.restart(signalled(signal, {}));
          case 'pause':
            return container.pause(signalled(signal, {}));
          case 'unpause':
            return container.unpause(signalled(signal, {}));
          case 'kill':
            return container.kill(signalled(signal, {}));
          case 'remove':
            return container.remove(signalled(signal, { force: options.force === true, v: options.removeVolumes === true }));
        }
      });
    } catch (error) {
      if (error instanceof ServiceError && (error.details as { statusCode?: number } | undefined)?.statusCode === 304) return;
      throw error;
    }
  }

  /** One sample with its previous sample (`stream=false`), computed with the docker CLI's math. */
  async statsOnce(ref: string): Promise<ContainerStats> {
    const raw = (await this.call(STATS_MS, (signal) => this.docker.getContainer(containerSegment(ref)).stats(signalled(signal, { stream: false as const })))) as unknown as DockerStatsJson;
    return computeStats(raw, containerName(raw.name));
  }

  /** Images with tags, size and how many containers use each. */
  async listImages(): Promise<ImageSummary[]> {
    const [images, containers] = await Promise.all([
      this.call(QUICK_MS, (signal) => this.docker.listImages(signalled(signal, {}))),
      this.listContainers(),
    ]);
    return (images as unknown as RawImage[]).map((image) => mapImage(image, containers));
  }

  /** Removes one image (CONFLICT while a container uses it, unless forced). */
  async removeImage(ref: string, force: boolean): Promise<void> {
    await this.call(ACTION_MS, (signal) => this.docker.getImage(imageSegment(ref)).remove(signalled(signal, { force })));
  }

  /** Removes dangling images, as `docker image prune`. */
  async pruneImages(): Promise<PruneResult> {
    const raw = await this.call(PRUNE_MS, (signal) => this.docker.pruneImages(signalled(signal, { filters: { dangling: ['true'] } })));
    return mapImagePrune(raw as Parameters<typeof mapImagePrune>[0]);
  }

  /** Volumes with the containers that mount them. */
  async listVolumes(): Promise<VolumeSummary[]> {
    const [answer, containers] = await Promise.all([
      this.call(QUICK_MS, (signal) => this.docker.listVolumes(signalled(signal, {}))),
      this.listContainers(),
    ]);
    return ((answer.Volumes ?? []) as unknown as RawVolume[]).map((volume) => mapVolume(volume, containers));
  }

  /** Removes one volume (CONFLICT while in use). */
  async removeVolume(name: string, force: boolean): Promise<void> {
    await this.call(ACTION_MS, (signal) => this.docker.getVolume(volumeSegment(name)).remove(signalled(signal, { force })));
  }

  /** Removes unused volumes, with the engine's default scope (`docker volume prune`). */
  async pruneVolumes(): Promise<PruneResult> {
    const raw = await this.call(PRUNE_MS, (signal) => this.docker.pruneVolumes(signalled(signal, {})));
    return mapVolumePrune(raw as Parameters<typeof mapVolumePrune>[0]);
  }

  /** Networks with the number of containers attached. */
  async listNetworks(): Promise<NetworkSummary[]> {
    const [networks, containers] = await Promise.all([
      this.call(QUICK_MS, (signal) => this.docker.listNetworks(signalled(signal, {}))),
      this.listContainers(),
    ]);
    return (networks as unknown as RawNetwork[]).map((network) => mapNetwork(network, containers)).sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * Container and network events, split on newlines (a chunk may hold half an event or two). `onEnd` fires
   * once when the engine ends the stream or the connection fails, never after `stop()`.
   */
  events(sinceSeconds: number | null, onEvent: (event: EngineEvent) => void, onEnd: (error?: Error) => void): StreamHandle {
    const controller = new AbortController();
    const splitter = new LineSplitter();
    let stream: NodeJS.ReadableStream | null = null;
    let stopped = false;
    let ended = false;
    const finish = (error?: unknown): void => {
      if (ended) return;
      ended = true;
      this.eventStreams.delete(handle);
      if (stopped) return;
      const mapped = error === undefined ? undefined : mapEngineError(error, this.endpoint);
      onEnd(mapped === undefined ? undefined : mapped instanceof Error ? mapped : new Error(String(mapped)));
    };
    const handle: StreamHandle = {
      stop: () => {
        if (stopped) return;
        stopped = true;
        controller.abort();
        (stream as { destroy?: () => void } | null)?.destroy?.();
        finish();
      },
    };
    this.eventStreams.add(handle);
    const options: Docker.GetEventsOptions = { filters: { type: ['container', 'network'] }, ...(sinceSeconds === null ? {} : { since: sinceSeconds }) };
    this.docker.getEvents(signalled(controller.signal, options)).then(
      (events) => {
        if (stopped) {
          (events as { destroy?: () => void }).destroy?.();
          return;
        }
        stream = events;
        events.on('data', (chunk: Buffer | string) => {
          for (const line of splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)) {
            const event = parseEvent(line);
            if (event !== null && !stopped) onEvent(event);
          }
        });
        events.on('error', (error: Error) => finish(error));
        events.on('end', () => finish());
        events.on('close', () => finish());
      },
      (error: unknown) => finish(error),
    );
    return handle;
  }

  /** Live stats samples (dockerode-streams). */
  streamStats(ref: string, onSample: (sample: ContainerStats) => void, onEnd: (error?: Error) => void): StreamHandle {
    return streamStats(this.docker, ref, onSample, onEnd);
  }

  /** Followed logs (dockerode-streams). */
  followLogs(ref: string, options: { tail: number; timestamps: boolean }, onLines: (lines: LogLine[]) => void, onEnd: (error?: Error) => void): Promise<StreamHandle & { tty: boolean }> {
    return followLogs(this.docker, ref, options, onLines, onEnd);
  }

  /** An interactive exec (dockerode-streams). */
  openExec(ref: string, options: { cols: number; rows: number; command?: string[] }, onOutput: (data: string) => void, onExit: (exitCode: number | null) => void): Promise<ExecHandle> {
    return openExec(this.docker, ref, options, onOutput, onExit);
  }

  /** The engine's cgroup version and user-namespace remapping (`docker info`, kept). */
  async engineFacts(): Promise<EngineFacts> {
    const setup = await this.engineSetup();
    return { cgroupVersion: (this.local ? localCgroupVersion() : null) ?? setup.cgroupVersion, usernsRemap: setup.usernsRemap };
  }

  /** `docker create` (dockerode-run). */
  createContainer(spec: RunSpec): Promise<{ id: string; warnings: string[] }> {
    return createContainer(this.docker, spec);
  }

  /** An image in full (dockerode-images). */
  async inspectImage(ref: string): Promise<ImageDetail> {
    return inspectImage(this.docker, ref, await this.listContainers());
  }

  /** `docker tag` (dockerode-images). */
  tagImage(source: string, target: string): Promise<void> {
    return tagImage(this.docker, source, target);
  }

  /** A pull with progress (dockerode-images). */
  pullImage(reference: string, auth: RegistryAuth | null, onMessage: (message: ProgressMessage) => void, signal: AbortSignal): Promise<void> {
    return pullImage(this.docker, reference, auth, onMessage, signal);
  }

  /** A push with progress (dockerode-images). */
  pushImage(reference: string, auth: RegistryAuth | null, onMessage: (message: ProgressMessage) => void, signal: AbortSignal): Promise<void> {
    return pushImage(this.docker, reference, auth, onMessage, signal);
  }

  /** A build from a context tar (dockerode-images). */
  buildImage(
    context: NodeJS.ReadableStream,
    options: BuildOptions,
    auths: RegistryAuth[],
    onMessage: (message: ProgressMessage) => void,
    signal: AbortSignal,
  ): Promise<void> {
    return buildImage(this.docker, context, options, auths, onMessage, signal);
  }

  /** A tar of a path inside a container (dockerode-archive). */
  getArchive(ref: string, path: string, signal: AbortSignal): Promise<NodeJS.ReadableStream> {
    return getArchive(this.docker, ref, path, signal);
  }

  /** Extracts a tar into a container's folder (dockerode-archive). */
  putArchive(ref: string, folder: string, tar: NodeJS.ReadableStream, signal: AbortSignal): Promise<void> {
    return putArchive(this.docker, ref, folder, tar, signal);
  }

  /** Stops the event streams this engine opened and, for ssh://, kills every ssh child; idle keep-alive sockets are unreferenced by Node's agent. */
  close(): void {
    for (const handle of [...this.eventStreams]) handle.stop();
    this.sshAgent?.destroy();
  }

  /**
   * Memory of every running container, cheap enough for a 1 s sampler: per container its cgroup files when the
   * engine is on this machine (limit and cgroup path from an inspect kept for 30 s; the list of running containers
   * reused for 5 s, and listed again as soon as a cgroup is gone), else a one-shot stats sample, at most 4
   * containers at once. A container that went away meanwhile is left out; one started meanwhile shows within 5 s.
   */
  async memoryUse(): Promise<ContainerMemoryUse[]> {
    const version = this.local ? localCgroupVersion() : null;
    const now = Date.now();
    const reuse = version !== null && this.memoryRows !== null && now >= this.memoryRows.at && now - this.memoryRows.at < MEMORY_RELIST_MS;
    let rows: RawContainerListItem[];
    if (reuse && this.memoryRows !== null) {
      rows = this.memoryRows.rows;
    } else {
      const listed = await this.call(QUICK_MS, (signal) => this.docker.listContainers(signalled(signal, { all: false })));
      rows = (listed as unknown as RawContainerListItem[]).slice(0, MEMORY_MAX_CONTAINERS).map((row) => ({ Id: row.Id, Names: row.Names?.slice(0, 1) ?? [] }));
      this.memoryRows = { at: now, rows };
      const live = new Set(rows.map((row) => row.Id));
      for (const id of [...this.memoryFacts.keys()]) if (!live.has(id)) this.memoryFacts.delete(id);
    }
    const results = new Array<ContainerMemoryUse | null>(rows.length).fill(null);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < rows.length) {
        const index = next++;
        results[index] = await this.containerMemory(rows[index] as RawContainerListItem, version, reuse).catch(() => null);
      }
    };
    await Promise.all(Array.from({ length: Math.min(MEMORY_CONCURRENCY, rows.length) }, worker));
    return results.filter((use): use is ContainerMemoryUse => use !== null);
  }

  /** One container's use; with a reused list, a cgroup that is gone means the container stopped (and the list is stale). */
  private async containerMemory(row: RawContainerListItem, version: 1 | 2 | null, reusedList: boolean): Promise<ContainerMemoryUse | null> {
    const facts = await this.factsForMemory(row.Id, version);
    let bytes = facts.cgroupPath !== null && version !== null ? this.cgroupMemory(facts, facts.cgroupPath, version) : null;
    if (bytes === null && reusedList && facts.cgroupPath !== null) {
      this.memoryRows = null;
      this.memoryFacts.delete(row.Id);
      return null;
    }
    if (bytes === null) bytes = (await this.oneShotStats(row.Id))?.memoryUsedBytes ?? null;
    if (bytes === null || !Number.isSafeInteger(Math.round(bytes))) return null;
    return { id: row.Id, name: containerName(row.Names?.[0]), bytes: Math.max(0, Math.round(bytes)), limitBytes: facts.limitBytes };
  }

  /** The cgroup's charge less its inactive file cache, the cache read again only after INACTIVE_FILE_MS; null when the cgroup is gone. */
  private cgroupMemory(facts: MemoryFacts, cgroupPath: string, version: 1 | 2): number | null {
    const usage = readCgroupUsageBytes(cgroupPath, version);
    if (usage === null) return null;
    const now = Date.now();
    if (facts.inactive === null || now < facts.inactive.at || now - facts.inactive.at >= INACTIVE_FILE_MS) {
      facts.inactive = { bytes: readCgroupInactiveFileBytes(cgroupPath, version), at: now };
    }
    return usedWithoutInactive(usage, facts.inactive.bytes);
  }

  /** The limit and (on this machine) cgroup path of a running container, inspected again after 5 minutes. */
  private async factsForMemory(id: string, version: 1 | 2 | null): Promise<MemoryFacts> {
    const now = Date.now();
    const known = this.memoryFacts.get(id);
    if (known !== undefined && now - known.at < MEMORY_FACTS_MS) return known;
    const raw = (await this.call(QUICK_MS, (signal) => this.docker.getContainer(engineIdSegment(id)).inspect(signalled(signal, {})))) as unknown as RawContainerInspect;
    const pid = raw.State?.Pid ?? 0;
    const memory = Number.isSafeInteger(raw.HostConfig?.Memory) ? (raw.HostConfig?.Memory as number) : 0;
    const view = version !== null && pid > 0 ? readLocalProcess(pid, raw.Id, version) : null;
    const facts: MemoryFacts = { limitBytes: memory > 0 ? memory : null, cgroupPath: view?.cgroupPath ?? null, at: now, inactive: null };
    if (this.memoryFacts.size < MEMORY_MAX_CONTAINERS) this.memoryFacts.set(id, facts);
    return facts;
  }

  private engineSetup(): Promise<EngineSetup> {

    this.setup ??= this.call(QUICK_MS, (signal) => (this.docker as unknown as SignalledSystemCalls).info({ abortSignal: signal })).then(
      (info) => ({
        cgroupVersion: info.CgroupVersion === '2' ? 2 : info.CgroupVersion === '1' ? 1 : null,
        cgroupDriver: info.CgroupDriver ?? null,
        usernsRemap: (info.SecurityOptions ?? []).some((option) => option.split(',').includes('name=userns')),
      }),
      (error: unknown) => {
        this.setup = null;
        this.options.logger.warn('docker info failed; cgroup details are unknown', error);
        return { cgroupVersion: null, cgroupDriver: null, usernsRemap: false };
      },
    );
    return this.setup;
  }

  /** The cgroup setup, and for a running container on this machine the kernel's namespace ids and cgroup use. */
  private async hostFacts(raw: RawContainerInspect): Promise<HostFacts> {
    const setup = await this.engineSetup();
    const version = (this.local ? localCgroupVersion() : null) ?? setup.cgroupVersion;
    const pid = raw.State?.Pid ?? 0;
    const running = raw.State?.Running === true;
    const view = this.local && running && pid > 0 && version !== null ? readLocalProcess(pid, raw.Id, version) : null;
    const facts: HostFacts = {
      cgroupVersion: version,
      cgroupDriver: setup.cgroupDriver,
      usernsRemap: setup.usernsRemap,
      inodes: view?.inodes ?? null,
      cgroupPath: view?.cgroupPath ?? null,
      memoryUsageBytes: view?.memoryUsageBytes ?? null,
      pidsCurrent: view?.pidsCurrent ?? null,
    };
    if (running && (facts.memoryUsageBytes === null || facts.pidsCurrent === null)) {
      const sample = await this.oneShotStats(raw.Id);
      if (sample !== null) {
        facts.memoryUsageBytes ??= sample.memoryUsedBytes;
        facts.pidsCurrent ??= sample.pids;
      }
    }
    return facts;
  }

  /** A stats sample without waiting for a previous one (`one-shot`): memory and pids only, null on failure. */
  private async oneShotStats(id: string): Promise<ContainerStats | null> {
    try {
      const raw = await this.call(QUICK_MS, (signal) => this.docker.getContainer(engineIdSegment(id)).stats(signalled(signal, { stream: false as const, 'one-shot': true })));
      return computeStats(raw as unknown as DockerStatsJson, '');
    } catch {
      return null;
    }
  }
}

function parseEvent(line: string): EngineEvent | null {
  if (line.trim() === '') return null;
  try {
    const raw = JSON.parse(line) as { Type?: string; Action?: string; status?: string; id?: string; Actor?: { ID?: string }; time?: number };
    const action = raw.Action ?? raw.status;
    const id = raw.Actor?.ID ?? raw.id;
    if (action === undefined || id === undefined) return null;
    return { type: raw.Type ?? 'container', action, id, time: raw.time ?? 0 };
  } catch {
    return null;
  }
}
