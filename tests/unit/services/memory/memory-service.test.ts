import { describe, expect, it } from 'vitest';
import type { ContainerDetail, ContainerSummary } from '../../../../shared/model/container';
import { MemoryReport, type MemoryNode } from '../../../../shared/model/memory';
import type { Services } from '../../../../electron/hosts/common/compose-services';
import type { InsightDeps } from '../../../../electron/services/insight-deps';
import { ServiceError } from '../../../../electron/services/errors';
import { allNodes } from '../../../../electron/services/memory/memory-figures';
import { MemoryService } from '../../../../electron/services/memory/memory-service';
import { memoryWarnings } from '../../../../electron/services/memory/memory-warnings';
import { OOM_INSPECTS_PER_CALL, OomWatch } from '../../../../electron/services/memory/oom-watch';
import { useSimulatedTestServices } from '../../../helpers/compose-test-services';
import { RecordingLogger } from '../../../helpers/recording';
import { rejection } from '../../../helpers/service-error';

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

const env = useSimulatedTestServices();

/** The deps composeServices gives the memory service, with this placement and the rest from the composed services. */
function depsOf(placement?: InsightDeps['placement']): InsightDeps {
  return {
    wsl: env.services.wsl,
    engine: env.services.engine,
    events: env.services.events,
    notifications: env.services.notifications,
    clock: { now: () => Date.now() },
    logger: new RecordingLogger(),
    dataDir: env.services.dataDir,
    platform: 'linux',
    hostInfo: env.services.hostInfo,
    placement:
      placement ??
      (async () => ({ kind: 'wsl-distro', distro: 'docker-desktop', simulated: true, description: 'The simulated engine runs in docker-desktop.' })),
  };
}

function sumFaults(nodes: readonly MemoryNode[]): string[] {
  return nodes.flatMap((n) => {
    const own = n.children.length > 0 && n.children.reduce((acc, c) => acc + c.bytes, 0) !== n.bytes ? [n.id] : [];
    return [...own, ...(n.bytes < 0 ? [`${n.id} negative`] : []), ...sumFaults(n.children)];
  });
}

const find = (report: MemoryReport, id: string): MemoryNode | undefined => allNodes(report).find((n) => n.id === id);

describe('MemoryService over the simulated host and engine', () => {
  it('reports the simulated host with the VM, the running distros and the engine distro\u2019s containers with their limits', async () => {
    await env.services.wsl.start('docker-desktop');
    const report = await env.services.memory.report();
    expect(() => MemoryReport.parse(report)).not.toThrow();
    expect(report.simulated).toBe(true);
    expect(report.placement.kind).toBe('wsl-distro');
    expect(report.roots[0]?.kind).toBe('host');
    expect(report.roots[0]?.label).toContain('simulated');
    const engineDistro = find(report, `host/vm/distro:${report.placement.distro}`) as MemoryNode;
    const containers = engineDistro.children.filter((c) => c.kind === 'container');
    expect(containers.length).toBeGreaterThan(0);
    expect(containers.some((c) => c.limitBytes !== null)).toBe(true);
    expect(engineDistro.children.at(-1)?.kind).toBe('distro-other');
    expect(sumFaults(report.roots)).toEqual([]);
    expect(allNodes(report).filter((n) => n.estimated && !n.estimate)).toEqual([]);
  });

  it('reclaim drops the VM\u2019s page cache to 0 and reports the figures before and after', async () => {
    await env.services.wsl.start('docker-desktop');
    const result = await env.services.memory.reclaim();
    expect(result.action).toBe('reclaim');
    expect(result.before.vmPageCacheBytes).toBeGreaterThan(0);
    expect(result.after.vmPageCacheBytes).toBe(0);
    expect(result.after.vmAssignedBytes).toBeLessThan(result.before.vmAssignedBytes);
    expect(find(result.report, 'host/vm/vm-page-cache')?.bytes).toBe(0);
    expect(result.message).toMatch(/dropped .* of page cache/);
  });

  it('reclaim refuses with CONFLICT while the VM is stopped', async () => {
    const error = await rejection(env.services.memory.reclaim());
    expect(error.code).toBe('CONFLICT');
  });

  it('stopContainers stops them, names them, and the containers\u2019 memory falls', async () => {
    await env.services.wsl.start('docker-desktop');
    const running = (await env.services.engine.list()).filter((c) => c.state === 'running');
    expect(running.length).toBeGreaterThan(1);
    const target = running[0] as ContainerSummary;
    const result = await env.services.memory.stopContainers([target.name]);
    expect(result.stopped).toEqual([target.name]);
    expect(result.after.containersBytes).toBeLessThan(result.before.containersBytes);
    expect((await env.services.engine.list()).find((c) => c.id === target.id)?.state).toBe('exited');
    expect(allNodes(result.report).some((n) => n.label === target.name)).toBe(false);
  });

  it('stopContainers refuses an unknown container with NOT_FOUND and stops none of the others', async () => {
    const running = (await env.services.engine.list()).filter((c) => c.state === 'running');
    const error = await rejection(env.services.memory.stopContainers([(running[0] as ContainerSummary).name, 'no-such-container']));
    expect(error.code).toBe('NOT_FOUND');
    expect((await env.services.engine.list()).filter((c) => c.state === 'running').map((c) => c.id)).toEqual(running.map((c) => c.id));
  });

  it('adds this Linux machine as a second root holding the containers when the engine runs on it', async () => {
    const memory = new MemoryService(
      depsOf(async () => ({ kind: 'linux-host', distro: null, simulated: false, description: 'On this machine.' })),
      { thisMachine: () => ({ totalBytes: 8 * GIB, availableBytes: 512 * MIB }) },
    );
    const report = await memory.report();
    expect(report.roots).toHaveLength(2);
    const linux = report.roots[1] as MemoryNode;
    expect(linux.bytes).toBe(8 * GIB);
    expect(linux.children.filter((c) => c.kind === 'container').length).toBeGreaterThan(0);
    expect(linux.children.slice(-2).map((c) => c.kind)).toEqual(['host-other', 'host-free']);
    expect(report.warnings.map((w) => w.id)).toContain('host-pressure:linux');
    expect(sumFaults(report.roots)).toEqual([]);
  });

  it('still reports this machine when WSL cannot be read and where the engine runs cannot be told', async () => {
    const unreadable = Object.assign(Object.create(env.services.wsl) as Services['wsl'], {
      memoryUsage: async () => {
        throw new ServiceError('UNAVAILABLE', 'wsl.exe was not found.');
      },
    });
    const deps = {
      ...depsOf(async () => {
        throw new Error('engine status broke');
      }),
      wsl: unreadable,
      hostInfo: { ...env.services.hostInfo, simulated: false },
    };
    const memory = new MemoryService(deps, { thisMachine: () => ({ totalBytes: 4 * GIB, availableBytes: 3 * GIB }) });
    const report = MemoryReport.parse(await memory.report());
    expect(report.placement.kind).toBe('none');
    expect(report.vm).toBeNull();
    expect(report.roots).toHaveLength(1);
    expect(report.roots[0]?.label).toBe('This machine (no WSL)');
    expect(report.roots[0]?.children.map((c) => [c.kind, c.bytes])).toEqual([
      ['host-other', GIB],
      ['host-free', 3 * GIB],
    ]);
    expect((deps.logger as RecordingLogger).lines.map((l) => l.message)).toEqual(expect.arrayContaining(['memory: WSL memory cannot be read', 'memory: where the engine runs cannot be told']));
  });

  it('without WSL and with the engine on this machine shows that machine once, with the containers', async () => {
    const unreadable = Object.assign(Object.create(env.services.wsl) as Services['wsl'], {
      vm: async () => {
        throw new ServiceError('UNAVAILABLE', 'wsl.exe was not found.');
      },
    });
    const deps = { ...depsOf(async () => ({ kind: 'linux-host', distro: null, simulated: false, description: 'Here.' })), wsl: unreadable };
    const report = await new MemoryService(deps, { thisMachine: () => ({ totalBytes: 4 * GIB, availableBytes: 3 * GIB }) }).report();
    expect(report.roots.map((r) => r.id)).toEqual(['linux']);
    expect(report.roots[0]?.children.filter((c) => c.kind === 'container').length).toBeGreaterThan(0);
    expect(sumFaults(report.roots)).toEqual([]);
  });

  it('over wsl.exe reuses the distros\u2019 figures, the VM and the placement for 5 s, with the host read afresh on Windows', async () => {
    let now = 1_000_000;
    let usageReads = 0;
    let placementReads = 0;
    let vmReads = 0;
    const counted = Object.assign(Object.create(env.services.wsl) as Services['wsl'], {
      memoryUsage: async () => {
        usageReads += 1;
        return { hostTotalBytes: 16 * GIB, hostAvailableBytes: 8 * GIB, distros: [], distroEstimate: 'Sum of resident memory.' };
      },
      vm: async () => {
        vmReads += 1;
        return env.services.wsl.vm();
      },
    });
    const deps: InsightDeps = {
      ...depsOf(async () => {
        placementReads += 1;
        return { kind: 'none', distro: null, simulated: false, description: 'No engine.' };
      }),
      wsl: counted,
      platform: 'win32',
      clock: { now: () => now },
      hostInfo: { ...env.services.hostInfo, backend: 'cli', simulated: false },
    };
    let available = 8 * GIB;
    const memory = new MemoryService(deps, { thisMachine: () => ({ totalBytes: 16 * GIB, availableBytes: available }) });
    await memory.report();
    available = 4 * GIB;
    now += 4_000;
    const reused = await memory.report();
    expect([usageReads, placementReads, vmReads]).toEqual([1, 1, 1]);
    expect(reused.roots[0]?.children.find((c) => c.kind === 'host-free')?.bytes).toBe(4 * GIB);
    now += 1_000;
    await memory.report();
    expect([usageReads, placementReads, vmReads]).toEqual([2, 2, 2]);
  });

  it('shows no containers for a remote engine', async () => {
    await env.services.wsl.start('docker-desktop');
    const memory = new MemoryService(depsOf(async () => ({ kind: 'remote', distro: null, simulated: false, description: 'Elsewhere.' })));
    const report = await memory.report();
    expect(allNodes(report).filter((n) => n.kind === 'container')).toEqual([]);
    expect(report.roots).toHaveLength(1);
  });
});

describe('memoryWarnings', () => {
  const vm = { hostTotalBytes: 32 * GIB, limitBytes: 10 * GIB, assignedBytes: 9 * GIB, usedBytes: 9 * GIB, pageCacheBytes: 0, swapBytes: GIB, swapUsedBytes: MIB, reclaimMode: 'gradual' as const };
  const host = { id: 'host', memory: { label: 'Host', totalBytes: 100 * GIB, availableBytes: 9 * GIB } };

  it('warns of the VM at 90 % of its limit, swapping, a container at 90 % of its limit, an OOM kill and host pressure, with stable ids', () => {
    const input = {
      at: 5,
      vm,
      vmRunning: true,
      machines: [host],
      containers: [
        { id: '1', name: 'web', bytes: 90 * MIB, limitBytes: 100 * MIB },
        { id: '2', name: 'calm', bytes: 89 * MIB, limitBytes: 100 * MIB },
        { id: '3', name: 'free', bytes: 8 * GIB, limitBytes: null },
      ],
      oomKilled: [{ name: 'job', finishedAt: '2026-01-01T00:00:00Z' }],
    };
    const warnings = memoryWarnings(input);
    expect(warnings.map((w) => w.id)).toEqual([
      'container-oom-killed:job:2026-01-01T00:00:00Z',
      'vm-near-limit:vm',
      'vm-swapping:vm',
      'host-pressure:host',
      'container-near-limit:web',
    ]);
    expect(warnings.every((w) => w.at === 5 && w.message.length > 0)).toBe(true);
    expect(memoryWarnings({ ...input, at: 9 }).map((w) => w.id)).toEqual(warnings.map((w) => w.id));
  });

  it('ignores containers with a broken limit or figure', () => {
    const containers = [
      { id: '1', name: 'nan-limit', bytes: 10, limitBytes: Number.NaN },
      { id: '2', name: 'zero-limit', bytes: 10, limitBytes: 0 },
      { id: '3', name: 'nan-bytes', bytes: Number.NaN, limitBytes: 10 },
    ];
    expect(memoryWarnings({ at: 0, vm: null, vmRunning: false, machines: [], containers, oomKilled: [] })).toEqual([]);
  });

  it('stays quiet below the thresholds and for a stopped VM', () => {
    expect(
      memoryWarnings({
        at: 0,
        vm: { ...vm, usedBytes: 8 * GIB },
        vmRunning: false,
        machines: [{ id: 'host', memory: { ...host.memory, availableBytes: 10 * GIB } }],
        containers: [],
        oomKilled: [],
      }),
    ).toEqual([]);
  });
});

describe('OomWatch', () => {
  const summary = (id: string, state: ContainerSummary['state']): ContainerSummary =>
    ({ id, name: `c-${id}`, state }) as unknown as ContainerSummary;
  const detail = (id: string, oom: boolean, finishedAt = '2026-01-01T00:00:00Z'): ContainerDetail =>
    ({ id, name: `c-${id}`, finishedAt, inspect: { State: { OOMKilled: oom, FinishedAt: finishedAt } } }) as unknown as ContainerDetail;

  it('inspects exited containers once, at most a few per call, and keeps the answer until it is old', async () => {
    const inspected: string[] = [];
    const watch = new OomWatch(async (id) => {
      inspected.push(id);
      return detail(id, id === '12');
    });
    const list = [summary('1', 'running'), ...Array.from({ length: 12 }, (_, i) => summary(String(i + 2), 'exited'))];
    expect(await watch.killed(list, 0)).toEqual([]);
    expect(inspected).toHaveLength(OOM_INSPECTS_PER_CALL);
    expect(inspected).not.toContain('1');
    expect(await watch.killed(list, 1_000)).toEqual([{ name: 'c-12', finishedAt: '2026-01-01T00:00:00Z' }]);
    expect(inspected).toHaveLength(12);
    await watch.killed(list, 2_000);
    expect(inspected).toHaveLength(12);
    await watch.killed(list, 61_000);
    expect(inspected).toHaveLength(12 + OOM_INSPECTS_PER_CALL);
  });

  it('forgets containers that are gone and survives a failing inspect', async () => {
    const watch = new OomWatch(async (id) => {
      if (id === 'bad') throw new Error('engine gone');
      return detail(id, true);
    });
    expect(await watch.killed([summary('bad', 'exited'), summary('x', 'dead')], 0)).toEqual([{ name: 'c-x', finishedAt: '2026-01-01T00:00:00Z' }]);
    expect(await watch.killed([], 1)).toEqual([]);
  });
});
