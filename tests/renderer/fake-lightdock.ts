import { afterEach } from 'vitest';
import type { z } from 'zod';
import { eventContract, invokeContract, type EventChannel, type EventPayload, type InvokeChannel, type InvokeRequest, type InvokeResponse } from '../../shared/ipc/contract';
import type { LightdockApi } from '../../shared/ipc/lightdock-api';
import { IpcErrorPayload as IpcErrorPayloadSchema, fail, ok, type IpcErrorPayload, type IpcResult } from '../../shared/ipc/result';
import type { Distro } from '../../shared/model/distro';
import type { HostInfo } from '../../shared/model/host';
import { FakeEngine } from './fake-engine';
import { FakeCompose } from './fake-compose';
import { FakeContainerFiles } from './fake-container-files';
import { FakeFiles } from './fake-files';
import { FakeImageActions } from './fake-images-actions';
import { FakeJobs } from './fake-jobs';
import { FakeRun } from './fake-run';
import { FakeMemory } from './fake-memory';
import { FakeNetwork } from './fake-network';
import { FakeNotifications } from './fake-notifications';
import { FakeWsl } from './fake-wsl';

/** The distros of the simulated host's "ready" scenario. */
export const READY_DISTROS: readonly Distro[] = [
  { name: 'Ubuntu-24.04', state: 'Stopped', version: 2, isDefault: true },
  { name: 'docker-desktop', state: 'Stopped', version: 2, isDefault: false },
  { name: 'Debian', state: 'Running', version: 1, isDefault: false },
];

/** What `app:info` answers unless a test changes it. */
export const SIMULATED_INFO: HostInfo = {
  backend: 'simulated',
  simulated: true,
  scenario: 'ready',
  platform: 'linux',
  appVersion: '0.1.0',
  canPickPaths: false,
};

/** Every contract violation seen since the last check; the renderer may swallow the thrown error, this list does not. */
const violations: string[] = [];

/** Throws (and records, for the check after each test) when `value` does not parse with the contract's `schema`. */
function checkContract(schema: z.ZodType, value: unknown, what: string): void {
  const parsed = schema.safeParse(value);
  if (parsed.success) return;
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
  const message = `Off-contract ${what}: ${issues} in ${JSON.stringify(value)?.slice(0, 500) ?? String(value)}`;
  violations.push(message);
  throw new Error(message);
}

/** Returns and forgets the contract violations seen so far (for a test that provokes them on purpose). */
export function takeContractViolations(): string[] {
  return violations.splice(0);
}

// Fails the test that produced an off-contract request, response or event even when the page caught the error.
afterEach(() => {
  const seen = takeContractViolations();
  if (seen.length > 0) throw new Error(`The fake host saw ${seen.length} off-contract message(s):\n${seen.join('\n')}`);
});

/** One request the fake received. */
export interface RecordedCall {
  channel: InvokeChannel;
  request: unknown;
}

/**
 * An in-memory stand-in for the host behind `window.lightdock`: it keeps distros, answers every channel with the
 * envelope, pushes `distros:changed` after each change, records calls, and can fail or hold chosen channels.
 * Every request, response, error and push is checked against the IPC contract: a mismatch throws and fails the test.
 */
export class FakeLightdock implements LightdockApi {
  distros: Distro[];
  info: HostInfo = SIMULATED_INFO;
  readonly calls: RecordedCall[] = [];
  /** For each ready() call, the push channels that had a listener at that moment. */
  readonly readySignals: EventChannel[][] = [];
  /** The container engine channels: containers, images, volumes, networks, logs, stats and exec. */
  readonly engine = new FakeEngine((channel, payload) => this.emit(channel, payload));
  /** The notifications (the bell) and Settings → General. */
  readonly notifications = new FakeNotifications((channel, payload) => this.emit(channel, payload));
  /** The Memory page's channels. */
  readonly memory = new FakeMemory((channel, payload) => this.emit(channel, payload));
  /** The Network page's channels. */
  readonly network = new FakeNetwork((channel, payload) => this.emit(channel, payload));
  /** The Files view's channels. */
  readonly files = new FakeFiles((channel, payload) => this.emit(channel, payload));
  /** Pulls, pushes, builds and Compose runs, as jobs. */
  readonly jobs = new FakeJobs((channel, payload) => this.emit(channel, payload));
  /** The run dialog's channels (containers:plan, containers:run). */
  readonly run = new FakeRun((channel, payload) => this.emit(channel, payload), this.engine);
  /** Image detail, tag, pull, push and build. */
  readonly imageActions = new FakeImageActions((channel, payload) => this.emit(channel, payload), this.jobs);
  /** Compose projects and their actions. */
  readonly compose = new FakeCompose((channel, payload) => this.emit(channel, payload), this.jobs);
  /** A container's filesystem. */
  readonly containerFiles = new FakeContainerFiles((channel, payload) => this.emit(channel, payload), this.jobs);
  /** What `dialog:pick-path` answers (the desktop picker); undefined answers UNAVAILABLE as the browser host does. */
  pickedPath: string | null | undefined = undefined;
  /** The WSL VM, distro details, long distro operations and `.wslconfig`. */
  readonly wsl = new FakeWsl({
    getDistros: () => this.distros,
    setDistros: (distros) => {
      this.distros = distros;
    },
    emit: (channel, payload) => this.emit(channel, payload),
  });
  private readonly failures = new Map<InvokeChannel, IpcErrorPayload>();
  private readonly holds = new Map<InvokeChannel, Promise<void>>();
  private readonly listeners = new Map<EventChannel, Set<(payload: never) => void>>();

  constructor(distros: readonly Distro[] = READY_DISTROS) {
    this.distros = distros.map((distro) => ({ ...distro }));
  }

  /** Makes every later call on `channel` answer with this error. */
  failWith(channel: InvokeChannel, error: IpcErrorPayload): void {
    checkContract(IpcErrorPayloadSchema, error, `error for ${channel}`);
    this.failures.set(channel, error);
  }

  /** Lets calls on `channel` answer again. */
  recover(channel: InvokeChannel): void {
    this.failures.delete(channel);
  }

  /** Makes calls on `channel` wait until the returned function is called. */
  hold(channel: InvokeChannel): () => void {
    let release = (): void => undefined;
    this.holds.set(channel, new Promise<void>((resolve) => (release = resolve)));
    return () => {
      this.holds.delete(channel);
      release();
    };
  }

  /** The requests received on one channel, in order. */
  callsTo(channel: InvokeChannel): unknown[] {
    return this.calls.filter((call) => call.channel === channel).map((call) => call.request);
  }

  /** Pushes an event to every subscriber, as the host does. */
  emit<C extends EventChannel>(channel: C, payload: EventPayload<C>): void {
    checkContract(eventContract[channel], payload, `${channel} event`);
    for (const listener of [...(this.listeners.get(channel) ?? [])]) (listener as (payload: EventPayload<C>) => void)(payload);
  }

  /** How many listeners a push channel has. */
  listenerCount(channel: EventChannel): number {
    return this.listeners.get(channel)?.size ?? 0;
  }

  async invoke<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<IpcResult<InvokeResponse<C>>> {
    this.calls.push({ channel, request });
    checkContract(invokeContract[channel].request, request, `${channel} request`);
    await this.holds.get(channel);
    const result = this.route(channel, request);
    if (result.ok) checkContract(invokeContract[channel].response, result.value, `${channel} response`);
    else checkContract(IpcErrorPayloadSchema, result.error, `${channel} error`);
    return result as IpcResult<InvokeResponse<C>>;
  }

  on<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void {
    const set = this.listeners.get(channel) ?? new Set();
    this.listeners.set(channel, set);
    set.add(listener as (payload: never) => void);
    return () => {
      set.delete(listener as (payload: never) => void);
    };
  }

  ready(): void {
    this.readySignals.push([...this.listeners].filter(([, set]) => set.size > 0).map(([channel]) => channel));
  }

  private route(channel: InvokeChannel, request: unknown): IpcResult<unknown> {
    const failure = this.failures.get(channel);
    if (failure !== undefined) return { ok: false, error: failure };
    return (
      this.engine.answer(channel, request) ??
      this.wsl.answer(channel, request) ??
      this.notifications.answer(channel, request) ??
      this.memory.answer(channel, request) ??
      this.network.answer(channel, request) ??
      this.files.answer(channel, request) ??
      this.jobs.answer(channel, request) ??
      this.run.answer(channel, request) ??
      this.imageActions.answer(channel, request) ??
      this.compose.answer(channel, request) ??
      this.containerFiles.answer(channel, request) ??
      this.answer(channel, request)
    );
  }

  private answer(channel: InvokeChannel, request: unknown): IpcResult<unknown> {
    switch (channel) {
      case 'app:info':
        return ok(this.info);
      case 'app:status':
        return ok({
          host: this.info,
          vm: this.vm(),
          distros: {
            total: this.distros.length,
            running: this.running(),
            defaultDistro: this.distros.find((distro) => distro.isDefault)?.name ?? null,
          },
        });
      case 'distros:list':
        return ok(this.snapshot());
      case 'dialog:pick-path':
        return this.pickedPath === undefined ? fail('UNAVAILABLE', 'This host has no file picker; type the path instead.') : ok({ path: this.pickedPath });
      case 'distros:start':
        return this.change(request, (distro) => ({ ...distro, state: 'Running' }));
      case 'distros:terminate':
        return this.change(request, (distro) => ({ ...distro, state: 'Stopped' }));
      case 'distros:set-default':
        return this.change(request, (distro) => ({ ...distro, isDefault: true }));
      case 'wsl:shutdown':
        this.distros = this.distros.map((distro) => ({ ...distro, state: 'Stopped' }));
        this.wsl.shutdown();
        this.wsl.publish();
        return ok({ state: this.vm().state, runningDistros: this.vm().runningDistros });
      default:
        return fail('UNKNOWN_CHANNEL', `The fake host does not answer ${channel}.`);
    }
  }

  private change(request: unknown, update: (distro: Distro) => Distro): IpcResult<unknown> {
    const name = (request as { name: string }).name;
    const target = this.distros.find((distro) => distro.name === name);
    if (target === undefined) return fail('NOT_FOUND', `There is no distribution named ${name}.`);
    const changed = update(target);
    this.distros = this.distros.map((distro) => {
      if (distro.name === name) return changed;
      return changed.isDefault ? { ...distro, isDefault: false } : distro;
    });
    this.wsl.publish();
    return ok({ ...changed });
  }

  private snapshot(): Distro[] {
    return this.distros.map((distro) => ({ ...distro }));
  }

  private running(): number {
    return this.distros.filter((distro) => distro.state === 'Running').length;
  }

  private vm(): EventPayload<'vm:changed'> {
    return this.wsl.vmInfo();
  }
}
