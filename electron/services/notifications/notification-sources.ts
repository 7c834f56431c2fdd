import { z } from 'zod';
import type { EventChannel, EventPayload } from '../../../shared/ipc/contract';
import type { ContainerDetail, ContainerRow } from '../../../shared/model/container';
import type { EngineLifecycleState } from '../../../shared/model/engine-lifecycle';
import type { EngineStatus } from '../../../shared/model/engine';
import type { Operation } from '../../../shared/model/operation';
import type { VmInfo } from '../../../shared/model/vm';
import type { EventListener } from '../event-hub';
import type { Logger } from '../ports';
import { createMemoryWarningSource } from './memory-warning-source';
import type { NotificationInput, NotificationService } from './notification-service';

/** VM memory use (of its limit) at or above which the VM counts as near its limit. */
export const VM_MEMORY_ALERT_RATIO = 0.9;
/** Use must fall below this ratio before a later climb notifies again. */
export const VM_MEMORY_REARM_RATIO = 0.8;
/** Container inspections run at the same time to learn how a container ended. */
const INSPECT_CONCURRENCY = 4;
/** Exits waiting for an inspection; past this, further exits are logged and dropped (a burst cannot grow memory). */
export const INSPECT_QUEUE_LIMIT = 64;

/** The part of the raw inspect JSON that says the kernel's OOM killer ended the container. */
const OomState = z.object({ State: z.object({ OOMKilled: z.boolean() }) });

/** What the sources listen to and call: the hub's subscribe, the list they feed, and an inspect of one container. */
export interface NotificationSourcesOptions {
  subscribe: (listener: EventListener) => () => void;
  notifications: NotificationService;
  inspect: (id: string) => Promise<ContainerDetail>;
  logger: Logger;
  /** Seconds since the epoch, to tell a container created after the first list from an old one. */
  nowSeconds: () => number;
}

/** The notification for one finished step of the setup wizard (`completedAt` keeps each completion its own event). */
export function setupStepDone(step: { id: string; title: string; completedAt: number }): NotificationInput {
  return { kind: 'setup-step', key: `setup-step:${step.id}:${step.completedAt}`, title: `Setup: ${step.title} done`, body: `The setup step "${step.title}" finished.` };
}

/** The notification for a container that ended badly, or null when it exited with 0 and was not OOM-killed. */
export function containerExitNotification(detail: ContainerDetail): NotificationInput | null {
  const oomKilled = OomState.safeParse(detail.inspect).data?.State.OOMKilled ?? false;
  const code = detail.exitCode;
  if (!oomKilled && (code === null || code === 0)) return null;
  const key = `container-exited:${detail.id}:${detail.finishedAt ?? 'unknown'}`;
  if (oomKilled) {
    return { kind: 'container-exited', key, title: `${detail.name} was killed: out of memory`, body: `The container ${detail.name} (${detail.image}) hit its memory limit and was killed.` };
  }
  return { kind: 'container-exited', key, title: `${detail.name} exited with code ${code}`, body: `The container ${detail.name} (${detail.image}) stopped with exit code ${code}.` };
}

const ENDED: ReadonlySet<ContainerRow['state']> = new Set(['exited', 'dead']);

/**
 * Turns pushes into notifications: a container that ends with a non-zero code or OOM-killed (from the engine's
 * pushes, then one inspect), the engine lost while connected and not being stopped by Lightdock, and the VM's used
 * memory reaching 90 % of its limit (once per climb), and the Memory page's other warnings from its `memory:sampled`
 * pushes (see createMemoryWarningSource). Returns the function that detaches every source.
 */
export function attachNotificationSources(options: NotificationSourcesOptions): () => void {
  const { notifications, logger } = options;
  let known: Map<string, ContainerRow['state']> | null = null;
  let baselineAt = 0;
  let engineIdentity: string | null = null;
  let lastStatus: EngineStatus | null = null;
  let lifecycle: EngineLifecycleState | null = null;
  let vmAlerted = false;
  let vmEpisode = 0;
  let detached = false;
  const queue: string[] = [];
  let inspecting = 0;
  const memoryWarnings = createMemoryWarningSource((input) => !detached && notifications.notify(input));

  const drain = (): void => {
    while (!detached && inspecting < INSPECT_CONCURRENCY && queue.length > 0) {
      const id = queue.shift() as string;
      inspecting += 1;
      options
        .inspect(id)
        .then((detail) => {
          const input = containerExitNotification(detail);
          if (input !== null && !detached) notifications.notify(input);
        })
        .catch((error: unknown) => logger.info(`Could not inspect the container ${id} that exited`, error))
        .finally(() => {
          inspecting -= 1;
          drain();
        });
    }
  };

  const onContainers = (containers: ContainerRow[]): void => {
    const previous = known;
    known = new Map(containers.map((container) => [container.id, container.state]));
    if (previous === null) {
      baselineAt = options.nowSeconds();
      return;
    }
    for (const container of containers) {
      if (!ENDED.has(container.state)) continue;
      const before = previous.get(container.id);
      const endedNow = before === undefined ? container.created >= baselineAt : !ENDED.has(before);
      if (!endedNow) continue;
      if (queue.length >= INSPECT_QUEUE_LIMIT) {
        logger.warn(`Too many containers ended at once; no notification for ${container.name}.`);
        continue;
      }
      if (!queue.includes(container.id)) queue.push(container.id);
    }
    drain();
  };

  const onStatus = (status: EngineStatus): void => {
    const identity = `${status.kind} ${status.endpoint}`;
    if (identity !== engineIdentity) {
      // Another engine: its list is a new baseline, not a wave of exits.
      engineIdentity = identity;
      known = null;
    }
    const before = lastStatus;
    lastStatus = status;
    if (before?.state !== 'connected' || status.state === 'connected' || before.endpoint !== status.endpoint) return;
    if (lifecycle === 'stopping' || lifecycle === 'stopped') return;
    notifications.notify({
      kind: 'engine-stopped',
      key: `engine-stopped:${before.endpoint}:${before.since}`,
      title: 'The Docker engine stopped unexpectedly',
      body: status.message ?? `Lost the connection to Docker at ${status.endpoint}.`,
    });
  };

  const onVm = (vm: VmInfo): void => {
    if (!vm.live) return; // no figures were read (nobody watches the VM): neither an alert nor a re-arm
    const { usedBytes, limitBytes } = vm.memory;
    const ratio = vm.state === 'Running' && limitBytes > 0 ? usedBytes / limitBytes : 0;
    if (ratio < VM_MEMORY_REARM_RATIO) {
      if (vmAlerted) vmEpisode += 1;
      vmAlerted = false;
      return;
    }
    if (ratio < VM_MEMORY_ALERT_RATIO || vmAlerted) return;
    vmAlerted = true;
    const percent = Math.round(ratio * 100);
    notifications.notify({
      kind: 'vm-memory',
      key: `vm-memory:${vm.bootTime ?? 'unknown'}:${vmEpisode}`,
      title: `The WSL VM is near its memory limit (${percent} %)`,
      body: `Processes in the VM use ${percent} % of its ${Math.round(limitBytes / 2 ** 20)} MiB limit; stop something, or raise memory in .wslconfig.`,
    });
  };

  const onOperation = (operation: Operation): void => {
    if (operation.kind !== 'setup' || operation.state !== 'succeeded') return;
    notifications.notify(setupStepDone({ id: operation.id, title: operation.target, completedAt: options.nowSeconds() }));
  };

  const listener: EventListener = <C extends EventChannel>(channel: C, payload: EventPayload<C>, target: string | undefined): void => {
    // Samples go to the clients that watch the Memory page; the source reads each sample once, whoever it went to.
    if (channel === 'memory:sampled') memoryWarnings.sampled(payload as EventPayload<'memory:sampled'>);
    if (target !== undefined) return;
    if (channel === 'containers:changed') onContainers(payload as EventPayload<'containers:changed'>);
    else if (channel === 'engine:status-changed') onStatus(payload as EventPayload<'engine:status-changed'>);
    else if (channel === 'engine:lifecycle-changed') lifecycle = (payload as EventPayload<'engine:lifecycle-changed'>).state;
    else if (channel === 'vm:changed') onVm(payload as EventPayload<'vm:changed'>);
    else if (channel === 'operations:progressed') onOperation(payload as EventPayload<'operations:progressed'>);
  };
  const unsubscribe = options.subscribe(listener);
  return () => {
    detached = true;
    queue.length = 0;
    unsubscribe();
  };
}
