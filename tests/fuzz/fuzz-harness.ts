import childProcess from 'node:child_process';
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import Conf from 'conf';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, vi } from 'vitest';
import type { z } from 'zod';
import { composeServices, type Services } from '../../electron/hosts/common/compose-services';
import { createInvokeDispatcher, type InvokeDispatcher } from '../../electron/hosts/common/invoke-dispatcher';
import { createInvokeHandlers } from '../../electron/hosts/common/invoke-handlers';
import { systemClock, type ClientContext } from '../../electron/services/ports';
import { invokeContract, type InvokeChannel } from '../../shared/ipc/contract';
import { IpcErrorPayload, type IpcResult } from '../../shared/ipc/result';
import { AbsolutePath } from '../../shared/model/distro';
import { PemPath } from '../../shared/model/engine';
import { requestArbitrary, type Wire } from '../helpers/contract-arbitraries';
import { RecordingLogger } from '../helpers/recording';
import { makeTempDir } from '../helpers/temp-dir';

/** Every request channel of the contract: a channel added there is fuzzed without a test edit. */
export const FUZZED_CHANNELS = Object.keys(invokeContract) as InvokeChannel[];

/** The channels whose answers are the state a rejected request must leave as it was. */
export const SNAPSHOT_CHANNELS = FUZZED_CHANNELS.filter(
  (channel) => /:(list|get|contexts)$/.test(channel) && invokeContract[channel].request.safeParse({}).success,
);

/** A safety net for a loaded machine, not a performance bound: a channel's run takes about a second. */
export const CHANNEL_TIMEOUT_MS = 180_000;

/**
 * Installs the process guards and simulated time around a fuzz file's tests (cleared before each, restored after
 * all); the returned object's `guards` are the live ones.
 */
export function useFuzzEnvironment(): { readonly guards: ProcessGuards } {
  let guards: ProcessGuards | undefined;
  beforeAll(() => {
    guards = installProcessGuards();
    useSimulatedTime();
  });
  beforeEach(() => guards?.clear());
  afterAll(() => {
    vi.useRealTimers();
    guards?.restore();
  });
  return {
    get guards(): ProcessGuards {
      if (guards === undefined) throw new Error('useFuzzEnvironment: the guards are installed in beforeAll.');
      return guards;
    },
  };
}

/** Timers and `Date` faked, so the simulated host's boots and long operations take simulated time, not real time. */
export function useSimulatedTime(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
}

/**
 * Waits for `pending`, moving simulated time on only while real I/O has nothing left to do (a few event-loop
 * turns without an answer): to the next timer due, never past it, up to 15 simulated minutes.
 */
export async function settle<T>(pending: Promise<T>): Promise<T> {
  let outcome: { value: T } | { error: unknown } | undefined;
  pending.then(
    (value) => (outcome = { value }),
    (error: unknown) => (outcome = { error }),
  );
  const startedAt = Date.now();
  for (let turn = 0; outcome === undefined; turn += 1) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (outcome !== undefined || turn % 4 !== 3) continue;
    await vi.advanceTimersToNextTimerAsync();
    if (Date.now() - startedAt > 15 * 60_000) throw new Error('No answer within 15 minutes of simulated time.');
  }
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}

/** Checks one answer: a known error code in the error envelope, or a value the channel's response schema parses. */
export function envelopeProblem(channel: InvokeChannel, result: unknown): string | null {
  const envelope = result as IpcResult<unknown> | null;
  if (typeof envelope !== 'object' || envelope === null) return `${channel} answered ${String(result)}, not an envelope`;
  if (envelope.ok === true) {
    const parsed = (invokeContract[channel].response as z.ZodType).safeParse(envelope.value);
    return parsed.success ? null : `${channel} answered a value its response schema refuses: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
  }
  if (envelope.ok === false) {
    const parsed = IpcErrorPayload.safeParse(envelope.error);
    return parsed.success ? null : `${channel} answered an error without a known code: ${JSON.stringify(envelope.error)}`;
  }
  return `${channel} answered something that is not an envelope: ${JSON.stringify(result)?.slice(0, 300)}`;
}

/** What the fuzz watches for in the whole process: unhandled rejections and exceptions, spawned processes, sockets opened. */
export interface ProcessGuards {
  readonly unhandled: unknown[];
  readonly spawned: string[];
  /** Every TCP target a socket connected to (unix sockets are listed as `unix:<path>`). */
  readonly connections: string[];
  /** Forgets what was recorded (each test checks what happened during its own run). */
  clear(): void;
  restore(): void;
}

const SPAWNERS = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const;

/** Where a `net.Socket#connect` call goes, from any of its argument forms (options, port and host, path, normalized array). */
function connectTarget(args: unknown[]): string {
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  if (typeof first === 'object' && first !== null) {
    const options = first as { path?: string; port?: number | string; host?: string };
    return options.path !== undefined ? `unix:${options.path}` : `${options.host ?? 'localhost'}:${String(options.port)}`;
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return `unix:${first}`;
  return `${typeof args[1] === 'string' ? args[1] : 'localhost'}:${String(first)}`;
}

/**
 * Counts unhandled rejections and uncaught exceptions, refuses and records any child process (every spawner of
 * `node:child_process`, named imports included), and records every socket connection, until `restore`.
 */
export function installProcessGuards(): ProcessGuards {
  const unhandled: unknown[] = [];
  const spawned: string[] = [];
  const connections: string[] = [];
  const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
  const processModule = childProcess as unknown as Record<string, unknown>;
  const originals = SPAWNERS.map((name) => [name, processModule[name]] as const);
  for (const name of SPAWNERS) {
    processModule[name] = (file: unknown) => {
      spawned.push(`${name} ${String(file)}`);
      throw new Error(`The fuzz suite refuses ${name}(${String(file)}): nothing may start a process.`);
    };
  }
  syncBuiltinESMExports();
  const originalConnect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function recordConnect(this: net.Socket, ...args: unknown[]) {
    connections.push(connectTarget(args));
    return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;
  return {
    unhandled,
    spawned,
    connections,
    clear() {
      for (const list of [unhandled, spawned, connections]) list.length = 0;
    },
    restore() {
      process.off('unhandledRejection', onUnhandled);
      process.off('uncaughtException', onUnhandled);
      for (const [name, original] of originals) processModule[name] = original;
      syncBuiltinESMExports();
      net.Socket.prototype.connect = originalConnect;
    },
  };
}

/** One simulated machine for a fuzz run: its services, dispatcher, logger and a temp folder for files it may write. */
export interface FuzzHost {
  services: Services;
  dispatch: InvokeDispatcher;
  logger: RecordingLogger;
  /** Where export targets, import sources and install folders live; nothing is written outside the temp folder. */
  filesDir: string;
  /**
   * The connections the host may open: its DOCKER_HOST, a socket in its temp folder where nothing listens, which a
   * context probe (`engine:probe-context` of `default`) tries even with the simulated engine in use.
   */
  allowedConnections: readonly string[];
  /** Names, ids, keys and paths that exist now, for the generators to offer. */
  knownStrings(): readonly string[];
  /** Remembers subscription and session ids a response handed out. */
  learn(value: unknown): void;
  /** Generated requests for a channel, valid ones drawing on what exists. */
  requests(channel: InvokeChannel, wire: Wire): fc.Arbitrary<unknown>;
  /** Every byte the machine keeps on disk (its data folder, its home and the files folder), read cheaply. */
  fingerprint(): string;
  /** The answers of the snapshot channels, as one comparable value; the names they hold become known strings. */
  snapshot(): Promise<unknown>;
  dispose(): void;
}

/** Each folder and file under `dir` with its content, in a stable order: equal fingerprints mean nothing on disk changed. */
function fingerprintFolder(dir: string): string {
  const entries = fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((entry) => ({ file: path.join(entry.parentPath, entry.name), isFile: entry.isFile() }))
    .sort((a, b) => a.file.localeCompare(b.file));
  return entries.map(({ file, isFile }) => (isFile ? `${file}\n${fs.readFileSync(file, 'latin1')}` : `${file}/`)).join('\n');
}

function collectStrings(value: unknown, into: Set<string>, depth = 0): void {
  if (depth > 6) return;
  if (typeof value === 'string') {
    if (value.length <= 300) into.add(value);
    return;
  }
  if (Array.isArray(value)) for (const item of value) collectStrings(item, into, depth + 1);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) collectStrings(item, into, depth + 1);
}

/** The PEM fixtures (a self-signed certificate and its key) a fuzzed context's TLS files are drawn from. */
const PEM_FIXTURES = path.resolve(import.meta.dirname, '../fixtures/pem');

/**
 * Composes the real services (simulated WSL host, simulated engine) exactly as the plain Node hosts do, in a fresh
 * temp folder holding the home directory and DOCKER_CONFIG (so Docker's config and contexts are the folder's, never
 * the user's) and a DOCKER_HOST socket there that nothing answers (so no probe reaches an engine of this machine).
 */
export async function composeFuzzHost(scenario: 'ready' | 'mixed' = 'ready'): Promise<FuzzHost & { cleanup(): void }> {
  const temp = makeTempDir('lightdock-fuzz-');
  const dataDir = path.join(temp.dir, 'data');
  const homeDir = path.join(temp.dir, 'home');
  const filesDir = path.join(temp.dir, 'files');
  fs.mkdirSync(homeDir);
  fs.mkdirSync(filesDir);
  fs.writeFileSync(path.join(filesDir, 'rootfs.tar'), Buffer.alloc(10_240));
  fs.writeFileSync(path.join(filesDir, 'not-a-disk.vhdx'), 'plain text');
  for (const pem of ['cert.pem', 'key.pem']) fs.copyFileSync(path.join(PEM_FIXTURES, pem), path.join(filesDir, pem));
  const noEngine = path.join(temp.dir, 'no-engine.sock');
  const logger = new RecordingLogger();
  const services = composeServices({
    env: {
      LIGHTDOCK_DATA_DIR: dataDir,
      LIGHTDOCK_WSL_BACKEND: 'simulated',
      LIGHTDOCK_ENGINE: 'simulated',
      LIGHTDOCK_SCENARIO: scenario,
      HOME: homeDir,
      DOCKER_CONFIG: path.join(homeDir, '.docker'),
      DOCKER_HOST: `unix://${noEngine}`,
    },
    platform: 'linux',
    homeDir,
    clock: systemClock,
    logger,
    openSettingsStore: (dir, name) => new Conf<Record<string, unknown>>({ cwd: dir, configName: name }),
  });
  const dispatch = createInvokeDispatcher(createInvokeHandlers(services), logger);
  const client: ClientContext = { id: 'fuzz-snapshot' };
  const fromState = new Set<string>();
  const learned = new Set<string>();
  const paths = [
    path.join(filesDir, 'rootfs.tar'),
    path.join(filesDir, 'not-a-disk.vhdx'),
    path.join(filesDir, 'export.tar'),
    path.join(filesDir, 'export.vhdx'),
    path.join(filesDir, 'install'),
    path.join(filesDir, 'missing', 'x.tar'),
    filesDir,
    `${filesDir}/../files/inside.tar`,
    'C:\\backups\\ubuntu.tar',
    '\\\\server\\share\\ubuntu.tar',
  ];
  // Paths are the one kind of value a service writes to: they come from this folder, or are Windows paths the
  // simulated host on Linux refuses, or hostile strings that are not absolute.
  const pathArbitrary = fc.oneof(
    { arbitrary: fc.constantFrom(...paths), weight: 5 },
    { arbitrary: fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,11}$/).map((name) => path.join(filesDir, name)), weight: 4 },
    { arbitrary: fc.constantFrom('relative.tar', '../x.tar', './x', 'C:relative', '', 'x'.repeat(5000), `${filesDir}/a\0b`), weight: 1 },
  );
  // A context's TLS files are read, never written: the fixtures, files that are not PEM, a folder and a missing file.
  const pemArbitrary = fc.oneof(
    { arbitrary: fc.constantFrom(path.join(filesDir, 'cert.pem'), path.join(filesDir, 'key.pem')), weight: 6 },
    { arbitrary: fc.constantFrom(path.join(filesDir, 'not-a-disk.vhdx'), path.join(filesDir, 'rootfs.tar'), filesDir, path.join(filesDir, 'missing.pem')), weight: 1 },
  );
  const overrides = new Map<z.ZodType, fc.Arbitrary<unknown>>([
    [AbsolutePath, pathArbitrary],
    [PemPath, pemArbitrary],
  ]);
  let known: readonly string[] = [];
  const knownStrings = (): readonly string[] => known;
  const rebuildKnown = (): void => void (known = [...fromState, ...learned]);
  const answer = async (channel: InvokeChannel, request: unknown): Promise<unknown> => settle(dispatch(channel, request, client));
  const online = await answer('distros:list-online', {});
  const host: FuzzHost & { cleanup(): void } = {
    services,
    dispatch,
    logger,
    filesDir,
    allowedConnections: [`unix:${noEngine}`],
    knownStrings,
    learn(value) {
      for (const key of ['subscriptionId', 'sessionId']) {
        const id = (value as Record<string, unknown> | null)?.[key];
        if (typeof id === 'string' && !learned.has(id)) {
          learned.add(id);
          rebuildKnown();
        }
      }
    },
    requests(channel, wire) {
      return requestArbitrary(invokeContract[channel].request as z.ZodType, { knownStrings, overrides, wire });
    },
    fingerprint() {
      return fingerprintFolder(temp.dir);
    },
    async snapshot() {
      const answers: Record<string, unknown> = {};
      for (const channel of SNAPSHOT_CHANNELS) answers[channel] = await answer(channel, {});
      fromState.clear();
      collectStrings(answers, fromState);
      collectStrings(online, fromState);
      // Short ids (the first 12 hex digits) are references too.
      for (const text of [...fromState]) if (/^(?:sha256:)?[a-f0-9]{64}$/.test(text)) fromState.add(text.replace('sha256:', '').slice(0, 12));
      rebuildKnown();
      return answers;
    },
    dispose() {
      services.dispose();
    },
    cleanup() {
      services.dispose();
      temp.cleanup();
    },
  };
  await host.snapshot();
  return host;
}

/** Lines the dispatcher logged for a handler that threw something other than a ServiceError (an unexpected crash). */
export function unexpectedThrows(logger: RecordingLogger): string[] {
  return logger.lines.filter((line) => line.level === 'error' && /^[a-z-]+:[a-z-]+ failed$/.test(line.message)).map((line) => line.message);
}

/** True when the prototype of plain objects was not polluted by a `__proto__` or `constructor.prototype` key. */
export function prototypeIsClean(): boolean {
  return !('polluted' in Object.prototype) && ({} as Record<string, unknown>)['polluted'] === undefined;
}

/** Sends one request by some host's path and resolves with the envelope it answered. */
export type SendRequest = (request: unknown) => Promise<unknown>;

/**
 * The per-request property every host shares: the answer is an envelope with a known error code or a value the
 * response schema parses, and a refused request leaves every byte on disk as it was. Lists are read again only
 * when the files or the simulated clock moved (every list is read from them); their names feed the generators.
 * Returns the check and a counter of requests the request schema accepted (which reached a service).
 */
export async function refusalChecker(host: FuzzHost, channel: InvokeChannel): Promise<{ check: (request: unknown, send: SendRequest) => Promise<void>; reachedService: () => number }> {
  const schema = invokeContract[channel].request as z.ZodType;
  let before = await host.snapshot();
  let disk = host.fingerprint();
  let reached = 0;
  const check = async (request: unknown, send: SendRequest): Promise<void> => {
    if (schema.safeParse(request).success) reached += 1;
    const startedAt = Date.now();
    const result = (await send(request)) as IpcResult<unknown>;
    const problem = envelopeProblem(channel, result);
    if (problem !== null) throw new Error(problem);
    const diskAfter = host.fingerprint();
    if (result.ok) {
      host.learn(result.value);
      if (diskAfter !== disk || Date.now() !== startedAt) before = await host.snapshot();
    } else if (diskAfter !== disk) {
      const refusal = `${channel} refused with ${result.error.code} (${result.error.message})`;
      const after = await host.snapshot();
      throw new Error(
        JSON.stringify(after) === JSON.stringify(before)
          ? `${refusal} yet changed files under the data, home or files folder`
          : `${refusal} yet changed the state: before ${JSON.stringify(before).slice(0, 2000)} after ${JSON.stringify(after).slice(0, 2000)}`,
      );
    }
    disk = diskAfter;
  };
  return { check, reachedService: () => reached };
}

/** The end-of-run checks every host shares: nothing crashed, spawned, connected or polluted, and services were reached. */
export function expectCleanRun(host: FuzzHost, guards: ProcessGuards, reachedService: number, runs: number, allowedConnections: readonly string[] = []): void {
  const problems: string[] = [];
  const throws = unexpectedThrows(host.logger);
  if (throws.length > 0) problems.push(`handlers threw unexpectedly: ${throws.join(', ')}`);
  if (guards.unhandled.length > 0) problems.push(`unhandled rejections or exceptions: ${guards.unhandled.map(String).join(', ')}`);
  if (guards.spawned.length > 0) problems.push(`processes spawned: ${guards.spawned.join(', ')}`);
  const connections = guards.connections.filter((target) => !allowedConnections.includes(target) && !host.allowedConnections.includes(target));
  if (connections.length > 0) problems.push(`connections opened: ${[...new Set(connections)].join(', ')}`);
  if (!prototypeIsClean()) problems.push('Object.prototype was polluted');
  // The generators must reach the services, not only the validation in front of them.
  if (reachedService <= runs / 4) problems.push(`only ${reachedService} of ${runs} requests passed validation`);
  if (problems.length > 0) throw new Error(problems.join('\n'));
}
