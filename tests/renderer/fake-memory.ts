import type { EventChannel, EventPayload, InvokeChannel } from '../../shared/ipc/contract';
import { fail, ok, type IpcResult } from '../../shared/ipc/result';
import type { EnginePlacement } from '../../shared/model/engine-placement';
import type {
  MemoryActionResult,
  MemoryFigures,
  MemoryHistory,
  MemoryNode,
  MemoryReport,
  MemoryResolution,
  MemorySample,
  MemoryWarning,
} from '../../shared/model/memory';

type Emit = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => void;

const MIB = 1024 ** 2;
const GIB = 1024 ** 3;

/** When the fake's newest figures were taken (its clock moves one second a pushed sample). */
export const FAKE_MEMORY_NOW = Date.UTC(2026, 11, 2, 1, 0, 0);

/** One container of the fake, as the engine would report its cgroup. */
export interface FakeMemoryContainer {
  name: string;
  bytes: number;
  limitBytes: number | null;
  /** True when its figure is estimated (the engine gave no cgroup reading). */
  estimated: boolean;
}

/** The figures the fake's breakdown is built from; tests change them, then push a sample. */
export interface FakeMemoryState {
  /** False when no WSL 2 distro runs: no VM node, the VM's figures zero, no containers in docker-desktop. */
  vmRunning: boolean;
  /** True when the engine runs on the Linux machine itself: its containers move to a second root. */
  engineOnLinuxHost: boolean;
  hostTotalBytes: number;
  hostOtherBytes: number;
  vmLimitBytes: number;
  vmAssignedBytes: number;
  vmSystemBytes: number;
  vmPageCacheBytes: number;
  ubuntuBytes: number;
  /** docker-desktop's own processes, besides its containers. */
  engineDistroOtherBytes: number;
  containers: FakeMemoryContainer[];
  reclaimMode: 'disabled' | 'gradual' | 'dropCache';
}

/** The breakdown the fake starts with: 32 GiB host, an 8 GiB VM holding 6 GiB, four containers in docker-desktop. */
export function initialMemoryState(): FakeMemoryState {
  return {
    vmRunning: true,
    engineOnLinuxHost: false,
    hostTotalBytes: 32 * GIB,
    hostOtherBytes: 14 * GIB,
    vmLimitBytes: 8 * GIB,
    vmAssignedBytes: 6 * GIB,
    vmSystemBytes: 512 * MIB,
    vmPageCacheBytes: 1280 * MIB,
    ubuntuBytes: 1 * GIB,
    engineDistroOtherBytes: 64 * MIB,
    containers: [
      { name: 'shop-db-1', bytes: 900 * MIB, limitBytes: 1 * GIB, estimated: false },
      { name: 'shop-web-1', bytes: 700 * MIB, limitBytes: 2 * GIB, estimated: false },
      { name: 'worker', bytes: 256 * MIB, limitBytes: null, estimated: false },
      { name: 'cache', bytes: 128 * MIB, limitBytes: 256 * MIB, estimated: true },
    ],
    reclaimMode: 'dropCache',
  };
}

function node(id: string, kind: MemoryNode['kind'], label: string, bytes: number, extra: Partial<MemoryNode> = {}): MemoryNode {
  return { id, kind, label, bytes, limitBytes: null, estimated: false, estimate: null, children: [], ...extra };
}

function containerNodes(state: FakeMemoryState): MemoryNode[] {
  return state.containers.map((container) =>
    node(`container:${container.name}`, 'container', container.name, container.bytes, {
      limitBytes: container.limitBytes,
      estimated: container.estimated,
      estimate: container.estimated ? 'The engine gave no cgroup reading; this is the last figure docker stats showed.' : null,
    }),
  );
}

function containersBytes(state: FakeMemoryState): number {
  return state.containers.reduce((sum, container) => sum + container.bytes, 0);
}

function engineDistroBytes(state: FakeMemoryState): number {
  return state.engineDistroOtherBytes + (state.engineOnLinuxHost ? 0 : containersBytes(state));
}

function vmUsedBytes(state: FakeMemoryState): number {
  return state.vmSystemBytes + state.ubuntuBytes + engineDistroBytes(state);
}

function vmNode(state: FakeMemoryState): MemoryNode {
  const engineChildren = state.engineOnLinuxHost
    ? []
    : [...containerNodes(state), node('distro-other:docker-desktop', 'distro-other', 'Other processes', state.engineDistroOtherBytes)];
  const free = state.vmAssignedBytes - vmUsedBytes(state) - state.vmPageCacheBytes;
  return node('vm', 'vm', 'WSL 2 VM (vmmem)', state.vmAssignedBytes, {
    limitBytes: state.vmLimitBytes,
    children: [
      node('vm-system', 'vm-system', 'Kernel and WSL system', state.vmSystemBytes, {
        estimated: true,
        estimate: 'What Linux uses minus what the distros’ processes use.',
      }),
      node('vm-page-cache', 'vm-page-cache', 'Page cache', state.vmPageCacheBytes),
      node('distro:Ubuntu-24.04', 'distro', 'Ubuntu-24.04', state.ubuntuBytes),
      node('distro:docker-desktop', 'distro', 'docker-desktop', engineDistroBytes(state), { children: engineChildren }),
      node('vm-free', 'vm-free', 'Free in the VM', free),
    ],
  });
}

function windowsRoot(state: FakeMemoryState): MemoryNode {
  const vmBytes = state.vmRunning ? state.vmAssignedBytes : 0;
  return node('host', 'host', 'Windows host', state.hostTotalBytes, {
    children: [
      node('host-other', 'host-other', 'Other programs', state.hostOtherBytes, {
        estimated: true,
        estimate: 'Host RAM in use minus what vmmem holds.',
      }),
      ...(state.vmRunning ? [vmNode(state)] : []),
      node('host-free', 'host-free', 'Free', state.hostTotalBytes - state.hostOtherBytes - vmBytes),
    ],
  });
}

function linuxRoot(state: FakeMemoryState): MemoryNode {
  const total = 16 * GIB;
  const other = 3 * GIB;
  return node('linux-host', 'host', 'This Linux machine', total, {
    children: [
      node('linux-host-other', 'host-other', 'Other processes', other),
      ...containerNodes(state),
      node('linux-host-free', 'host-free', 'Free', total - other - containersBytes(state)),
    ],
  });
}

function placement(state: FakeMemoryState): EnginePlacement {
  if (state.engineOnLinuxHost) {
    return { kind: 'linux-host', distro: null, simulated: false, description: 'The engine runs directly on this Linux machine, outside any VM.' };
  }
  return {
    kind: 'wsl-distro',
    distro: 'docker-desktop',
    simulated: true,
    description: 'The engine runs in the docker-desktop WSL distro, inside the WSL 2 VM (simulated).',
  };
}

function warnings(state: FakeMemoryState): MemoryWarning[] {
  const found: MemoryWarning[] = [];
  for (const container of state.containers) {
    if (container.limitBytes !== null && container.bytes >= container.limitBytes * 0.85) {
      found.push({
        id: `container-near-limit:${container.name}`,
        kind: 'container-near-limit',
        severity: 'warning',
        subject: container.name,
        message: `${container.name} uses ${Math.round((container.bytes / container.limitBytes) * 100)} % of its memory limit.`,
        at: FAKE_MEMORY_NOW,
      });
    }
  }
  if (state.containers.some((container) => container.name === 'cache')) {
    found.push({
      id: 'container-oom-killed:cache',
      kind: 'container-oom-killed',
      severity: 'error',
      subject: 'cache',
      message: 'cache was killed for running out of memory (its limit is 256 MiB).',
      at: FAKE_MEMORY_NOW - 60_000,
    });
  }
  return found;
}

/** The figures an action compares, from the fake's state. */
export function fakeFigures(state: FakeMemoryState): MemoryFigures {
  const vm = state.vmRunning;
  return {
    hostUsedBytes: state.hostOtherBytes + (vm ? state.vmAssignedBytes : 0),
    vmAssignedBytes: vm ? state.vmAssignedBytes : 0,
    vmUsedBytes: vm ? vmUsedBytes(state) : 0,
    vmPageCacheBytes: vm ? state.vmPageCacheBytes : 0,
    containersBytes: containersBytes(state),
  };
}

/** The fake's state as `memory:report` answers it at `at`. */
export function fakeReport(state: FakeMemoryState, at = FAKE_MEMORY_NOW): MemoryReport {
  return {
    at,
    simulated: true,
    placement: placement(state),
    roots: state.engineOnLinuxHost ? [windowsRoot(state), linuxRoot(state)] : [windowsRoot(state)],
    vm: {
      hostTotalBytes: state.hostTotalBytes,
      limitBytes: state.vmLimitBytes,
      assignedBytes: state.vmRunning ? state.vmAssignedBytes : 0,
      usedBytes: state.vmRunning ? vmUsedBytes(state) : 0,
      pageCacheBytes: state.vmRunning ? state.vmPageCacheBytes : 0,
      swapBytes: 2 * GIB,
      swapUsedBytes: 0,
      reclaimMode: state.reclaimMode,
    },
    warnings: warnings(state),
  };
}

function sampleOf(state: FakeMemoryState, t: number): MemorySample {
  const figures = fakeFigures(state);
  return {
    t,
    hostUsedBytes: figures.hostUsedBytes,
    vmAssignedBytes: figures.vmAssignedBytes,
    vmUsedBytes: figures.vmUsedBytes,
    vmPageCacheBytes: figures.vmPageCacheBytes,
    distros: state.vmRunning ? { 'Ubuntu-24.04': state.ubuntuBytes, 'docker-desktop': engineDistroBytes(state) } : {},
    containers: Object.fromEntries(state.containers.map((container) => [container.name, container.bytes])),
  };
}

/** A history of `count` samples ending at `end`, figures wavering a little around the state's. */
function seedHistory(state: FakeMemoryState, resolution: MemoryResolution, count: number, end: number): MemoryHistory {
  const intervalMs = resolution === '1s' ? 1000 : 60_000;
  const capacity = resolution === '1s' ? 600 : 1440;
  const samples = Array.from({ length: count }, (_, index) => {
    const sample = sampleOf(state, end - (count - 1 - index) * intervalMs);
    const wobble = ((index % 5) - 2) * 16 * MIB;
    return { ...sample, vmUsedBytes: Math.max(0, sample.vmUsedBytes + wobble), hostUsedBytes: sample.hostUsedBytes + wobble };
  });
  return { resolution, intervalMs, capacity, samples };
}

/**
 * The memory channels of the fake host: a breakdown (Windows host → VM → distros → containers, or a second root
 * for an engine on the Linux machine), history at both resolutions, `memory:watch` subscriptions that push
 * `memory:sampled` when a test calls `pushSample`, and reclaim / stop-containers that change the figures and
 * answer them before and after.
 */
export class FakeMemory {
  state: FakeMemoryState = initialMemoryState();
  /** The subscriptions `memory:watch` handed out and `memory:unwatch` has not ended. */
  readonly watching = new Set<string>();
  private now = FAKE_MEMORY_NOW;
  private sequence = 0;
  private readonly histories: Record<MemoryResolution, MemoryHistory>;

  constructor(private readonly emit: Emit) {
    this.histories = { '1s': seedHistory(this.state, '1s', 30, this.now), '1m': seedHistory(this.state, '1m', 90, this.now) };
  }

  /** The breakdown as `memory:report` answers it now. */
  report(): MemoryReport {
    return fakeReport(this.state, this.now);
  }

  /** No WSL 2 distro runs: the VM holds nothing and docker-desktop's containers are gone with it. */
  stopVm(): void {
    this.state.vmRunning = false;
    this.state.containers = [];
  }

  /** Changes the state (optionally), takes a sample one second later and pushes it to every watcher. */
  pushSample(change?: (state: FakeMemoryState) => void): MemorySample {
    change?.(this.state);
    this.now += 1000;
    const sample = sampleOf(this.state, this.now);
    const history = this.histories['1s'];
    history.samples = [...history.samples, sample].slice(-history.capacity);
    for (const subscriptionId of this.watching) this.emit('memory:sampled', { subscriptionId, report: this.report(), sample });
    return sample;
  }

  /** The answer for one of its channels, or undefined for any other channel. */
  answer(channel: InvokeChannel, request: unknown): IpcResult<unknown> | undefined {
    switch (channel) {
      case 'memory:report':
        return ok(this.report());
      case 'memory:history': {
        const history = this.histories[(request as { resolution: MemoryResolution }).resolution];
        return ok({ ...history, samples: [...history.samples] });
      }
      case 'memory:watch': {
        this.sequence += 1;
        const subscriptionId = `memory-${this.sequence}`;
        this.watching.add(subscriptionId);
        return ok({ subscriptionId });
      }
      case 'memory:unwatch':
        this.watching.delete((request as { subscriptionId: string }).subscriptionId);
        return ok({});
      case 'memory:reclaim':
        return this.reclaim();
      case 'memory:stop-containers':
        return this.stop((request as { ids: string[] }).ids);
      default:
        return undefined;
    }
  }

  private reclaim(): IpcResult<unknown> {
    if (!this.state.vmRunning) return fail('CONFLICT', 'The WSL VM is not running, so it holds no page cache to give back.');
    const before = fakeFigures(this.state);
    const dropped = this.state.vmPageCacheBytes;
    this.state.vmPageCacheBytes = 0;
    this.state.vmAssignedBytes -= dropped;
    return ok(this.result('reclaim', before, [], `The VM gave ${dropped} bytes of page cache back to the host.`));
  }

  private stop(ids: string[]): IpcResult<unknown> {
    const names = ids.map((id) => id.replace(/^\//, ''));
    const unknown = names.find((name) => !this.state.containers.some((container) => container.name === name));
    if (unknown !== undefined) return fail('NOT_FOUND', `There is no running container named ${unknown}.`);
    const before = fakeFigures(this.state);
    this.state.containers = this.state.containers.filter((container) => !names.includes(container.name));
    return ok(this.result('stop-containers', before, names, `Stopped ${names.join(', ')}.`));
  }

  private result(action: MemoryActionResult['action'], before: MemoryFigures, stopped: string[], message: string): MemoryActionResult {
    return { action, before, after: fakeFigures(this.state), message, stopped, report: this.report() };
  }
}
